import fc from 'fast-check';
import {
  isCoveredBy,
  membershipPeriods,
  organisationDecider,
  organisationStream,
  personDecider,
  personStream,
  tenurePeriodsOf,
} from '@baytaq/domain';
import { MemoryEventStore, type EventStore } from '@baytaq/event-store';
import { ContextLoader } from '../../apps/registry/src/commands/context-loader';
import { CommandHandling } from '../../apps/registry/src/commands/handle';
import { ProcessProgress } from '../../apps/registry/src/commands/process-progress';
import { RegistryClock } from '../../apps/registry/src/clock/registry-clock';
import { RelationsIndex } from '../../apps/registry/src/commands/relations.index';
import { StreamStates } from '../../apps/registry/src/commands/stream-states';
import type { WriteContext } from '../../apps/registry/src/commands/write-context';
import type { RegistryConfig } from '../../apps/registry/src/config/registry-config';
import {
  OrganisationWrite,
  OrganisationWriteHandler,
} from '../../apps/registry/src/organisations/organisation.handlers';
import { PersonWrite, PersonWriteHandler } from '../../apps/registry/src/people/person.handlers';
import { LogProcess } from '../../apps/registry/src/processes/log-process';
import { OfficersStayMembers } from '../../apps/registry/src/processes/officers-stay-members.process';
import { ProcessCheckpoints } from '../../apps/registry/src/processes/process-checkpoints';
import type { IinReservations } from '../../apps/registry/src/people/iin-reservation.service';

const PARTY = '00000000-0000-4000-8000-00000000a001';
const POST = '00000000-0000-4000-8000-00000000b001';
const PEOPLE = [1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000c00${n}`);
const write = (n: number): WriteContext => ({
  actor: 'property',
  correlationId: `c${n}`,
  causationId: `c${n}`,
  today: '2024-06-01',
});

/** The store's answers arrive in an order the scheduler picks: every read can go stale before its write lands. */
function scheduled(store: MemoryEventStore, s: fc.Scheduler): EventStore {
  const later =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      s.schedule(call.apply(store, args));
  return Object.assign(Object.create(store) as EventStore, {
    readStream: later(store.readStream),
    readAll: later(store.readAll),
    append: later(store.append),
    headPosition: later(store.headPosition),
  });
}

function registry(store: EventStore) {
  const config = { minAge: 18, timezone: 'Asia/Almaty' } as RegistryConfig;
  const streams = new StreamStates(store);
  const relations = new RelationsIndex(store);
  const progress = new ProcessProgress(store);
  const handling = new CommandHandling(store, streams, new ContextLoader(streams, relations, config), progress);
  const process = new LogProcess(
    store,
    new ProcessCheckpoints(null),
    new OfficersStayMembers(streams, relations, handling, new RegistryClock(config)),
  );
  progress.register(process);
  return {
    streams,
    process,
    organisations: new OrganisationWriteHandler(handling, relations),
    people: new PersonWriteHandler(handling, {} as IinReservations),
  };
}

/** A party with a post of unlimited seats, and three members admitted on 2023-01-01. */
async function seed(r: ReturnType<typeof registry>): Promise<void> {
  let n = 0;
  const establish = {
    type: 'EstablishOrganisation' as const,
    organisationId: PARTY,
    kind: 'party' as const,
    name: { ru: 'Синтетическая' },
    effectiveDate: '2022-01-01',
  };
  const post = {
    type: 'CreatePost' as const,
    postId: POST,
    title: { ru: 'Член совета' },
    role: 'member' as const,
    seats: null,
    effectiveDate: '2022-01-01',
  };
  for (const command of [establish, post]) {
    await r.organisations.execute(new OrganisationWrite({ organisationId: PARTY }, command, write(n++)));
  }
  for (const personId of PEOPLE) {
    const name = { surname: 'Синтетов', given: 'Свойство' };
    const register = { type: 'RegisterPerson' as const, personId, name, citizenship: 'KZ', birthDate: '1980-01-01' };
    await r.people.execute(new PersonWrite(personId, register, write(n++)));
    const admit = { type: 'AdmitMember' as const, organisationId: PARTY, effectiveDate: '2023-01-01' };
    await r.people.execute(new PersonWrite(personId, admit, write(n++)));
  }
}

type Step =
  | { kind: 'tenure'; person: number; from: string }
  | { kind: 'terminate'; person: number; on: string }
  | { kind: 'end'; person: number; on: string };

const date = fc.constantFrom('2023-03-01', '2023-06-01', '2023-09-01', '2024-01-01', '2024-03-01');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('tenure' as const), person: fc.integer({ min: 0, max: 2 }), from: date }),
  fc.record({ kind: fc.constant('terminate' as const), person: fc.integer({ min: 0, max: 2 }), on: date }),
  fc.record({ kind: fc.constant('end' as const), person: fc.integer({ min: 0, max: 2 }), on: date }),
);

describe('officers stay members, whatever the interleaving (property)', () => {
  it('leaves, once quiet, no tenure on a day its holder is not a member', async () => {
    let tenures = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(step, { minLength: 2, maxLength: 8 }), async (s, steps) => {
        const memory = new MemoryEventStore();
        const setup = registry(memory);
        await seed(setup);
        // The setup's process never runs: the one that matters is the live one, as in the service.

        const live = registry(scheduled(memory, s));
        const liveStarted = live.process.start();
        const started: string[] = [];
        const run = async (item: Step, i: number): Promise<void> => {
          const personId = PEOPLE[item.person]!;
          if (item.kind === 'tenure') {
            const tenureId = `00000000-0000-4000-8000-${String(100000000000 + i).slice(0, 12)}`;
            const command = {
              type: 'StartTenure' as const,
              postId: POST,
              tenureId,
              personId,
              method: 'elected' as const,
              effectiveDate: item.from,
            };
            await live.organisations.execute(
              new OrganisationWrite({ holderOf: 'post', id: POST }, command, write(100 + i), tenureId),
            );
            started.push(tenureId);
          } else if (item.kind === 'terminate') {
            await live.people.execute(
              new PersonWrite(
                personId,
                { type: 'TerminateMembership', effectiveDate: item.on, reason: 'resigned' },
                write(100 + i),
              ),
            );
          } else if (started.length > 0) {
            const tenureId = started[started.length - 1]!;
            await live.organisations.execute(
              new OrganisationWrite(
                { holderOf: 'tenure', id: tenureId },
                { type: 'EndTenure', tenureId, effectiveDate: item.on, reason: 'resigned' },
                write(100 + i),
                tenureId,
              ),
            );
          }
        };
        // Refusals are expected (a termination while a later tenure stands, say): the property is about what is left.
        const done = Promise.all([liveStarted, ...steps.map((item, i) => run(item, i).catch(() => undefined))]);
        await s.waitFor(done);
        // Quiet: the live process has handled everything recorded.
        await s.waitFor(live.process.completeAfter(String(await memory.headPosition())));
        await s.waitFor(live.process.close());

        const { state: organisation } = await setup.streams.load(organisationStream(PARTY), organisationDecider);
        for (const personId of PEOPLE) {
          const { state: person } = await setup.streams.load(personStream(personId), personDecider);
          const member = membershipPeriods(person).member;
          for (const period of tenurePeriodsOf(organisation, personId)) {
            tenures += 1;
            expect({ personId, period, covered: isCoveredBy(period, member) }).toEqual({
              personId,
              period,
              covered: true,
            });
          }
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 60), seed: 20261207 },
    );
    // The property held over real tenures, not over histories that never got one in.
    expect(tenures).toBeGreaterThan(20);
  }, 120_000);
});

describe('officers stay members, the race made certain', () => {
  it('retracts a tenure start whose append landed after the termination and its consequences', async () => {
    const memory = new MemoryEventStore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated = Object.assign(Object.create(memory) as EventStore, {
      append: async (stream: string, events: Parameters<EventStore['append']>[1], expected: never) => {
        if (events.some((e) => e.type === 'TenureStarted' && e.data['effectiveDate'] === '2024-04-01')) await gate;
        return memory.append(stream, events, expected);
      },
    });
    const r = registry(gated);
    const personId = PEOPLE[0]!;
    await seed(r);
    await r.process.start();

    const tenureId = '00000000-0000-4000-8000-0000000d0001';
    const start = {
      type: 'StartTenure' as const,
      postId: POST,
      tenureId,
      personId,
      method: 'elected' as const,
      effectiveDate: '2024-04-01',
    };
    // Decided while the person is a member; its append waits at the gate.
    const tenure = r.organisations.execute(
      new OrganisationWrite({ holderOf: 'post', id: POST }, start, write(5), tenureId),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Meanwhile the membership ends, with no tenure in sight, and its consequences are complete.
    await r.people.execute(
      new PersonWrite(
        personId,
        { type: 'TerminateMembership', effectiveDate: '2024-03-01', reason: 'resigned' },
        write(6),
      ),
    );
    release();
    await tenure;
    await r.process.completeAfter(String(await memory.headPosition()));
    await r.process.close();

    const { state } = await r.streams.load(organisationStream(PARTY), organisationDecider);
    expect(tenurePeriodsOf(state, personId)).toEqual([]);
    const retraction = (await memory.readStream(organisationStream(PARTY))).find((e) => e.type === 'EventRetracted');
    expect(retraction?.metadata['causationId']).toBeDefined();
  });
});
