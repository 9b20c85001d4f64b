import type { Database, Statement } from 'better-sqlite3';
import { HEAD_ROLES, type MultilingualName, type PersonName, regionsOn, topLevelRegion } from '@baytaq/domain';
import { type MemberCountReads } from './member-count-reads';
import { type OrganisationReads } from './organisation-reads';
import { type OrganisationSummary, type TreeNode } from './read-types';
import { type AsOf, known, parseJson, validOn } from './temporal';

export interface MembershipCountRow {
  /** groupBy=region */
  kato?: string;
  /** groupBy=branch */
  organisationId?: string;
  name: MultilingualName;
  count: number;
}

interface HeadRow {
  org_id: string;
  post_id: string;
  title: string;
  person_id: string;
  name: string | null;
}

/** The whole structure with heads and member counts, and membership statistics. */
export class StructureReads {
  private readonly heads: Statement;

  constructor(
    db: Database,
    private readonly organisations: OrganisationReads,
    private readonly members: MemberCountReads,
  ) {
    // The head of an organisation is the holder of its chair or head post; the earliest-started holder when several.
    this.heads = db.prepare(
      `SELECT p.org_id, p.post_id, p.title, t.person_id, per.name
       FROM rm_post p
       JOIN rm_tenure t ON t.post_id = p.post_id AND ${known('t')} AND ${validOn('t')}
       LEFT JOIN rm_person per ON per.person_id = t.person_id AND ${known('per')}
       WHERE p.role IN (${HEAD_ROLES.map((r) => `'${r}'`).join(', ')}) AND ${known('p')} AND ${validOn('p')}
       ORDER BY p.org_id, p.valid_from, t.valid_from`,
    );
  }

  tree(q: AsOf): TreeNode[] {
    const orgs = this.organisations.list(q);
    const counts = this.members.countsOn(q);
    const heads = new Map<string, TreeNode['head']>();
    for (const h of this.heads.all(q) as HeadRow[]) {
      if (heads.has(h.org_id)) continue;
      heads.set(h.org_id, {
        personId: h.person_id,
        name: parseJson<PersonName>(h.name) ?? null,
        postId: h.post_id,
        postTitle: JSON.parse(h.title) as MultilingualName,
      });
    }
    const nodes = new Map<string, TreeNode>(
      orgs.map((o) => [
        o.id,
        {
          id: o.id,
          kind: o.kind,
          name: o.name,
          status: o.status,
          kato: o.kato,
          head: heads.get(o.id) ?? null,
          memberCount: counts.get(o.id) ?? 0,
          totalMemberCount: 0,
          children: [],
        },
      ]),
    );
    const roots: TreeNode[] = [];
    for (const o of orgs) {
      const parent = o.parentId ? nodes.get(o.parentId) : undefined;
      (parent ? parent.children : roots).push(nodes.get(o.id)!);
    }
    const total = (n: TreeNode): number =>
      (n.totalMemberCount = n.memberCount + n.children.reduce((sum, c) => sum + total(c), 0));
    roots.forEach(total);
    return roots;
  }

  /** Members per branch on `asOf`: every branch that exists then, zeros included. */
  byBranch(q: AsOf): MembershipCountRow[] {
    const counts = this.members.countsOn(q);
    return this.branches(q).map((o) => ({ organisationId: o.id, name: o.name, count: counts.get(o.id) ?? 0 }));
  }

  /**
   * Members per top-level region on `asOf`: a branch counts toward the region of its KATO code,
   * as the regions were on that day (before 2022-06-08, the three new regions' territory counts
   * toward the regions they were split from). Every region of the day is listed, zeros included.
   */
  /** `counts`: the members per organisation on `q`, for a caller that has them already. */
  byRegion(q: AsOf, counts = this.members.countsOn(q)): MembershipCountRow[] {
    const perRegion = new Map(regionsOn(q.asOf).map((r) => [r.kato, { kato: r.kato, name: r.name, count: 0 }]));
    for (const o of this.organisations.katoCodes(q)) {
      const region = topLevelRegion(o.kato, q.asOf);
      if (region) perRegion.get(region.kato)!.count += counts.get(o.org_id) ?? 0;
    }
    return [...perRegion.values()];
  }

  /** Organisations that can have members (bodies cannot), active on the day. */
  private branches(q: AsOf): OrganisationSummary[] {
    return this.organisations.list(q).filter((o) => o.kind !== 'body' && o.status === 'active');
  }
}
