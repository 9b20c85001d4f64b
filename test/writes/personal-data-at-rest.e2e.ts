import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ERASED_NAME, makeIin, personStream } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { PERSON_KEYS, type PersonKeys } from '../../apps/registry/src/personal-data/person-keys';
import { importClient, MEMBER_HEADER } from '../imports/import-client';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

interface EventRow {
  stream: string;
  type: string;
  data: string;
  metadata: string;
}

/**
 * What the service writes to its log holds no personal data in plain text: people's events are
 * sealed, and the records kept beside them (idempotency answers, IIN reservations, member
 * imports with their rejected rows) carry none. Through the real app, the rows read back after.
 */
describe('personal data at rest in the log (e2e)', () => {
  let t: TestApp | undefined;
  let closedDir: string | undefined;
  afterAll(async () => {
    await t?.close();
    if (closedDir) rmSync(closedDir, { recursive: true, force: true });
  });

  it('keeps IINs, names, birth dates and card numbers of API writes and imports out of every stored row in plain text', async () => {
    t = await startTestApp();
    const call = client(t.app, t.adminKey);
    const w = registryWrites(call);
    const party = randomUUID();
    const region = randomUUID();
    await w.establishParty(party);
    const branch = { id: region, kind: 'regional_branch', parentId: party, kato: '350000000', name: { ru: 'Синт' } };
    expectStatus(await call('POST', '/v1/organisations', { ...branch, effectiveDate: '2023-01-10' }), 201);

    const apiIin = makeIin('1977-07-17', 'female', 171);
    const registered = await call(
      'POST',
      '/v1/people',
      {
        name: { surname: 'Апишифрова', given: 'Синтетика' },
        latinName: { surname: 'Apishifrova', given: 'Sintetika' },
        citizenship: 'KZ',
        iin: apiIin,
        birthDate: '1977-07-17',
        contacts: { phone: '+77017771717', email: 'apishifrova@example.test' },
      },
      { 'idempotency-key': 'register-apishifrova' },
    );
    const personId = expectStatus(registered, 201)['id'] as string;
    const admission = { organisationId: region, effectiveDate: '2023-02-01', cardNumber: 'CARD-APISEAL-17' };
    expectStatus(
      await call('POST', `/v1/people/${personId}/membership/admission`, admission, { 'idempotency-key': 'admit-17' }),
    );

    const importedIin = makeIin('1978-08-18', 'male', 181);
    const badIin = makeIin('1979-09-19', 'male', 191).slice(0, 11) + '0';
    const file = [
      MEMBER_HEADER,
      `Импортшифров,Синтетик,,${importedIin},1978-08-18,KZ,350000000,2023-03-01,CARD-IMPSEAL-18`,
      `Отказшифров,Синтетик,,${badIin},1979-09-19,KZ,350000000,2023-03-01,`,
      `Повторшифров,Синтетик,,${importedIin},,KZ,350000000,2023-03-01,CARD-DUPSEAL-18`,
      `Юншифров,Синтетик,,${makeIin('2012-12-12', 'male', 121)},2012-12-12,KZ,350000000,2023-03-01,`,
    ].join('\n');
    const imports = importClient(t.app, t.adminKey);
    const upload = await imports.csv(file, '', { 'idempotency-key': 'import-sealing' });
    expect(upload.status).toBe(202);
    const report = await imports.finished(upload.body['id'] as string);
    expect(report['rows']).toMatchObject({ admitted: 1, rejected: 3 });

    // The reads still show what was written.
    const person = expectStatus(await call('GET', `/v1/people/${personId}`));
    expect(JSON.stringify(person)).toContain(apiIin);

    const dataDir = t.dataDir;
    await t.app.close();
    t = undefined;
    closedDir = dataDir;
    const db = new Database(join(dataDir, 'registry.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT stream, type, data, metadata FROM events').all() as EventRow[];
    db.close();
    const secrets = [
      apiIin,
      importedIin,
      badIin,
      'Апишифрова',
      'Apishifrova',
      'Импортшифров',
      'Отказшифров',
      'Повторшифров',
      'Юншифров',
      '1977-07-17',
      '1978-08-18',
      '1979-09-19',
      '2012-12-12',
      '+77017771717',
      'apishifrova@example.test',
      'CARD-APISEAL-17',
      'CARD-IMPSEAL-18',
      'CARD-DUPSEAL-18',
    ];
    const leaks = rows.flatMap((row) =>
      secrets.filter((s) => row.data.includes(s) || row.metadata.includes(s)).map((s) => `${row.type} ${s}`),
    );
    expect(leaks).toEqual([]);
    const sealed = rows.filter((r) => r.type === 'PersonRegistered' || r.type === 'MemberAdmitted');
    expect(sealed.length).toBeGreaterThanOrEqual(4);
    expect(sealed.every((r) => 'sealed' in JSON.parse(r.data))).toBe(true);
    expect(rows.some((r) => r.stream.startsWith('idempotency-'))).toBe(true);
    expect(rows.some((r) => r.type === 'ImportRowsRejected')).toBe(true);
    expect(existsSync(join(dataDir, 'keys.sqlite'))).toBe(true);
  });

  it('reads a person as erased once PERSON_KEYS destroyed their key, in this thread and in the writer thread', async () => {
    const app = await startTestApp();
    try {
      const w = registryWrites(client(app.app, app.adminKey));
      const party = randomUUID();
      await w.establishParty(party);
      const iin = makeIin('1976-06-16', 'male', 161);
      const personId = await w.registerPerson('Ключуничтожен', { iin, birthDate: '1976-06-16' });
      const keys = app.app.get<PersonKeys>(PERSON_KEYS);
      const store = app.app.get<EventStore>(EVENT_STORE);
      expect((await store.readStream(personStream(personId)))[0]!.data['personal']).toMatchObject({ iin });
      expect(keys.destroyed(personId)).toBe(false);
      expect(await keys.destroy(personId)).toBe(true);
      expect(await keys.destroy(personId)).toBe(false);
      expect(keys.destroyed(personId)).toBe(true);
      const [registered] = await store.readStream(personStream(personId));
      expect(registered!.data).toMatchObject({ name: ERASED_NAME, personal: {} });
      expect(JSON.stringify(await store.readAll())).not.toContain(iin);
      // The writer thread forgot the key: details changed after it are stored with the replacements.
      const change = {
        reason: 'corrected',
        effectiveDate: '2024-01-01',
        name: { surname: 'Послеключов', given: 'Синтетик' },
      };
      expectStatus(await client(app.app, app.adminKey)('POST', `/v1/people/${personId}/details`, change));
      const db = new Database(join(app.dataDir, 'registry.sqlite'), { readonly: true });
      const stored = db
        .prepare('SELECT data FROM events WHERE stream = ?')
        .pluck()
        .all(personStream(personId)) as string[];
      db.close();
      expect(stored.filter((d) => d.includes('Послеключов') || d.includes(iin))).toEqual([]);
      const changed = JSON.parse(stored.find((d) => d.includes('"corrected"'))!) as Record<string, unknown>;
      expect(changed).toMatchObject({ reason: 'corrected', name: ERASED_NAME });
      expect(changed).not.toHaveProperty('sealed');
    } finally {
      await app.close();
    }
  });
});
