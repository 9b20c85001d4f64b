/** The fields the pairing reads; builders pass richer tenures through. */
export interface SeatTenure {
  readonly tenureId: string;
  readonly postId: string;
  readonly from: string;
  readonly to: string | null;
}

export interface Succession<T extends SeatTenure> {
  readonly tenure: T;
  readonly predecessor: T | null;
  readonly successor: T | null;
}

/**
 * Who followed whom in each post, as `GET /v1/posts/{id}/holders` links them: a tenure's
 * predecessor is the latest-ending earlier tenure of the post that had ended by its start and
 * was not yet followed (the seat it took). Tenures in order of start, then id, so that the
 * pairing (and the filing) is the same on every run.
 */
export function pairSuccessions<T extends SeatTenure>(tenures: readonly T[]): Array<Succession<T>> {
  const byPost = new Map<string, T[]>();
  for (const t of tenures) {
    const list = byPost.get(t.postId);
    if (list) list.push(t);
    else byPost.set(t.postId, [t]);
  }
  const links: Array<{ tenure: T; predecessor: T | null; successor: T | null }> = [];
  for (const postId of [...byPost.keys()].sort()) {
    const ordered = [...byPost.get(postId)!].sort((a, b) =>
      a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.tenureId < b.tenureId ? -1 : 1,
    );
    const post = ordered.map((tenure) => ({ tenure, predecessor: null as T | null, successor: null as T | null }));
    for (const link of post) {
      let best: (typeof post)[number] | undefined;
      for (const other of post) {
        const ended = other.tenure.to;
        if (other === link || ended === null || ended > link.tenure.from || other.successor !== null) continue;
        if (!best || ended > best.tenure.to!) best = other;
      }
      if (!best) continue;
      link.predecessor = best.tenure;
      best.successor = link.tenure;
    }
    links.push(...post);
  }
  return links;
}
