import {
  type Basis,
  type OrganisationEvent,
  type OrganisationState,
  postLifetime,
  type TenureRecord,
} from '@baytaq/domain';
import { type Cell, fact, type Fact } from './fact-tables';

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

type TenureBasis = { start?: Basis; end?: Basis };

/** The basis cited by the live events that started and ended each tenure. */
function tenureBases(state: OrganisationState): Map<string, TenureBasis> {
  const bases = new Map<string, TenureBasis>();
  for (const { eventId, event } of state.history.envelopes) {
    if (state.history.retracted.has(eventId)) continue;
    if (event.type === 'TenureStarted') bases.set(event.data.tenureId, { start: event.data.basis });
    if (event.type === 'TenureEnded') {
      const entry = bases.get(event.data.tenureId) ?? {};
      bases.set(event.data.tenureId, { ...entry, end: event.data.basis });
    }
  }
  return bases;
}

const tenureFactOf = new WeakMap<TenureRecord, Fact>();

function tenureFact(orgId: string, t: TenureRecord, basis: TenureBasis | undefined): Fact {
  const values: Cell[] = [
    t.id,
    t.postId,
    orgId,
    t.personId,
    t.method,
    t.endReason ?? null,
    json(basis?.start),
    json(basis?.end),
    t.period.from,
    t.period.to ?? null,
  ];
  return fact('tenure', t.id, values);
}

/** Every fact an organisation stream states, as folded (retracted events left out). */
export function organisationFacts(state: OrganisationState): Fact[] {
  const profile = state.profile;
  if (!profile || !state.lifetime) return [];
  const id = profile.organisationId;
  const facts: Fact[] = [
    fact('org', id, [
      id,
      profile.kind,
      profile.parentId ?? null,
      profile.bodyType ?? null,
      profile.kato ?? null,
      state.dissolution?.reason ?? null,
      state.lifetime.from,
      state.lifetime.to ?? null,
    ]),
  ];
  // Same-day renamings: the later entry wins, so only the last name of a date is a fact.
  const names = state.names.filter((n, i) => state.names[i + 1]?.from !== n.from);
  names.forEach((n, i) => {
    facts.push(fact('org_name', n.from, [id, json(n.name), n.from, names[i + 1]?.from ?? null]));
  });
  state.registrations.forEach((r, i) => {
    facts.push(fact('registration', String(i), [id, r.authority, r.number ?? null, r.bin ?? null, r.effectiveDate]));
  });
  for (const post of Object.values(state.posts)) {
    const period = postLifetime(state, post.id) ?? post.period;
    facts.push(
      fact('post', post.id, [post.id, id, json(post.title), post.role, post.seats, period.from, period.to ?? null]),
    );
  }
  // A tenure record is a new object only when it changed: the others keep their fact, and the
  // stream's events are scanned for bases only when some record is new.
  let bases: Map<string, TenureBasis> | undefined;
  for (const t of Object.values(state.tenures)) {
    let f = tenureFactOf.get(t);
    if (!f) {
      bases ??= tenureBases(state);
      f = tenureFact(id, t, bases.get(t.id));
      tenureFactOf.set(t, f);
    }
    facts.push(f);
  }
  return facts;
}

/** The effective date an organisation event carries, for the history a historian reads. */
export function effectiveDateOf(event: OrganisationEvent | { type: string; data: object }): string | null {
  const date = (event.data as { effectiveDate?: unknown }).effectiveDate;
  return typeof date === 'string' ? date : null;
}
