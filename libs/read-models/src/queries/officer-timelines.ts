import type { Database, Statement } from 'better-sqlite3';
import { type MultilingualName, type PersonName } from '@baytaq/domain';
import { type Holder, type PostWithHolders } from './read-types';
import { type AsOf, known, KNOWN_NOW, parseJson } from './temporal';

interface TimelineRow {
  post_id: string;
  title: string;
  role: string;
  seats: number | null;
  valid_from: string;
  valid_to: string | null;
  tenure_id: string | null;
  person_id: string | null;
  method: string | null;
  t_from: string | null;
  t_to: string | null;
  person_name: string | null;
}

type Timeline = Array<Omit<PostWithHolders, 'holders'> & { tenures: Holder[] }>;

const holds = (from: string, to: string | null, day: string) => from <= day && (to === null || day < to);

/**
 * Every post of an organisation with every tenure it ever had, as known at a moment; "officers on
 * a day" is then a filter in memory. As known now (the question historians and integrators ask
 * most, at any date) the timeline is kept per organisation until the read models next commit.
 */
export class OfficerTimelines {
  private readonly rows: Statement;
  private readonly exists: Statement;
  private readonly timelines = new Map<string, Timeline>();
  private seen = -1;

  constructor(
    db: Database,
    private readonly generation: () => number,
    /** Whether a moment is at or after the last the read models hold: then it is now. */
    private readonly isNow: (knownAt: string) => boolean,
  ) {
    this.exists = db.prepare(`SELECT 1 FROM rm_org o WHERE o.org_id = @id AND ${known('o')}`).pluck();
    this.rows = db.prepare(
      `SELECT p.post_id, p.title, p.role, p.seats, p.valid_from, p.valid_to,
              t.tenure_id, t.person_id, t.method, t.valid_from AS t_from, t.valid_to AS t_to, per.name AS person_name
       FROM rm_post p
       LEFT JOIN rm_tenure t ON t.post_id = p.post_id AND ${known('t')}
       LEFT JOIN rm_person per ON per.person_id = t.person_id AND ${known('per')}
       WHERE p.org_id = @id AND ${known('p')}
       ORDER BY p.valid_from, p.post_id, t.valid_from, t.tenure_id`,
    );
  }

  /**
   * The posts that exist on `asOf` with their holders that day, as known at `knownAt`; null when
   * the registry knew no such organisation then.
   */
  on(organisationId: string, { asOf: day, knownAt }: AsOf): PostWithHolders[] | null {
    const timeline = this.isNow(knownAt) ? this.timelineNow(organisationId) : this.load(organisationId, knownAt);
    if (!timeline) return null;
    return timeline
      .filter((p) => holds(p.from, p.to, day))
      .map(({ tenures, ...post }) => ({ ...post, holders: tenures.filter((t) => holds(t.from, t.to, day)) }));
  }

  private timelineNow(organisationId: string): Timeline | null {
    const generation = this.generation();
    if (generation !== this.seen) {
      this.timelines.clear();
      this.seen = generation;
    }
    const kept = this.timelines.get(organisationId);
    if (kept) return kept;
    const timeline = this.load(organisationId, KNOWN_NOW);
    // An unknown id is not kept: any caller could otherwise fill the map between two commits.
    if (timeline) this.timelines.set(organisationId, timeline);
    return timeline;
  }

  private load(id: string, knownAt: string): Timeline | null {
    if (this.exists.get({ id, knownAt }) === undefined) return null;
    const posts = new Map<string, Timeline[number]>();
    for (const r of this.rows.all({ id, knownAt }) as TimelineRow[]) {
      let post = posts.get(r.post_id);
      if (!post) {
        post = {
          id: r.post_id,
          title: JSON.parse(r.title) as MultilingualName,
          role: r.role,
          seats: r.seats,
          from: r.valid_from,
          to: r.valid_to,
          tenures: [],
        };
        posts.set(r.post_id, post);
      }
      if (r.tenure_id === null) continue;
      post.tenures.push({
        tenureId: r.tenure_id,
        personId: r.person_id!,
        name: parseJson<PersonName>(r.person_name) ?? null,
        method: r.method!,
        from: r.t_from!,
        to: r.t_to,
      });
    }
    return [...posts.values()];
  }
}
