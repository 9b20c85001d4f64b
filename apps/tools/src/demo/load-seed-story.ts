import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyService } from '../../../registry/src/commands/idempotency.service';
import { RegistryClock } from '../../../registry/src/clock/registry-clock';
import { RequestHasher } from '../../../registry/src/commands/request-hash';
import type { WriteContext } from '../../../registry/src/commands/write-context';
import { MeetingWrite } from '../../../registry/src/meetings/meeting.handlers';
import { OrganisationWrite } from '../../../registry/src/organisations/organisation.handlers';
import { PersonWrite } from '../../../registry/src/people/person.handlers';
import { SEED_STORY, type SeedStep } from './seed-story';

export const DEMO_ACTOR = 'demo-loader';

function commandOf(step: SeedStep, write: WriteContext): OrganisationWrite | PersonWrite | MeetingWrite {
  switch (step.stream) {
    case 'organisation':
      return new OrganisationWrite({ organisationId: step.id }, step.command, write, step.resourceId ?? step.id);
    case 'person':
      return new PersonWrite(step.id, step.command, write);
    case 'meeting':
      return new MeetingWrite(step.id, step.command, write);
  }
}

/**
 * Loads the seed story through the same command handlers as the API. Every step carries an
 * idempotency key of its own, so that a second run replays the first answers and appends nothing.
 */
export async function loadSeedStory(app: INestApplicationContext): Promise<{ applied: number; replayed: number }> {
  const bus = app.get(CommandBus);
  const idempotency = app.get(IdempotencyService);
  const hasher = app.get(RequestHasher);
  const today = app.get(RegistryClock).today();
  let applied = 0;
  let replayed = 0;
  for (const step of SEED_STORY) {
    const key = `seed/${step.key}`;
    const request = idempotency.request(DEMO_ACTOR, key, hasher.hash('SEED', step.key, step.command));
    const write: WriteContext = {
      actor: DEMO_ACTOR,
      correlationId: 'seed-story',
      causationId: key,
      idempotency: request,
      today,
    };
    const outcome = await idempotency.run(request, DEMO_ACTOR, async () => ({
      status: 200,
      body: { ...(await bus.execute(commandOf(step, write))) },
    }));
    if (outcome.replayed) replayed += 1;
    else applied += 1;
  }
  return { applied, replayed };
}
