import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { makeIin, personDecider, personStream } from '@baytaq/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/registry/src/create-app';
import { CommandHandling } from '../../apps/registry/src/commands/handle';
import { PERSON_KEYS, type PersonKeys } from '../../apps/registry/src/personal-data/person-keys';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

const IIN = makeIin('1983-05-06', 'female', 11);

/**
 * A crash between the two steps of an erasure (PersonalDataErased appended, the key not yet
 * destroyed): the next start finishes it before it answers anyone.
 */
describe('an erasure cut short between its event and its key', () => {
  let t: TestApp;
  let app: NestFastifyApplication;
  afterAll(async () => {
    await app.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });

  it('has the key destroyed at the next start, and the person reads as erased', async () => {
    t = await startTestApp();
    app = t.app;
    const call = client(app, t.adminKey);
    const id = await registryWrites(call).registerPerson('Прерванова', { iin: IIN, birthDate: '1983-05-06' });
    // The erasure's first step alone, as the handler makes it, without the key's destruction after it.
    const write = { actor: 'admin', correlationId: randomUUID(), causationId: randomUUID(), today: '2026-12-07' };
    const command = { type: 'ErasePersonalData' as const, reason: 'withdrew consent', legalBasis: 'Law No. 94-V' };
    await app.get(CommandHandling).handle(personStream(id), personDecider, command, write, { id });
    expect(app.get<PersonKeys>(PERSON_KEYS).destroyed(id)).toBe(false);

    await app.close();
    app = await createApp(t.config);
    await app.getHttpAdapter().getInstance().ready();
    expect(app.get<PersonKeys>(PERSON_KEYS).destroyed(id)).toBe(true);
    const person = expectStatus(await client(app, t.adminKey)('GET', `/v1/people/${id}`));
    expect(person).toMatchObject({ erased: { on: '2026-12-07' }, name: { surname: '[erased]' } });
    expect(JSON.stringify(person)).not.toMatch(new RegExp(`${IIN}|Прерванова`));
  });
});
