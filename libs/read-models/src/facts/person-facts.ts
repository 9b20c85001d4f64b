import { ERASED_NAME, type PersonalDataErased, type PersonState } from '@baytaq/domain';
import { nameKeys } from '../name-key';
import { fact, FACT_TABLES, type Fact } from './fact-tables';

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

function registeredOn(state: PersonState): string | null {
  for (const { eventId, event } of state.history.envelopes) {
    if (event.type === 'PersonRegistered' && !state.history.retracted.has(eventId)) return event.data.effectiveDate;
  }
  return null;
}

/** The words a search by name may start with: every part of the Cyrillic and the Latin name. */
function searchTokens(state: PersonState): Set<string> {
  const p = state.profile!;
  const parts = [p.name.surname, p.name.given, p.name.patronymic, p.latinName?.surname, p.latinName?.given];
  return new Set(parts.flatMap((part) => (part ? nameKeys(part) : [])));
}

/**
 * The profile's facts, kept per profile object: membership events leave the profile as it was
 * (the same object), so most events of a person skip the name keys and serialisation.
 */
const profileFactsOf = new WeakMap<object, Fact[]>();

function profileFacts(state: PersonState): Fact[] {
  const p = state.profile!;
  const known = profileFactsOf.get(p);
  if (known) return known;
  const id = p.personId;
  const facts: Fact[] = [
    fact('person', id, [
      id,
      json(p.name),
      json(p.latinName),
      p.iin ?? null,
      p.birthDate ?? null,
      json(p.contacts),
      p.citizenship[p.citizenship.length - 1]?.value ?? null,
      registeredOn(state),
      null,
    ]),
  ];
  for (const token of searchTokens(state)) facts.push(fact('person_token', token, [id, token]));
  profileFactsOf.set(p, facts);
  return facts;
}

/** Every fact a person stream states, as folded: the profile, search words, placements and suspensions. */
export function personFacts(state: PersonState): Fact[] {
  const p = state.profile;
  if (!p) return [];
  const id = p.personId;
  const facts = [...profileFacts(state)];
  for (const m of state.memberships) {
    for (const place of m.placements) {
      facts.push(
        fact('placement', `${place.organisationId}|${place.period.from}`, [
          id,
          place.organisationId,
          m.period.from,
          m.period.to ?? null,
          m.cardNumber ?? null,
          m.endReason ?? null,
          place.period.from,
          place.period.to ?? null,
        ]),
      );
    }
    for (const s of m.suspensions) {
      facts.push(fact('suspension', s.from, [id, s.from, s.to ?? null]));
    }
  }
  return facts;
}

const column = <T extends keyof typeof FACT_TABLES>(table: T, name: (typeof FACT_TABLES)[T][number]) =>
  (FACT_TABLES[table] as readonly string[]).indexOf(name);
const PERSON = {
  name: column('person', 'name'),
  latinName: column('person', 'latin_name'),
  iin: column('person', 'iin'),
  birthDate: column('person', 'birth_date'),
  contacts: column('person', 'contacts'),
  erasedOn: column('person', 'erased_on'),
};
const CARD_NUMBER = column('placement', 'card_number');

/**
 * A person's facts once erased, in every version, past ones included: no personal data, the
 * public name of an officer (or `ERASED_NAME`), no search words, no card numbers, and the day of
 * the erasure. They depend on nothing the erasure destroyed, so a fold of the events as they read
 * after it (sealed fields gone) gives the same rows as a fold of the events as first written.
 */
export function erasedPersonFacts(facts: Fact[], erasure: PersonalDataErased['data']): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    if (f.table === 'person_token') continue;
    const values = [...f.values];
    if (f.table === 'person') {
      values[PERSON.name] = JSON.stringify(erasure.publicName ?? ERASED_NAME);
      values[PERSON.latinName] = json(erasure.publicLatinName);
      values[PERSON.iin] = values[PERSON.birthDate] = values[PERSON.contacts] = null;
      values[PERSON.erasedOn] = erasure.erasedOn;
    } else if (f.table === 'placement') values[CARD_NUMBER] = null;
    out.push(fact(f.table, f.key, values));
  }
  return out;
}
