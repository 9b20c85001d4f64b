import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { makeIin } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/registry/src/create-app';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';
import { importClient, MEMBER_HEADER, rejections } from './import-client';

/** Events of a type in the whole log: what a re-run must not add to. */
async function countEvents(store: EventStore, type: string): Promise<number> {
  return (await store.readAll({ filter: { eventTypes: [type] } })).length;
}

describe('member import (e2e)', () => {
  let t: TestApp;
  let app: NestFastifyApplication;
  let registrar: ReturnType<typeof importClient>;
  const party = randomUUID();
  const region = randomUUID();
  const city = randomUUID();
  const iin = (birthDate: string, serial: number) => makeIin(birthDate, 'male', serial);
  const registeredIin = iin('1981-02-03', 11);
  const memberIin = iin('1982-03-04', 12);
  let registeredId: string;
  let mixedFile: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = t.app;
    const call = client(app, t.adminKey);
    const w = registryWrites(call);
    await w.establishParty(party);
    const branch = (id: string, kind: string, parentId: string, kato: string) =>
      call('POST', '/v1/organisations', {
        id,
        kind,
        parentId,
        kato,
        name: { ru: 'Синт' },
        effectiveDate: '2023-01-10',
      });
    expectStatus(await branch(region, 'regional_branch', party, '350000000'), 201);
    expectStatus(await branch(city, 'city_branch', region, '351010000'), 201);
    registeredId = await w.registerPerson('Синтзарегистрирован', { iin: registeredIin, birthDate: '1981-02-03' });
    const memberId = await w.registerPerson('Синтчлен', { iin: memberIin, birthDate: '1982-03-04' });
    const admission = { organisationId: region, effectiveDate: '2023-02-01' };
    expectStatus(await call('POST', `/v1/people/${memberId}/membership/admission`, admission));
    const issued = expectStatus(
      await call('POST', '/v1/keys', { name: 'membership-office', roles: ['registrar'] }),
      201,
    );
    registrar = importClient(app, issued['key'] as string);
    const wrongCheckDigit = iin('1992-03-03', 103).slice(0, 11) + ((Number(iin('1992-03-03', 103)[11]) + 1) % 10);
    mixedFile = [
      MEMBER_HEADER,
      `Синтодин,Синтетик,,${iin('1990-01-01', 101)},1990-01-01,KZ,350000000,2023-03-01,SYN-1`,
      `Синтдва,Синтетика,Синтовна,${iin('1991-02-02', 102)},,KZ,${city},2023-03-01,`,
      `Синттри,Синтетик,,${wrongCheckDigit},1992-03-03,KZ,350000000,2023-03-01,`,
      `Синтчетыре,Синтетик,,${iin('2010-05-05', 104)},,KZ,350000000,2023-03-01,`,
      `Синтпять,Синтетик,,${iin('1985-05-05', 105)},1985-05-05,RU,350000000,2023-03-01,`,
      `Синтшесть,Синтетик,,${iin('1986-06-06', 106)},,KZ,790000000,2023-03-01,`,
      `Синтсемь,Синтетик,,${iin('1990-01-01', 101)},,KZ,350000000,2023-03-01,`,
      `Синтвосемь,Синтетик,,${registeredIin},,KZ,351010000,2023-04-01,`,
      `Синтдевять,Синтетик,,${memberIin},,KZ,${city},2023-04-01,`,
      `Синтдесять,Синтетик,,${iin('1980-10-10', 110)},,KZ,350000000,2099-01-01,`,
      `Синтодиннадцать,Синтетик,,${iin('1980-11-11', 111)},,KZ,350000000,2023-02-30,`,
      `Синтдвенадцать,Синтетик,,${iin('1980-12-12', 112)},,KZ,${city},2022-12-01,`,
      `Synthetic,Синтетик,,${iin('1981-01-13', 113)},,KZ,350000000,2023-03-01,`,
      `Синтчетырнадцать,,,${iin('1981-01-14', 114)},,KZ,350000000,2023-03-01,`,
      `Синтпятнадцать,Синтетик,,${iin('1981-01-15', 115)},,kz,350000000,01.03.2023,"SYN, 15\nsecond line"`,
      `Синтшестнадцать,Синтетик,,${iin('1981-01-16', 116)},,KZ,350000000,2023-03-01,,extra`,
    ].join('\n');
  });
  afterAll(async () => {
    await app.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });

  const expectedRejections: Array<[number, number, string, string]> = [
    [3, 4, 'iin', 'iin.invalid'],
    [4, 5, 'birthDate', 'membership.underage'],
    [5, 6, 'citizenship', 'membership.not_citizen'],
    [6, 7, 'branch', 'organisation.not_found'],
    [7, 8, 'iin', 'import.duplicate_iin'],
    [9, 10, 'iin', 'membership.already_member'],
    [10, 11, 'admissionDate', 'date.in_future'],
    [11, 12, 'admissionDate', 'date.invalid'],
    [12, 13, 'branch', 'organisation.not_active'],
    [13, 14, 'surname', 'name.invalid'],
    [14, 15, 'given', 'name.invalid'],
    [16, 18, 'row', 'import.column_count'],
  ];

  it('admits the good rows of a mixed text/csv file and reports every bad one with row, line, field and code', async () => {
    const registered = await countEvents(app.get(EVENT_STORE), 'PersonRegistered');
    const upload = await registrar.csv(mixedFile);
    expect(upload.status).toBe(202);
    expect(upload.body).toMatchObject({ status: 'running', rows: 16, dryRun: false });
    expect(upload.headers['location']).toBe(`/v1/imports/${upload.body['id']}`);
    const done = await registrar.finished(upload.body['id'] as string);
    expect(done).toMatchObject({
      status: 'done',
      actor: 'membership-office',
      rows: { total: 16, done: 16, admitted: 4, alreadyPresent: 0, rejected: 12, wouldAdmit: 0 },
      next: null,
      error: null,
    });
    expect(rejections(done)).toEqual(expectedRejections);
    // Rows 1, 2 and 15 are new people; row 8 is the person registered earlier through the API.
    expect(await countEvents(app.get(EVENT_STORE), 'PersonRegistered')).toBe(registered + 3);
    const membership = expectStatus(await client(app, t.adminKey)('GET', `/v1/people/${registeredId}?asOf=2023-05-01`));
    expect(membership['membership']).toMatchObject({ status: 'member', organisationId: city, since: '2023-04-01' });
  });

  it('admits nobody twice: the same file again reports the admitted rows as already present and appends no membership', async () => {
    const store = app.get(EVENT_STORE);
    const [admissions, people] = [
      await countEvents(store, 'MemberAdmitted'),
      await countEvents(store, 'PersonRegistered'),
    ];
    const again = await registrar.finished((await registrar.csv(mixedFile)).body['id'] as string);
    expect(again['rows']).toMatchObject({ total: 16, admitted: 0, alreadyPresent: 4, rejected: 12 });
    expect(rejections(again)).toEqual(expectedRejections);
    expect([await countEvents(store, 'MemberAdmitted'), await countEvents(store, 'PersonRegistered')]).toEqual([
      admissions,
      people,
    ]);
  });

  it('pages the rejected rows with limit and cursor', async () => {
    const id = (await registrar.csv(mixedFile, '?dryRun=true')).body['id'] as string;
    await registrar.finished(id);
    const first = await registrar.get(`/v1/imports/${id}?limit=5`);
    expect(rejections(first.body).map(([row]) => row)).toEqual([3, 4, 5, 6, 7]);
    const second = await registrar.get(`/v1/imports/${id}?limit=500&cursor=${String(first.body['next'])}`);
    expect(rejections(second.body).map(([row]) => row)).toEqual([9, 10, 11, 12, 13, 14, 16]);
    expect(second.body['next']).toBeNull();
  });

  it('keeps the outcome across a restart: it is read back from the import stream', async () => {
    const id = (await registrar.csv(mixedFile)).body['id'] as string;
    const before = await registrar.finished(id);
    await app.close();
    app = await createApp(t.config);
    await app.getHttpAdapter().getInstance().ready();
    const after = await importClient(app, t.adminKey).get(`/v1/imports/${id}`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ ...before, actor: 'membership-office' });
  });
});
