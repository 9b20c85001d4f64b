import type { Database, Statement } from 'better-sqlite3';
import { type LatinName, type MultilingualName, type PersonName } from '@baytaq/domain';
import { type AsOf, known, parseJson, validOn } from './temporal';

/** Which facts an export takes: those holding on `asOf`, or every one begun by then. */
export type PopoloScope = 'on_day' | 'begun_by';

export interface PopoloOrganisationFacts {
  id: string;
  kind: string;
  parentId: string | null;
  kato: string | null;
  from: string;
  to: string | null;
  /** Every name in valid time, oldest first, each with its valid period (the export picks those of `asOf`). */
  names: Array<{ from: string; to: string | null; name: MultilingualName }>;
  /** BINs of the registrations made by `asOf`, in order. */
  bins: string[];
}

export interface PopoloPostFacts {
  id: string;
  organisationId: string;
  title: MultilingualName;
  role: string;
  from: string;
  to: string | null;
}

export interface PopoloTenureFacts {
  id: string;
  postId: string;
  organisationId: string;
  personId: string;
  from: string;
  to: string | null;
}

/** Only the public part of a person: their names. IIN, birth date and contacts are never read here. */
export interface PopoloPersonFacts {
  id: string;
  name: PersonName | null;
  latinName: LatinName | null;
}

/** The facts a Popolo export is made from, each list ordered by id. */
export interface PopoloFacts {
  organisations: PopoloOrganisationFacts[];
  posts: PopoloPostFacts[];
  tenures: PopoloTenureFacts[];
  people: PopoloPersonFacts[];
}

type Row = Record<string, string | null>;

const inScope = (alias: string, scope: PopoloScope): string =>
  scope === 'on_day' ? validOn(alias) : `${alias}.valid_from <= @asOf`;

/** The statements of one scope: a handful of scans, whatever the size of the party. */
class ScopedStatements {
  readonly orgs: Statement;
  readonly names: Statement;
  readonly bins: Statement;
  readonly posts: Statement;
  readonly tenures: Statement;
  readonly people: Statement;

  constructor(db: Database, scope: PopoloScope) {
    const orgInScope = `JOIN rm_org o ON o.org_id = x.org_id AND ${known('o')} AND ${inScope('o', scope)}`;
    this.orgs = db.prepare(
      `SELECT o.org_id, o.kind, o.parent_id, o.kato, o.valid_from, o.valid_to FROM rm_org o
       WHERE ${known('o')} AND ${inScope('o', scope)} ORDER BY o.org_id`,
    );
    this.names = db.prepare(
      `SELECT x.org_id, x.name, x.valid_from, x.valid_to FROM rm_org_name x ${orgInScope}
       WHERE ${known('x')} ORDER BY x.org_id, x.valid_from`,
    );
    this.bins = db.prepare(
      `SELECT x.org_id, x.bin FROM rm_registration x ${orgInScope}
       WHERE ${known('x')} AND x.valid_from <= @asOf AND x.bin IS NOT NULL ORDER BY x.org_id, x.valid_from, x.key`,
    );
    this.posts = db.prepare(
      `SELECT p.post_id, p.org_id, p.title, p.role, p.valid_from, p.valid_to FROM rm_post p
       WHERE ${known('p')} AND ${inScope('p', scope)} ORDER BY p.post_id`,
    );
    this.tenures = db.prepare(
      `SELECT t.tenure_id, t.post_id, t.org_id, t.person_id, t.valid_from, t.valid_to FROM rm_tenure t
       WHERE ${known('t')} AND ${inScope('t', scope)} ORDER BY t.tenure_id`,
    );
    // Names only: the columns of personal data are not selected, so they cannot leak from here.
    this.people = db.prepare(
      `SELECT per.person_id, per.name, per.latin_name FROM rm_person per
       WHERE ${known('per')} AND per.person_id IN
         (SELECT t.person_id FROM rm_tenure t WHERE ${known('t')} AND ${inScope('t', scope)})
       ORDER BY per.person_id`,
    );
  }
}

/** Organisations, posts, tenures and their holders for the Popolo export, as of a day and as known at a moment. */
export class PopoloReads {
  private readonly scopes: Record<PopoloScope, ScopedStatements>;

  constructor(db: Database) {
    this.scopes = { on_day: new ScopedStatements(db, 'on_day'), begun_by: new ScopedStatements(db, 'begun_by') };
  }

  facts(q: AsOf, scope: PopoloScope): PopoloFacts {
    const s = this.scopes[scope];
    const params = { asOf: q.asOf, knownAt: q.knownAt };
    const organisations = (s.orgs.all(params) as Row[]).map((r): PopoloOrganisationFacts => ({
      id: r['org_id']!,
      kind: r['kind']!,
      parentId: r['parent_id'] ?? null,
      kato: r['kato'] ?? null,
      from: r['valid_from']!,
      to: r['valid_to'] ?? null,
      names: [],
      bins: [],
    }));
    const byId = new Map(organisations.map((o) => [o.id, o]));
    for (const r of s.names.all(params) as Row[]) {
      byId.get(r['org_id']!)?.names.push({
        from: r['valid_from']!,
        to: r['valid_to'] ?? null,
        name: JSON.parse(r['name']!) as MultilingualName,
      });
    }
    for (const r of s.bins.all(params) as Row[]) byId.get(r['org_id']!)?.bins.push(r['bin']!);
    const posts = (s.posts.all(params) as Row[]).map((r): PopoloPostFacts => ({
      id: r['post_id']!,
      organisationId: r['org_id']!,
      title: JSON.parse(r['title']!) as MultilingualName,
      role: r['role']!,
      from: r['valid_from']!,
      to: r['valid_to'] ?? null,
    }));
    const tenures = (s.tenures.all(params) as Row[]).map((r): PopoloTenureFacts => ({
      id: r['tenure_id']!,
      postId: r['post_id']!,
      organisationId: r['org_id']!,
      personId: r['person_id']!,
      from: r['valid_from']!,
      to: r['valid_to'] ?? null,
    }));
    const people = (s.people.all(params) as Row[]).map((r): PopoloPersonFacts => ({
      id: r['person_id']!,
      name: parseJson<PersonName>(r['name'] ?? null) ?? null,
      latinName: parseJson<LatinName>(r['latin_name'] ?? null) ?? null,
    }));
    return { organisations, posts, tenures, people };
  }
}
