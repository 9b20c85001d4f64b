import { randomUUID } from 'node:crypto';
import { makeIin } from '@baytaq/domain';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

const ERASE = { reason: 'The subject withdrew consent', legalBasis: 'Law of RK No. 94-V' };
const MEMBER = {
  surname: 'Стираемов',
  birthDate: '1981-03-04',
  iin: makeIin('1981-03-04', 'male', 7),
  card: 'SYN-ERASE-0042',
};
const OFFICER = {
  surname: 'Публичнов',
  birthDate: '1975-06-07',
  iin: makeIin('1975-06-07', 'male', 9),
  card: 'SYN-ERASE-0043',
};

/** A party, a member and an officer (a member holding its chair), with IINs, birth dates and card numbers. */
async function story(t: TestApp) {
  const call = client(t.app, t.adminKey);
  const w = registryWrites(call);
  const party = await w.establishParty(randomUUID());
  const people: Record<string, string> = {};
  for (const p of [MEMBER, OFFICER]) {
    const id = await w.registerPerson(p.surname, { iin: p.iin, birthDate: p.birthDate });
    const admission = { organisationId: party, effectiveDate: '2023-01-10', cardNumber: p.card };
    expectStatus(await call('POST', `/v1/people/${id}/membership/admission`, admission));
    people[p.surname] = id;
  }
  const post = await w.createPost(party, 'chair', 'Председатель', '2023-01-10');
  expectStatus(await w.startTenure(post, people[OFFICER.surname]!, '2023-02-01'), 201);
  return { call, party, post, member: people[MEMBER.surname]!, officer: people[OFFICER.surname]! };
}

describe('POST /v1/people/{id}/erasure', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('erases, answers again as it did, shows the person erased, keeps the officer public, refuses further writes', async () => {
    const { call, party, post, member, officer } = await story(t);
    const first = expectStatus(
      await call('POST', `/v1/people/${member}/erasure`, ERASE, { 'Idempotency-Key': 'erase-1' }),
    );
    expect(first).toMatchObject({ id: member, erased: { on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(first['eventIds']).toHaveLength(1);
    // The same key: the first answer. Another request: nothing new, the same erasure.
    expect(
      expectStatus(await call('POST', `/v1/people/${member}/erasure`, ERASE, { 'Idempotency-Key': 'erase-1' })),
    ).toEqual(first);
    expect(expectStatus(await call('POST', `/v1/people/${member}/erasure`, { ...ERASE, reason: 'again' }))).toEqual(
      first,
    );
    // The whole feed, as an admin sees it, and the subject's export: the sealed fields read as erased.
    const feed = JSON.stringify(expectStatus(await call('GET', '/v1/events?limit=500')));
    expect(feed).toContain(member);
    expect(feed).not.toMatch(new RegExp(`${MEMBER.surname}|${MEMBER.iin}|${MEMBER.card}|${MEMBER.birthDate}`));
    const exported = JSON.stringify(expectStatus(await call('GET', `/v1/people/${member}/export`)));
    expect(exported).toContain('PersonalDataErased');
    expect(exported).not.toMatch(new RegExp(`${MEMBER.surname}|${MEMBER.iin}|${MEMBER.card}|${MEMBER.birthDate}`));

    const read = await call('GET', `/v1/people/${member}`);
    const person = expectStatus(read);
    expect(read.headers['etag']).toBe(`"${String(first['revision'])}"`);
    expect(person).toMatchObject({ erased: first['erased'], name: { surname: '[erased]' } });
    expect(person['personal']).toMatchObject({ iin: null, birthDate: null, contacts: null });
    expect(JSON.stringify(person)).not.toMatch(
      new RegExp(`${MEMBER.surname}|${MEMBER.iin}|${MEMBER.card}|${MEMBER.birthDate}`),
    );
    const members = expectStatus(await call('GET', `/v1/organisations/${party}/members?asOf=2024-01-01`));
    expect(JSON.stringify(members)).not.toMatch(new RegExp(`${MEMBER.surname}|${MEMBER.iin}|${MEMBER.card}`));
    expect(JSON.stringify(members)).toContain(OFFICER.card);
    const search = expectStatus(await call('GET', `/v1/people?q=${encodeURIComponent(MEMBER.surname)}`));
    expect(search['items']).toEqual([]);

    const erasedOfficer = expectStatus(await call('POST', `/v1/people/${officer}/erasure`, ERASE));
    expect(erasedOfficer).toMatchObject({ erased: { on: expect.any(String) } });
    const holders = expectStatus(await call('GET', `/v1/posts/${post}/holders?asOf=2024-01-01`));
    expect(JSON.stringify(holders)).toContain(OFFICER.surname);
    const officerRead = expectStatus(await call('GET', `/v1/people/${officer}`));
    expect(officerRead).toMatchObject({ name: { surname: OFFICER.surname }, erased: erasedOfficer['erased'] });
    expect(JSON.stringify(officerRead)).not.toMatch(new RegExp(`${OFFICER.iin}|${OFFICER.card}|${OFFICER.birthDate}`));

    // DOMAIN.md: the IIN's reservation stays (an HMAC), so the same IIN registers again only as a new person.
    const again = expectStatus(
      await call('POST', '/v1/people', {
        name: { surname: 'Вернувшийся', given: 'Синтетик' },
        citizenship: 'KZ',
        birthDate: MEMBER.birthDate,
        iin: MEMBER.iin,
      }),
      201,
    );
    expect(again['id']).not.toBe(member);
    expect(expectStatus(await call('GET', `/v1/people/${member}`))).toMatchObject({ erased: first['erased'] });
    const twice = await call('POST', '/v1/people', {
      name: { surname: 'Двойников', given: 'Синтетик' },
      citizenship: 'KZ',
      birthDate: MEMBER.birthDate,
      iin: MEMBER.iin,
    });
    expect(twice.body).toMatchObject({ code: 'iin.taken' });

    const refused = await call('POST', `/v1/people/${member}/membership/termination`, {
      effectiveDate: '2024-01-01',
      reason: 'resigned',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'person.erased' });
    expect(String(refused.headers['content-type'])).toContain('application/problem+json');
  });

  it('is for admin keys only, validates its body, and knows no unknown person', async () => {
    const { call, member } = await story(t);
    const key = expectStatus(
      await call('POST', '/v1/keys', { name: 'compliance-1', roles: ['compliance', 'registrar'] }),
      201,
    );
    const compliance = client(t.app, key['key'] as string);
    expect((await compliance('POST', `/v1/people/${member}/erasure`, ERASE)).status).toBe(403);
    const missing = await call('POST', `/v1/people/${member}/erasure`, { reason: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body['errors']).toEqual([expect.objectContaining({ field: 'legalBasis', code: 'required' })]);
    const control = await call('POST', `/v1/people/${member}/erasure`, { ...ERASE, reason: 'a\u0000b' });
    expect(control.status).toBe(422);
    expect(control.body).toMatchObject({ code: 'text.control_character' });
    expect((await call('POST', `/v1/people/${randomUUID()}/erasure`, ERASE)).status).toBe(404);
    // None of these erased anything.
    expect(expectStatus(await call('GET', `/v1/people/${member}`))).toMatchObject({ erased: null });
  });
});
