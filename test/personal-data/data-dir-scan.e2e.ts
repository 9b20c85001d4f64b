import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeIin } from '@baytaq/domain';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, startTestAppIn, type TestApp } from '../support/test-app';

/**
 * Issue 13's acceptance scan, with every place personal data could stay behind exercised: a
 * surname changed before the erasure (a past version), contacts, Idempotency-Key records of the
 * person's own writes, compliance reads (the access record), search words. After the service
 * stops, every SQLite file under the data directory is checkpointed (its WAL folded in), then
 * every byte of every file is scanned.
 */
const ERASE = { reason: 'The subject withdrew consent', legalBasis: 'Law of RK No. 94-V' };
const MEMBER = {
  formerSurname: 'Прежнескан',
  surname: 'Сканируемова',
  given: 'Байтбике',
  birthDate: '1984-08-09',
  iin: makeIin('1984-08-09', 'female', 31),
  card: 'SYN-SCAN-7731',
  email: 'synthetic.scan.member@example.org',
  phone: '+7 700 731 7731',
  address: 'Syntheticscan street 31',
};
const OFFICER = {
  surname: 'Должностнов',
  given: 'Синтетбек',
  birthDate: '1972-02-03',
  iin: makeIin('1972-02-03', 'male', 32),
  card: 'SYN-SCAN-7732',
  email: 'synthetic.scan.officer@example.org',
};

/** What no file may hold after the erasures (the officer's surname may: it stays public). */
const SECRETS = [
  MEMBER.formerSurname,
  MEMBER.surname,
  MEMBER.given,
  MEMBER.birthDate,
  MEMBER.iin,
  MEMBER.card,
  MEMBER.email,
  MEMBER.phone,
  MEMBER.address,
  OFFICER.birthDate,
  OFFICER.iin,
  OFFICER.card,
  OFFICER.email,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Each secret found, in UTF-8 or UTF-16 of either byte order, with the file that holds it. */
function occurrences(dir: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const path of files(dir)) {
    const bytes = readFileSync(path);
    for (const secret of secrets) {
      const le = Buffer.from(secret, 'utf16le');
      const needles = { utf8: Buffer.from(secret, 'utf8'), utf16le: le, utf16be: Buffer.from(le).swap16() };
      for (const [encoding, needle] of Object.entries(needles)) {
        if (bytes.includes(needle)) found.push(`${secret} (${encoding}) in ${path}`);
      }
    }
  }
  return found;
}

/** Folds every SQLite file's write-ahead log into it (the files the service left, whatever their name). */
function checkpointAll(dir: string): string[] {
  const stores = files(dir).filter((p) => p.endsWith('.sqlite'));
  for (const path of stores) {
    const db = new Database(path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  return stores;
}

async function story(t: TestApp) {
  const call = client(t.app, t.adminKey);
  const w = registryWrites(call);
  const party = await w.establishParty(randomUUID());
  const member = await w.registerPerson(MEMBER.formerSurname, {
    name: { surname: MEMBER.formerSurname, given: MEMBER.given },
    iin: MEMBER.iin,
    birthDate: MEMBER.birthDate,
    contacts: { email: MEMBER.email, phone: MEMBER.phone, address: MEMBER.address },
  });
  const renamed = {
    name: { surname: MEMBER.surname, given: MEMBER.given },
    reason: 'changed',
    effectiveDate: '2023-05-01',
  };
  expectStatus(await call('POST', `/v1/people/${member}/details`, renamed, { 'Idempotency-Key': 'scan-rename' }));
  const officer = await w.registerPerson(OFFICER.surname, {
    name: { surname: OFFICER.surname, given: OFFICER.given },
    iin: OFFICER.iin,
    birthDate: OFFICER.birthDate,
    contacts: { email: OFFICER.email },
  });
  for (const [id, card] of [
    [member, MEMBER.card],
    [officer, OFFICER.card],
  ] as const) {
    const admission = { organisationId: party, effectiveDate: '2023-01-10', cardNumber: card };
    expectStatus(
      await call('POST', `/v1/people/${id}/membership/admission`, admission, { 'Idempotency-Key': `admit-${id}` }),
    );
  }
  const post = await w.createPost(party, 'chair', 'Председатель', '2023-01-10');
  expectStatus(await w.startTenure(post, officer, '2023-02-01'), 201);
  // Reads of personal data, so that the access record has entries for both.
  expectStatus(await call('GET', `/v1/people/${member}`));
  expectStatus(await call('GET', `/v1/people?q=${encodeURIComponent(MEMBER.surname)}`));
  expectStatus(await call('GET', `/v1/organisations/${party}/members?asOf=2024-01-01`));
  return { call, post, member, officer };
}

describe('the data directory after erasing a member and an officer', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it.each([
    ['holds none of their personal data in any file, while the officer still answers as holder', true],
    ['without the erasures, holds every one of them (the scan can find them)', false],
  ])('%s', async (_, erase) => {
    t = await startTestApp();
    const { call, post, member, officer } = await story(t);
    if (erase) {
      expectStatus(await call('POST', `/v1/people/${member}/erasure`, ERASE, { 'Idempotency-Key': 'scan-erase' }));
      expectStatus(await call('POST', `/v1/people/${officer}/erasure`, ERASE));
    }
    await t.app.close();
    t = { ...t, close: async () => rmSync(t!.dataDir, { recursive: true, force: true }) };
    const stores = checkpointAll(t.dataDir).map((p) => p.slice(t!.dataDir.length + 1));
    expect(stores).toEqual(expect.arrayContaining(['registry.sqlite', 'keys.sqlite']));
    const found = occurrences(t.dataDir, SECRETS);
    if (erase) expect(found).toEqual([]);
    else for (const secret of SECRETS) expect(found.filter((f) => f.startsWith(`${secret} `))).not.toEqual([]);

    // The officer's surname answers from the same directory, started again.
    t = await startTestAppIn(t.dataDir);
    const holders = expectStatus(await client(t.app, t.adminKey)('GET', `/v1/posts/${post}/holders?asOf=2024-01-01`));
    expect(JSON.stringify(holders)).toContain(OFFICER.surname);
    expect(JSON.stringify(holders)).toContain(officer);
    // And in the open data: the officer by name, the member not at all.
    const popolo = JSON.stringify(
      expectStatus(await client(t.app, t.adminKey)('GET', '/v1/export/popolo?asOf=2024-01-01')),
    );
    expect(popolo).toContain(OFFICER.surname);
    expect(popolo).not.toContain(member);
  });
});
