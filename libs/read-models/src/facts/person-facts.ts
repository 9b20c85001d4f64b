import { type PersonState } from '@baytaq/domain';
import { nameKeys } from '../name-key';
import { fact, type Fact } from './fact-tables';

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
