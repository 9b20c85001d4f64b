import { makeIin } from '@baytaq/domain';
import { importedPersonId } from '../../apps/registry/src/imports/import-ids';
import { importClient, MEMBER_HEADER } from '../imports/import-client';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/** A synthetic person's personal data, each value distinct so that a scan of an answer can find it. */
export interface PlantedPerson {
  surname: string;
  given: string;
  iin: string;
  birthDate: string;
  phone: string;
  email: string;
  address: string;
  cardNumber: string;
}

const planted = (n: number, surname: string, given: string, birthDate: string): PlantedPerson => ({
  surname,
  given,
  iin: makeIin(birthDate, n % 2 === 0 ? 'female' : 'male', 7300 + n),
  birthDate,
  phone: `+7 701 555 ${String(1000 + n)}`,
  email: `synthetic.${n}@example.invalid`,
  address: `Синтетическая улица ${100 + n}`,
  cardNumber: `SYN-CARD-${9000 + n}`,
});

/** The officer: a member who holds a post. Their name is public; the rest is not. */
export const OFFICER = planted(1, 'Синтетов', 'Офицерий', '1975-03-14');
/** A member who never held a post: everything about them is personal data, the name too. */
export const MEMBER = planted(2, 'Приватова', 'Членения', '1988-07-21');
/** Registered, never a member: personal data too. */
export const APPLICANT = planted(3, 'Заявкина', 'Тестина', '1991-11-02');
/** Brought in by a member import (the registrar's upload). */
export const IMPORTED = planted(4, 'Импортова', 'Строкина', '1983-05-09');

/** The values of a person that are personal data; for an officer, the name is not among them. */
export function personalValues(p: PlantedPerson, officer = false): string[] {
  const values = [p.iin, p.phone, p.email, p.address, p.cardNumber];
  // A birth date in an answer (a person's), not the day a meeting was held: the dates are chosen apart.
  values.push(p.birthDate);
  return officer ? values : [...values, p.surname, p.given];
}

export const ALL_PERSONAL_VALUES = [
  ...personalValues(OFFICER, true),
  ...personalValues(MEMBER),
  ...personalValues(APPLICANT),
  ...personalValues(IMPORTED),
];

/** Field names that only personal answers carry. */
export const PERSONAL_FIELD_NAMES = ['iin', 'birthDate', 'contacts', 'cardNumber', 'personal'];

export interface PersonalDataRegistry {
  t: TestApp;
  registrarKey: string;
  complianceKey: string;
  ids: {
    party: string;
    branch: string;
    post: string;
    tenure: string;
    meeting: string;
    officer: string;
    member: string;
    applicant: string;
    imported: string;
    filing: string;
    memberListFiling: string;
    import: string;
  };
}

const personBody = (p: PlantedPerson) => ({
  name: { surname: p.surname, given: p.given },
  iin: p.iin,
  birthDate: p.birthDate,
  citizenship: 'KZ',
  contacts: { phone: p.phone, email: p.email, address: p.address },
});

/**
 * A registry with every kind of thing a read can show: a party and a branch, a post held by an
 * officer, a meeting, a member who never held a post, a registered applicant, a member brought in
 * by an import, issued filings (structure and member list). Keys: `registrar-desk` (registrar),
 * `compliance-desk` (compliance); the admin key is the app's.
 */
export async function startPersonalDataRegistry(env: Record<string, string> = {}): Promise<PersonalDataRegistry> {
  const t = await startTestApp(env);
  const admin = client(t.app, t.adminKey);
  const issue = async (name: string, role: string) =>
    expectStatus(await admin('POST', '/v1/keys', { name, roles: [role] }), 201)['key'] as string;
  const registrarKey = await issue('registrar-desk', 'registrar');
  const complianceKey = await issue('compliance-desk', 'compliance');
  const registrar = client(t.app, registrarKey);
  const compliance = client(t.app, complianceKey);
  const w = registryWrites(registrar);
  const created = async (url: string, body: unknown) => expectStatus(await registrar('POST', url, body), 201)['id'];

  const party = await w.establishParty('7d9a1c2e-0000-4000-8000-0000000000a1');
  const branch = (await created('/v1/organisations', {
    kind: 'regional_branch',
    parentId: party,
    name: { ru: 'Синтетический филиал', kk: 'Синтетикалық филиал' },
    kato: '350000000',
    effectiveDate: '2023-01-10',
  })) as string;
  const meeting = (await created('/v1/meetings', {
    organisationId: party,
    kind: 'congress',
    date: '2023-01-05',
    place: 'Синтетград',
    attendance: 120,
  })) as string;
  const post = await w.createPost(branch, 'chair', 'Председатель синтетического филиала', '2023-01-10');
  const admit = async (id: string, p: PlantedPerson) =>
    expectStatus(
      await registrar('POST', `/v1/people/${id}/membership/admission`, {
        organisationId: branch,
        effectiveDate: '2023-02-01',
        cardNumber: p.cardNumber,
      }),
    );
  const officer = (await created('/v1/people', personBody(OFFICER))) as string;
  await admit(officer, OFFICER);
  const tenure = expectStatus(await w.startTenure(post, officer, '2023-02-01'), 201)['id'] as string;
  const member = (await created('/v1/people', personBody(MEMBER))) as string;
  await admit(member, MEMBER);
  const applicant = (await created('/v1/people', personBody(APPLICANT))) as string;

  const imports = importClient(t.app, registrarKey);
  const row = (p: PlantedPerson) =>
    [p.surname, p.given, '', p.iin, p.birthDate, 'KZ', branch, '2023-03-01', p.cardNumber].join(',');
  // The second row is refused (underage on admission): its report must not echo what it held.
  const underage = planted(5, 'Юнова', 'Отказина', '2010-01-01');
  const upload = expectStatus(await imports.csv(`${MEMBER_HEADER}\n${row(IMPORTED)}\n${row(underage)}\n`), 202);
  const importId = upload['id'] as string;
  const outcome = await imports.finished(importId);
  if ((outcome['rows'] as { admitted: number }).admitted !== 1)
    throw new Error(`import admitted ${JSON.stringify(outcome)}`);
  // Row 1's person, as the import names it (no read of personal data needed to find them).
  const imported = importedPersonId(importId, 1);

  const filing = expectStatus(await compliance('POST', '/v1/filings', { kind: 'structure' }), 201)['id'] as string;
  const memberListFiling = expectStatus(
    await compliance('POST', '/v1/filings', { kind: 'member-list', organisationId: branch, asOf: '2023-06-01' }),
    201,
  )['id'] as string;
  return {
    t,
    registrarKey,
    complianceKey,
    ids: {
      party,
      branch,
      post,
      tenure,
      meeting,
      officer,
      member,
      applicant,
      imported,
      filing,
      memberListFiling,
      import: importId,
    },
  };
}
