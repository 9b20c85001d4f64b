import type { Database, Statement } from 'better-sqlite3';
import { type MultilingualName } from '@baytaq/domain';
import { OfficerTimelines } from './officer-timelines';
import { type AsOf, known, parseJson } from './temporal';
import {
  type OrganisationDetail,
  type OrganisationSummary,
  type PostWithHolders,
  type Registration,
} from './read-types';

interface OrgRow {
  org_id: string;
  kind: string;
  parent_id: string | null;
  body_type: string | null;
  kato: string | null;
  valid_from: string;
  valid_to: string | null;
  dissolution_reason: string | null;
  name: string | null;
}

/** The name in force on the day, or the first one for a day before the founding. */
const NAME_ON = `COALESCE(
  (SELECT n.name FROM rm_org_name n WHERE n.org_id = o.org_id AND ${known('n')} AND n.valid_from <= @asOf
   ORDER BY n.valid_from DESC LIMIT 1),
  (SELECT n.name FROM rm_org_name n WHERE n.org_id = o.org_id AND ${known('n')} ORDER BY n.valid_from LIMIT 1))`;

const ORG_COLUMNS = `o.org_id, o.kind, o.parent_id, o.body_type, o.kato, o.valid_from, o.valid_to, o.dissolution_reason,
  ${NAME_ON} AS name`;

export function toSummary(row: OrgRow, asOf: string): OrganisationSummary {
  return {
    id: row.org_id,
    kind: row.kind,
    parentId: row.parent_id,
    bodyType: row.body_type,
    name: parseJson<MultilingualName>(row.name) ?? {},
    kato: row.kato,
    status:
      asOf < row.valid_from
        ? 'not_established'
        : row.valid_to !== null && row.valid_to <= asOf
          ? 'dissolved'
          : 'active',
    established: row.valid_from,
    dissolved: row.valid_to,
  };
}

/** Organisations, their posts and holders, as of a day and as known at a moment. */
export class OrganisationReads {
  private readonly all: Statement;
  private readonly one: Statement;
  private readonly children: Statement;
  private readonly names: Statement;
  private readonly registrations: Statement;
  private readonly katos: Statement;
  private readonly known: Statement;

  private readonly timelines: OfficerTimelines;

  constructor(db: Database, generation: () => number, isNow: (knownAt: string) => boolean) {
    this.timelines = new OfficerTimelines(db, generation, isNow);
    this.all = db.prepare(
      `SELECT ${ORG_COLUMNS} FROM rm_org o WHERE ${known('o')} AND o.valid_from <= @asOf ORDER BY o.valid_from, o.org_id`,
    );
    this.known = db.prepare(`SELECT 1 FROM rm_org o WHERE o.org_id = @id AND ${known('o')}`).pluck();
    this.katos = db.prepare(
      `SELECT o.org_id, o.kato FROM rm_org o WHERE ${known('o')} AND o.valid_from <= @asOf AND o.kato IS NOT NULL`,
    );
    this.one = db.prepare(`SELECT ${ORG_COLUMNS} FROM rm_org o WHERE o.org_id = @id AND ${known('o')}`);
    this.children = db.prepare(
      `SELECT ${ORG_COLUMNS} FROM rm_org o WHERE o.parent_id = @id AND ${known('o')} AND o.valid_from <= @asOf
       ORDER BY o.valid_from, o.org_id`,
    );
    this.names = db.prepare(
      `SELECT n.name, n.valid_from, n.valid_to FROM rm_org_name n WHERE n.org_id = @id AND ${known('n')} ORDER BY n.valid_from`,
    );
    this.registrations = db.prepare(
      `SELECT r.authority, r.number, r.bin, r.valid_from FROM rm_registration r
       WHERE r.org_id = @id AND ${known('r')} AND r.valid_from <= @asOf ORDER BY r.valid_from, r.key`,
    );
  }

  /** Every organisation founded by `asOf`, dissolved ones included (with their status). */
  list(q: AsOf): OrganisationSummary[] {
    return (this.all.all(q) as OrgRow[]).map((r) => toSummary(r, q.asOf));
  }

  /** The KATO code of every organisation founded by `asOf` that has one: what regional counts need, cheaply. */
  katoCodes(q: AsOf): Array<{ org_id: string; kato: string }> {
    return this.katos.all(q) as Array<{ org_id: string; kato: string }>;
  }

  /** Whether the organisation is known at `knownAt` (founded or not by a given day). */
  exists(id: string, knownAt: string): boolean {
    return this.known.get({ id, knownAt }) !== undefined;
  }

  summary(id: string, q: AsOf): OrganisationSummary | null {
    const row = this.one.get({ ...q, id }) as OrgRow | undefined;
    return row ? toSummary(row, q.asOf) : null;
  }

  detail(id: string, q: AsOf): OrganisationDetail | null {
    const row = this.one.get({ ...q, id }) as OrgRow | undefined;
    if (!row) return null;
    const names = this.names.all({ ...q, id }) as Array<{ name: string; valid_from: string; valid_to: string | null }>;
    const registrations = this.registrations.all({ ...q, id }) as Array<
      Omit<Registration, 'date'> & { valid_from: string }
    >;
    return {
      ...toSummary(row, q.asOf),
      names: names.map((n) => ({ from: n.valid_from, to: n.valid_to, name: JSON.parse(n.name) as MultilingualName })),
      dissolutionReason: row.dissolution_reason,
      children: (this.children.all({ ...q, id }) as OrgRow[]).map((r) => toSummary(r, q.asOf)),
      registrations: registrations.map((r) => ({
        authority: r.authority,
        number: r.number,
        bin: r.bin,
        date: r.valid_from,
      })),
      posts: this.officers(id, q),
    };
  }

  /** Every post of the organisation that exists on `asOf`, with its holders on that day. */
  officers(id: string, q: AsOf): PostWithHolders[] {
    return this.officersIfKnown(id, q) ?? [];
  }

  /** The organisation's officers on `asOf`, or null when it is not known at `knownAt`. */
  officersIfKnown(id: string, q: AsOf): PostWithHolders[] | null {
    return this.timelines.on(id, q);
  }
}
