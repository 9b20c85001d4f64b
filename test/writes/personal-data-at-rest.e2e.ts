import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeIin } from '@baytaq/domain';
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
});
