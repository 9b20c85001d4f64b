import { randomUUID } from 'node:crypto';
import { makeIin } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';
import { importClient, MEMBER_HEADER, rejections } from './import-client';

const MiB = 1024 * 1024;

/** A file of exactly `bytes` bytes: one valid row whose ignored `note` column pads it out. */
function paddedFile(bytes: number, row: string): Buffer {
  const head = Buffer.from(`${MEMBER_HEADER},note\n${row},`, 'utf8');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 'x')]);
}

describe('member import uploads (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  let imports: ReturnType<typeof importClient>;
  const party = randomUUID();
  const region = randomUUID();
  const row = (serial: number, date = '2023-03-01') =>
    `Синтформа,Синтетик,,${makeIin('1990-04-04', 'female', serial)},,KZ,350000000,${date},`;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    const call = client(t.app, t.adminKey);
    await registryWrites(call).establishParty(party);
    const regional = { id: region, kind: 'regional_branch', parentId: party, kato: '350000000', name: { ru: 'Синт' } };
    expectStatus(await call('POST', '/v1/organisations', { ...regional, effectiveDate: '2023-01-10' }), 201);
    imports = importClient(t.app, t.adminKey);
  });
  afterAll(() => t.close());

  // What Excel in the Russian locale saves as "CSV UTF-8": a BOM, ";", CRLF, DD.MM.YYYY, quotes around a ";".
  const excelFile = Buffer.from(
    '\ufeff' +
      [
        'Surname;Given;Patronymic;IIN;Birth date;Citizenship;Branch;Admission date;Card number',
        `Синтэксель;Синтетик;;${makeIin('1989-07-07', 'male', 201)};07.07.1989;KZ;350000000;15.03.2023;"SYN;201"`,
        `Синтэксельдва;Синтетика;;${makeIin('1989-08-08', 'female', 202)};;KZ;${region};15.03.2023;`,
        `Синтэксельтри;Синтетика;;${makeIin('1989-09-09', 'female', 203)};;KZ;350000000;31.02.2023;`,
      ].join('\r\n') +
      '\r\n',
    'utf8',
  );

  it('validates an Excel file sent as multipart in a dry run, and admits nobody', async () => {
    const before = await store.headPosition();
    const upload = await imports.form(excelFile, {}, '?dryRun=true');
    expect([upload.status, upload.body['dryRun']]).toEqual([202, true]);
    const done = await imports.finished(upload.body['id'] as string);
    expect(done).toMatchObject({
      status: 'done',
      dryRun: true,
      file: { separator: ';', name: 'members.csv', bytes: excelFile.length },
      rows: { total: 3, done: 3, admitted: 0, alreadyPresent: 0, rejected: 1, wouldAdmit: 2 },
    });
    expect(rejections(done)).toEqual([[3, 4, 'admissionDate', 'date.invalid']]);
    // The import's own stream is all a dry run writes.
    const since = await store.readAll({ after: before! });
    expect([...new Set(since.map((e) => e.stream.split('-')[0]))]).toEqual(['import']);
  });

  it('admits the same file sent as multipart for real, dryRun given as a form field', async () => {
    const upload = await imports.form(excelFile, { dryRun: 'false' });
    const done = await imports.finished(upload.body['id'] as string);
    expect(done['rows']).toMatchObject({ admitted: 2, rejected: 1, wouldAdmit: 0 });
    const admitted = await store.readAll({ filter: { eventTypes: ['MemberAdmitted'] } });
    expect(admitted.map((e) => e.data['cardNumber']).filter(Boolean)).toEqual(['SYN;201']);
    expect(admitted[0]!.metadata).toMatchObject({ actor: 'admin', correlationId: upload.body['id'] });
  });

  it('answers an Idempotency-Key repeat with the first import and starts no second one', async () => {
    const file = `${MEMBER_HEADER}\n${row(301)}\n`;
    const first = await imports.csv(file, '?dryRun=true', { 'idempotency-key': 'upload-1' });
    const repeat = await imports.csv(file, '?dryRun=true', { 'idempotency-key': 'upload-1' });
    expect([first.status, repeat.status, repeat.body['id']]).toEqual([202, 202, first.body['id']]);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    const other = await imports.csv(`${file}${row(302)}\n`, '?dryRun=true', { 'idempotency-key': 'upload-1' });
    expect([other.status, other.body['code']]).toEqual([422, 'idempotency.key_reused']);
  });

  it.each([
    ['no required columns', 'import.invalid_header', 'surname,given\nСинт,Синт\n'],
    ['only a header', 'import.no_rows', `${MEMBER_HEADER}\n`],
    ['nothing at all', 'import.empty', ''],
    ['a quote never closed', 'import.malformed_csv', `${MEMBER_HEADER}\n"Синт,Синт\n`],
    ['Windows-1251 bytes', 'import.not_utf8', Buffer.from([0xd1, 0xe8, 0xed, 0xf2, 0x2c, 0x0a])],
  ])('refuses a file with %s as 422 %s, starting nothing', async (_what, code, file) => {
    const before = await store.headPosition();
    const answer = await imports.csv(file);
    expect([answer.status, answer.body['code']]).toEqual([422, code]);
    expect(await store.headPosition()).toBe(before);
  });

  it('names each missing column of the header', async () => {
    const answer = await imports.csv('surname;given;iin\nСинт;Синт;1\n');
    const fields = (answer.body['errors'] as Array<{ field: string; code: string }>).map((e) => [e.field, e.code]);
    expect(fields).toEqual([
      ['citizenship', 'import.missing_column'],
      ['branch', 'import.missing_column'],
      ['admissionDate', 'import.missing_column'],
    ]);
  });

  it('refuses JSON (415), a compliance key (403), an unknown import (404) and a bad dryRun (400)', async () => {
    const json = await client(t.app, t.adminKey)('POST', '/v1/imports/members', { rows: [] });
    expect([json.status, json.body['code']]).toEqual([415, 'request.unsupported_media_type']);
    const issued = await client(t.app, t.adminKey)('POST', '/v1/keys', { name: 'compliance', roles: ['compliance'] });
    const compliance = importClient(t.app, issued.body['key'] as string);
    expect((await compliance.csv(`${MEMBER_HEADER}\n${row(401)}\n`)).status).toBe(403);
    const unknown = await compliance.get(`/v1/imports/${randomUUID()}`);
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'import.not_found']);
    const bad = await imports.csv(`${MEMBER_HEADER}\n${row(402)}\n`, '?dryRun=maybe');
    expect([bad.status, bad.body['code']]).toEqual([400, 'request.validation_failed']);
  });

  it('accepts a text/csv file of exactly 50 MiB and refuses one byte more with 413', async () => {
    const accepted = await imports.csv(paddedFile(50 * MiB, row(501)), '?dryRun=true');
    expect(accepted.status).toBe(202);
    const done = await imports.finished(accepted.body['id'] as string);
    expect(done['rows']).toMatchObject({ total: 1, wouldAdmit: 1 });
    const refused = await imports.csv(paddedFile(50 * MiB + 1, row(502)), '?dryRun=true');
    expect([refused.status, refused.body['code']]).toEqual([413, 'request.too_large']);
  });
});

describe('member import size limit from REGISTRY_IMPORT_MAX_BYTES (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ REGISTRY_IMPORT_MAX_BYTES: '4096' })));
  afterAll(() => t.close());

  it('refuses a multipart file over the limit with 413 and takes one at the limit', async () => {
    const imports = importClient(t.app, t.adminKey);
    const row = `Синтлимит,Синтетик,,${makeIin('1990-04-04', 'male', 601)},,KZ,350000000,2023-03-01,`;
    const over = await imports.form(paddedFile(4097, row), {}, '?dryRun=true');
    expect([over.status, over.body['code']]).toEqual([413, 'request.too_large']);
    const at = await imports.form(paddedFile(4096, row), {}, '?dryRun=true');
    expect(at.status).toBe(202);
    // No branch has that KATO code in this empty registry: the row is judged, and refused.
    const done = await imports.finished(at.body['id'] as string);
    expect(rejections(done)).toEqual([[1, 2, 'branch', 'organisation.not_found']]);
  });
});
