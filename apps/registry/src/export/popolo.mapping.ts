import { fullName, type LatinName, type MultilingualName, type PersonName } from '@baytaq/domain';
import { type AsOf, type MeetingRecord, type RegistryReads } from '@baytaq/read-models';

type PopoloFacts = ReturnType<RegistryReads['popolo']['facts']>;
type OrganisationFacts = PopoloFacts['organisations'][number];
type PostFacts = PopoloFacts['posts'][number];
type TenureFacts = PopoloFacts['tenures'][number];
type PersonFacts = PopoloFacts['people'][number];

/** Popolo's other_name: the schema has no language field, so the language tag goes in `note`. */
export interface PopoloOtherName {
  name: string;
  family_name?: string;
  given_name?: string;
  patronymic_name?: string;
  start_date?: string;
  end_date?: string;
  note: string;
}

export interface PopoloIdentifier {
  identifier: string;
  scheme: 'KATO' | 'BIN';
}

export interface PopoloOrganization {
  id: string;
  name: string | null;
  other_names: PopoloOtherName[];
  identifiers: PopoloIdentifier[];
  classification: string;
  parent_id?: string;
  founding_date: string;
  dissolution_date?: string;
}

export interface PopoloPost {
  id: string;
  label: string | null;
  other_label: string[];
  role: string;
  organization_id: string;
  start_date: string;
  end_date?: string;
}

/** A tenure: in Popolo a membership is a person holding a post in an organisation, not party membership. */
export interface PopoloMembership {
  id: string;
  person_id: string;
  organization_id: string;
  post_id: string;
  role: string;
  start_date: string;
  end_date?: string;
}

/** An officer, by name only: IIN, birth date and contacts are personal data and never exported. */
export interface PopoloPerson {
  id: string;
  name?: string;
  family_name?: string;
  given_name?: string;
  patronymic_name?: string;
  other_names?: PopoloOtherName[];
}

/**
 * A meeting: Popolo's event, organised by the organisation that held it. Attendance and quorum
 * have no field of their own, so they are in `description`; the protocol number is an identifier.
 */
export interface PopoloEvent {
  id: string;
  name: string;
  description: string;
  start_date: string;
  location: string;
  classification: string;
  organization_id: string;
  identifiers: Array<{ identifier: string; scheme: 'protocol' }>;
}

export interface PopoloExport extends AsOf {
  /** False: what holds on `asOf`. True: everything begun by `asOf`, ended or not. */
  history: boolean;
  persons: PopoloPerson[];
  organizations: PopoloOrganization[];
  posts: PopoloPost[];
  memberships: PopoloMembership[];
  /** The meetings held by `asOf` by the organisations exported. */
  events: PopoloEvent[];
}

/** Russian first (the lingua franca of the filings and of most readers), then Kazakh, then English. */
const PRIMARY_LANGUAGES = ['ru', 'kk', 'en'] as const;
/** The order language versions are listed in, the registry's own (kk, ru, en). */
const ALL_LANGUAGES = ['kk', 'ru', 'en'] as const;
export const LATIN_SCRIPT_NOTE = 'Latin script';

export function primaryName(name: MultilingualName): string | null {
  for (const lang of PRIMARY_LANGUAGES) if (name[lang] !== undefined) return name[lang];
  return null;
}

const dated = (from: string, to: string | null) => ({ start_date: from, ...(to !== null ? { end_date: to } : {}) });

function organization(o: OrganisationFacts, asOf: string): PopoloOrganization {
  // The names adopted by asOf; an organisation renamed retroactively may have none yet: its first name then.
  const adopted = o.names.filter((n) => n.from <= asOf);
  const names = adopted.length > 0 ? adopted : o.names.slice(0, 1);
  const current = names[names.length - 1];
  return {
    id: o.id,
    name: current ? primaryName(current.name) : null,
    other_names: names.flatMap((n) =>
      ALL_LANGUAGES.flatMap((lang) =>
        n.name[lang] === undefined ? [] : [{ name: n.name[lang], note: lang, ...dated(n.from, n.to) }],
      ),
    ),
    identifiers: [
      ...(o.kato !== null ? [{ identifier: o.kato, scheme: 'KATO' as const }] : []),
      ...[...new Set(o.bins)].map((bin) => ({ identifier: bin, scheme: 'BIN' as const })),
    ],
    classification: o.kind,
    ...(o.parentId !== null ? { parent_id: o.parentId } : {}),
    founding_date: o.from,
    ...(o.to !== null ? { dissolution_date: o.to } : {}),
  };
}

function post(p: PostFacts): PopoloPost {
  const label = primaryName(p.title);
  return {
    id: p.id,
    label,
    other_label: ALL_LANGUAGES.flatMap((lang) =>
      p.title[lang] === undefined || p.title[lang] === label ? [] : [p.title[lang]],
    ),
    role: p.role,
    organization_id: p.organisationId,
    ...dated(p.from, p.to),
  };
}

/** The tenure's own dates, not clipped to the day asked about: a reader sees the whole term. */
function membership(t: TenureFacts, role: string): PopoloMembership {
  return {
    id: t.id,
    person_id: t.personId,
    organization_id: t.organisationId,
    post_id: t.postId,
    role,
    ...dated(t.from, t.to),
  };
}

/** A name's parts as Popolo names them (the full name, surname first, is `fullName`). */
const nameParts = (n: PersonName | LatinName) => ({
  family_name: n.surname,
  given_name: n.given,
  ...(n.patronymic ? { patronymic_name: n.patronymic } : {}),
});

/** Built field by field from the names alone, so nothing else about a person can reach the export. */
function person(p: PersonFacts): PopoloPerson {
  if (p.name === null) return { id: p.id };
  const latin = p.latinName;
  return {
    id: p.id,
    name: fullName(p.name),
    ...nameParts(p.name),
    ...(latin ? { other_names: [{ name: fullName(latin), ...nameParts(latin), note: LATIN_SCRIPT_NOTE }] } : {}),
  };
}

const MEETING_NAMES: Record<string, string> = {
  congress: 'Съезд',
  conference: 'Конференция',
  general_meeting: 'Общее собрание',
  council_session: 'Заседание совета',
  other: 'Собрание',
};

function event(m: MeetingRecord): PopoloEvent {
  const quorum = m.quorum === null ? '' : `, quorum ${m.quorum}`;
  return {
    id: m.meetingId,
    name: `${MEETING_NAMES[m.kind] ?? MEETING_NAMES['other']!}, ${m.place}, ${m.date}`,
    description: `attendance ${m.attendance}${quorum}`,
    start_date: m.date,
    location: m.place,
    classification: m.kind,
    organization_id: m.organisationId,
    identifiers: m.protocolNumber === null ? [] : [{ identifier: m.protocolNumber, scheme: 'protocol' }],
  };
}

/**
 * The read models' facts as Popolo, keeping their order (by id). Every reference resolves: a post
 * whose organisation, or a tenure whose post, is not in the export is left out; the persons are
 * exactly the holders of the tenures exported (by id alone if their record is unknown).
 */
export function toPopolo(
  facts: PopoloFacts,
  q: AsOf,
  history: boolean,
  meetings: readonly MeetingRecord[] = [],
): PopoloExport {
  const organisations = new Set(facts.organisations.map((o) => o.id));
  const posts = facts.posts.filter((p) => organisations.has(p.organisationId));
  const roleOfPost = new Map(posts.map((p) => [p.id, p.role]));
  const tenures = facts.tenures.filter((t) => roleOfPost.has(t.postId) && organisations.has(t.organisationId));
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const holders = [...new Set(tenures.map((t) => t.personId))].sort();
  return {
    asOf: q.asOf,
    knownAt: q.knownAt,
    history,
    persons: holders.map((id) => person(people.get(id) ?? { id, name: null, latinName: null })),
    organizations: facts.organisations.map((o) => organization(o, q.asOf)),
    posts: posts.map(post),
    memberships: tenures.map((t) => membership(t, roleOfPost.get(t.postId)!)),
    events: meetings.filter((m) => organisations.has(m.organisationId)).map(event),
  };
}
