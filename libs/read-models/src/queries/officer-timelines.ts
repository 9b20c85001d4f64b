import type { Database, Statement } from 'better-sqlite3';
import { type MultilingualName, type PersonName } from '@baytaq/domain';
import { type Holder, type PostWithHolders } from './read-types';
import { parseJson } from './temporal';

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
 * Every post of an organisation with every tenure it ever had, as the registry knows them now,
 * kept per organisation until the read models next commit. "Officers on a day" is then a filter
 * in memory: the question historians and integrators ask most, at any date, costs no query.
 */
export class OfficerTimelines {
  private readonly rows: Statement;
  private readonly exists: Statement;
  private readonly timelines = new Map<string, Timeline>();
  private seen = -1;

  constructor(
    db: Database,
    private readonly generation: () => number,
  ) {
    this.exists = db.prepare('SELECT 1 FROM rm_org WHERE org_id = ? AND recorded_to IS NULL').pluck();
    this.rows = db.prepare(
      `SELECT p.post_id, p.title, p.role, p.seats, p.valid_from, p.valid_to,
              t.tenure_id, t.person_id, t.method, t.valid_from AS t_from, t.valid_to AS t_to, per.name AS person_name
       FROM rm_post p
       LEFT JOIN rm_tenure t ON t.post_id = p.post_id AND t.recorded_to IS NULL
       LEFT JOIN rm_person per ON per.person_id = t.person_id AND per.recorded_to IS NULL
       WHERE p.org_id = ? AND p.recorded_to IS NULL
       ORDER BY p.valid_from, p.post_id, t.valid_from, t.tenure_id`,
    );
  }

  /**
   * The posts that exist on `day` with their holders that day, as known now (`knownAt` =
   * KNOWN_NOW); null when the registry knows no such organisation.
   */
  on(organisationId: string, day: string): PostWithHolders[] | null {
    const timeline = this.timeline(organisationId);
    if (!timeline) return null;
    return timeline
      .filter((p) => holds(p.from, p.to, day))
      .map(({ tenures, ...post }) => ({ ...post, holders: tenures.filter((t) => holds(t.from, t.to, day)) }));
  }

  private timeline(organisationId: string): Timeline | null {
    const generation = this.generation();
    if (generation !== this.seen) {
      this.timelines.clear();
      this.seen = generation;
    }
    let timeline = this.timelines.get(organisationId);
    if (timeline === undefined) {
      // An unknown id is not kept: any caller could otherwise fill the map between two commits.
      if (this.exists.get(organisationId) === undefined) return null;
      timeline = this.load(organisationId);
      this.timelines.set(organisationId, timeline);
    }
    return timeline;
  }

  private load(organisationId: string): Timeline {
    const posts = new Map<string, Timeline[number]>();
    for (const r of this.rows.all(organisationId) as TimelineRow[]) {
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
