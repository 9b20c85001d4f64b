import type { Database, Statement } from 'better-sqlite3';
import { type Contacts, type LatinName, type MultilingualName, type PersonName } from '@baytaq/domain';
import { nameKeys } from '../name-key';
import { type AsOf, known, parseJson, validOn } from './temporal';

export interface PersonRecord {
  id: string;
  name: PersonName;
  latinName: LatinName | null;
  /** Personal data: the caller decides who may see it. */
  personal: { iin: string | null; birthDate: string | null; contacts: Contacts | null; citizenship: string | null };
  registeredOn: string | null;
  /** Set once the personal data was erased: every version of the person then reads without it. */
  erased: { on: string } | null;
}

export interface Position {
  tenureId: string;
  postId: string;
  postTitle: MultilingualName | null;
  organisationId: string;
  organisationName: MultilingualName | null;
  method: string;
  from: string;
  to: string | null;
  endReason: string | null;
}

export interface Placement {
  organisationId: string;
  from: string;
  to: string | null;
}

export interface MembershipPeriod {
  from: string;
  to: string | null;
  cardNumber: string | null;
  endReason: string | null;
  placements: Placement[];
  suspensions: Array<{ from: string; to: string | null }>;
}

export interface MemberOnDate {
  personId: string;
  name: PersonName;
  since: string;
  membershipFrom: string;
  cardNumber: string | null;
  suspended: boolean;
  personal: PersonRecord['personal'];
  erased: PersonRecord['erased'];
}

interface PersonRow {
  person_id: string;
  name: string;
  latin_name: string | null;
  iin: string | null;
  birth_date: string | null;
  contacts: string | null;
  citizenship: string | null;
  registered_on: string | null;
  erased_on: string | null;
}

const PERSON_COLUMNS =
  'per.person_id, per.name, per.latin_name, per.iin, per.birth_date, per.contacts, per.citizenship, per.registered_on, ' +
  'per.erased_on';

function toPerson(r: PersonRow): PersonRecord {
  return {
    id: r.person_id,
    name: JSON.parse(r.name) as PersonName,
    latinName: parseJson<LatinName>(r.latin_name) ?? null,
    personal: {
      iin: r.iin,
      birthDate: r.birth_date,
      contacts: parseJson<Contacts>(r.contacts) ?? null,
      citizenship: r.citizenship,
    },
    registeredOn: r.registered_on,
    erased: r.erased_on === null ? null : { on: r.erased_on },
  };
}

/** Where a search page ended: the search word's key it was found by, then the person (the walk's order). */
export interface SearchCursor {
  token: string;
  personId: string;
}

export interface SearchPage {
  items: PersonRecord[];
  /** Where the next page starts; null when the walk has passed every match. */
  next: SearchCursor | null;
}

/** Rows of the search word index read at a time. */
const SEARCH_BATCH = 500;
/**
 * Rows one request may walk: a search whose matches are rare among the names its longest word
 * starts (say, officers only for "а") answers what it found so far and where to go on, rather
 * than walking the whole party in one request.
 */
const SEARCH_BUDGET = 5000;

interface TokenRow {
  token: string;
  person_id: string;
  name: string;
  latin_name: string | null;
}

const nameWords = (name: PersonName, latin: LatinName | undefined): readonly string[] =>
  nameKeys([name.surname, name.given, name.patronymic ?? '', latin?.surname ?? '', latin?.given ?? ''].join(' '));

/** People: search by name, profile, positions, membership; the caller applies access rules. */
export class PeopleReads {
  private readonly one: Statement;
  private readonly byToken: Statement;
  private readonly positionsOf: Statement;
  private readonly placementsOf: Statement;
  private readonly suspensionsOf: Statement;
  private readonly membersOf: Statement;
  private readonly officerEver: Statement;

  constructor(
    db: Database,
    private readonly searchBudget = SEARCH_BUDGET,
  ) {
    this.one = db.prepare(`SELECT ${PERSON_COLUMNS} FROM rm_person per WHERE per.person_id = @id AND ${known('per')}`);
    // The search word index in its order (the key, then the person): a person is met once per
    // name word that the search word starts, and counted at the first (the smallest key).
    this.byToken = db.prepare(
      `SELECT k.token, k.person_id, per.name, per.latin_name
       FROM rm_person_token k JOIN rm_person per ON per.person_id = k.person_id AND ${known('per')}
       WHERE k.token >= @start AND k.token < @to AND (k.token > @start OR k.person_id > @afterId) AND ${known('k')}
       ORDER BY k.token, k.person_id LIMIT @batch`,
    );
    this.positionsOf = db.prepare(
      `SELECT t.tenure_id, t.post_id, t.org_id, t.method, t.valid_from, t.valid_to, t.end_reason, p.title,
        (SELECT n.name FROM rm_org_name n WHERE n.org_id = t.org_id AND ${known('n')} AND n.valid_from <= t.valid_from
         ORDER BY n.valid_from DESC LIMIT 1) AS org_name
       FROM rm_tenure t LEFT JOIN rm_post p ON p.post_id = t.post_id AND ${known('p')}
       WHERE t.person_id = @id AND ${known('t')} ORDER BY t.valid_from, t.tenure_id`,
    );
    this.placementsOf = db.prepare(
      `SELECT org_id, membership_from, membership_to, card_number, end_reason, valid_from, valid_to FROM rm_placement pl
       WHERE pl.person_id = @id AND ${known('pl')} ORDER BY pl.valid_from`,
    );
    this.suspensionsOf = db.prepare(
      `SELECT valid_from, valid_to FROM rm_suspension s WHERE s.person_id = @id AND ${known('s')} ORDER BY s.valid_from`,
    );
    this.membersOf = db.prepare(
      `SELECT ${PERSON_COLUMNS}, pl.valid_from AS since, pl.membership_from, pl.card_number,
        EXISTS (SELECT 1 FROM rm_suspension s WHERE s.person_id = pl.person_id AND ${known('s')} AND ${validOn('s')}) AS suspended
       FROM rm_placement pl JOIN rm_person per ON per.person_id = pl.person_id AND ${known('per')}
       WHERE pl.org_id = @id AND ${known('pl')} AND ${validOn('pl')} AND pl.person_id > @after
       ORDER BY pl.person_id LIMIT @limit`,
    );
    this.officerEver = db.prepare(`SELECT 1 FROM rm_tenure t WHERE t.person_id = @id AND ${known('t')} LIMIT 1`);
  }

  person(id: string, knownAt: string): PersonRecord | null {
    const row = this.one.get({ id, knownAt }) as PersonRow | undefined;
    return row ? toPerson(row) : null;
  }

  /** Whether the person held any post, as known then: officers' names and tenures are public. */
  isOfficer(id: string, knownAt: string): boolean {
    return this.officerEver.get({ id, knownAt }) !== undefined;
  }

  /**
   * People whose name words start with every word of the query, in any script, a page at a time:
   * in the order of the search word index for the query's longest word (its key, then the
   * person id), so that a person whose word is that word exactly comes before those whose words
   * only start with it, and `next` continues after the last one returned. A page may hold fewer
   * than `limit` people with a `next` when the request walked its budget of index rows.
   */
  search(
    query: string,
    knownAt: string,
    limit: number,
    { officersOnly = false, after }: { officersOnly?: boolean; after?: SearchCursor } = {},
  ): SearchPage {
    const words = nameKeys(query);
    if (words.length === 0) return { items: [], next: null };
    const rarest = [...words].sort((a, b) => b.length - a.length)[0]!;
    const found: string[] = [];
    let cursor: SearchCursor = after && after.token >= rarest ? after : { token: rarest, personId: '' };
    let last: SearchCursor | undefined;
    const batch = Math.min(SEARCH_BATCH, this.searchBudget);
    for (let walked = 0; walked < this.searchBudget;) {
      const rows = this.byToken.all({
        start: cursor.token,
        afterId: cursor.personId,
        to: `${rarest}\uffff`,
        knownAt,
        batch,
      }) as TokenRow[];
      for (const row of rows) {
        walked += 1;
        cursor = { token: row.token, personId: row.person_id };
        const keys = nameWords(JSON.parse(row.name) as PersonName, parseJson<LatinName>(row.latin_name));
        const first = keys.filter((k) => k.startsWith(rarest)).sort()[0];
        if (first !== row.token || !words.every((w) => keys.some((k) => k.startsWith(w)))) continue;
        if (officersOnly && !this.isOfficer(row.person_id, knownAt)) continue;
        // One more match than the page holds: there is a next page, after the page's last.
        if (found.length === limit) return { items: this.records(found, knownAt), next: last! };
        found.push(row.person_id);
        last = cursor;
      }
      if (rows.length < batch) return { items: this.records(found, knownAt), next: null };
    }
    return { items: this.records(found, knownAt), next: found.length === limit ? last! : cursor };
  }

  private records(ids: string[], knownAt: string): PersonRecord[] {
    return ids.map((id) => this.person(id, knownAt)!);
  }

  positions(id: string, knownAt: string): Position[] {
    return (this.positionsOf.all({ id, knownAt }) as Array<Record<string, string | null>>).map((r) => ({
      tenureId: r.tenure_id!,
      postId: r.post_id!,
      postTitle: parseJson<MultilingualName>(r.title!) ?? null,
      organisationId: r.org_id!,
      organisationName: parseJson<MultilingualName>(r.org_name!) ?? null,
      method: r.method!,
      from: r.valid_from!,
      to: r.valid_to,
      endReason: r.end_reason,
    }));
  }

  /** The membership timeline: each membership with its placements (transfers) and suspensions. */
  membership(id: string, knownAt: string): MembershipPeriod[] {
    const periods = new Map<string, MembershipPeriod>();
    for (const r of this.placementsOf.all({ id, knownAt }) as Array<Record<string, string | null>>) {
      const key = r.membership_from!;
      let period = periods.get(key);
      if (!period) {
        period = {
          from: key,
          to: r.membership_to,
          cardNumber: r.card_number,
          endReason: r.end_reason,
          placements: [],
          suspensions: [],
        };
        periods.set(key, period);
      }
      period.placements.push({ organisationId: r.org_id!, from: r.valid_from!, to: r.valid_to });
    }
    const list = [...periods.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
    for (const s of this.suspensionsOf.all({ id, knownAt }) as Array<{ valid_from: string; valid_to: string | null }>) {
      const owner = list.find((m) => m.from <= s.valid_from && (m.to === null || s.valid_from < m.to));
      owner?.suspensions.push({ from: s.valid_from, to: s.valid_to });
    }
    return list;
  }

  /** Members placed in the organisation on `asOf`, by person id, from after `after`. */
  members(organisationId: string, q: AsOf, after: string, limit: number): MemberOnDate[] {
    const rows = this.membersOf.all({ ...q, id: organisationId, after, limit }) as Array<
      PersonRow & { since: string; membership_from: string; card_number: string | null; suspended: number }
    >;
    return rows.map((r) => {
      const p = toPerson(r);
      return {
        personId: p.id,
        name: p.name,
        since: r.since,
        membershipFrom: r.membership_from,
        cardNumber: r.card_number,
        suspended: r.suspended === 1,
        personal: p.personal,
        erased: p.erased,
      };
    });
  }
}
