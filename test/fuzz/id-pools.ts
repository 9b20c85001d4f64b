import type { RecordedEvent } from '@baytaq/event-store';

/** What an id in a path or a body names, so that a generated request can carry a real one. */
export type IdKind =
  | 'organisation'
  | 'person'
  | 'post'
  | 'tenure'
  | 'meeting'
  | 'event'
  | 'import'
  | 'filing'
  | 'key'
  /** A position of the global log, for `after`, `minPosition` and `Last-Event-ID`. */
  | 'position';

/**
 * An id to be chosen when the request is sent, not when it is generated: the pools grow as the
 * fuzz run's own writes succeed, so that later requests reach the resources earlier ones made.
 */
export type IdChoice =
  | { real: IdKind; pick: number }
  | { fresh: string }
  /** A real id of one kind where another is expected (a person's id in an organisation's path). */
  | { otherKind: IdKind; pick: number };

/** A placeholder inside a generated body or path, replaced by an id when the request is built. */
export class IdRef {
  constructor(readonly choice: IdChoice) {}
}

/** The one key the suite must never revoke: the admin key it sends. */
export const OWN_KEY_NAME = 'admin';

const PATH_KINDS: Array<[RegExp, IdKind]> = [
  [/^\/v1\/organisations\//, 'organisation'],
  [/^\/v1\/people\//, 'person'],
  [/^\/v1\/posts\//, 'post'],
  [/^\/v1\/tenures\//, 'tenure'],
  [/^\/v1\/meetings\//, 'meeting'],
  [/^\/v1\/events\//, 'event'],
  [/^\/v1\/imports\//, 'import'],
  [/^\/v1\/filings\//, 'filing'],
  [/^\/v1\/keys\//, 'key'],
];

/** The kind of the id in a route's path, from the collection the path names. */
export function pathIdKind(template: string): IdKind {
  const found = PATH_KINDS.find(([pattern]) => pattern.test(template));
  if (!found) throw new Error(`no id kind for the path ${template}`);
  return found[1];
}

const FIELD_KINDS: Record<string, IdKind> = {
  organisationId: 'organisation',
  parentId: 'organisation',
  successorIds: 'organisation',
  personId: 'person',
  meetingId: 'meeting',
  eventId: 'event',
};

/** The kind of id a body field or query parameter holds, by its name; undefined when it holds none. */
export function fieldIdKind(name: string): IdKind | undefined {
  return FIELD_KINDS[name];
}

const STREAM_KINDS: Record<string, IdKind> = { organisation: 'organisation', person: 'person', meeting: 'meeting' };

/** The ids that exist in the service under test, by kind, in the order they became known. */
export class IdPools {
  private readonly ids = new Map<IdKind, string[]>();
  private readonly known = new Set<string>();

  add(kind: IdKind, id: unknown): void {
    if (typeof id !== 'string' || id === '' || this.known.has(`${kind}:${id}`)) return;
    if (kind === 'key' && id === OWN_KEY_NAME) return;
    this.known.add(`${kind}:${id}`);
    const list = this.ids.get(kind) ?? [];
    list.push(id);
    this.ids.set(kind, list);
  }

  /** One of the ids of a kind, by a fraction in [0, 1); undefined while the kind has none. */
  pick(kind: IdKind, fraction: number): string | undefined {
    const list = this.ids.get(kind) ?? [];
    return list[Math.min(list.length - 1, Math.floor(fraction * list.length))];
  }

  count(kind: IdKind): number {
    return this.ids.get(kind)?.length ?? 0;
  }

  /** Learns the ids the log names: stream owners, posts, tenures and every event. */
  learnFromLog(events: RecordedEvent[]): void {
    for (const event of events) {
      this.add('event', event.id);
      this.add('position', event.position);
      const dash = event.stream.indexOf('-');
      const kind = STREAM_KINDS[event.stream.slice(0, dash)];
      if (kind) this.add(kind, event.stream.slice(dash + 1));
      if (event.stream.startsWith('apikey-')) this.add('key', event.stream.slice('apikey-'.length));
      this.add('post', event.data['postId']);
      this.add('tenure', event.data['tenureId']);
    }
  }

  /** Learns what a successful write answered: the resource it made and the events it appended. */
  learnFromAnswer(template: string, body: Record<string, unknown>): void {
    for (const eventId of Array.isArray(body['eventIds']) ? body['eventIds'] : []) this.add('event', eventId);
    this.add('position', body['position']);
    if (template === '/v1/keys') return this.add('key', body['name']);
    const made = CREATED_BY[template];
    if (made) this.add(made, body['id']);
  }
}

/** What each creating write's answer `id` names. */
const CREATED_BY: Record<string, IdKind> = {
  '/v1/organisations': 'organisation',
  '/v1/organisations/{id}/posts': 'post',
  '/v1/posts/{id}/tenures': 'tenure',
  '/v1/people': 'person',
  '/v1/meetings': 'meeting',
  '/v1/imports/members': 'import',
  '/v1/filings': 'filing',
};
