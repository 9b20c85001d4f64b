import canonicalize from 'canonicalize';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceMth } from '../../../../integrity/src/testing/rfc6962-reference';
import type { ReadAllOptions, RecordedEvent } from '../../event-store.port';
import { MemoryEventStore } from '../../memory/memory-event-store';
import { event, uniqueStream } from '../../testing/conformance';
import { auditLog } from './log-audit';
import { LogTreeFollower, LogTreeMirror, mirrorDifference } from './log-tree-mirror';
import { SqliteLogTreeReader } from './sqlite-log-tree-reader';

/** What API.md says a leaf hashes, from the store's own records, apart from the code under test. */
const leafInput = (e: RecordedEvent) =>
  Buffer.from(
    canonicalize({
      eventId: e.id,
      stream: e.stream,
      revision: e.revision,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      recordedAt: e.recordedAt,
    })!,
  );

describe('the log tree of a store that keeps none, kept by a follower in a mirror file (KurrentDB mode)', () => {
  let dir: string;
  let file: string;
  let store: MemoryEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baytaq-mirror-'));
    file = join(dir, 'log-tree.sqlite');
    store = new MemoryEventStore();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await store.append(uniqueStream(), [event('Counted', { i, z: 'Синтетов', a: [1, 2] }), event()], 'no_stream');
    }
  };

  it('hashes the log as held, in its order, and resumes from its checkpoint after a restart', async () => {
    await write(300); // 600 events: more than a batch
    let mirror = LogTreeMirror.open(file);
    expect(await new LogTreeFollower(store, mirror, { batch: 128 }).catchUp()).toBe(600);
    mirror.close();
    await write(21);
    mirror = LogTreeMirror.open(file);
    const follower = new LogTreeFollower(store, mirror, { batch: 128 });
    // Two at once (the follow loop and a filing that needs the tree current) mirror each event once.
    const counts = await Promise.all([follower.catchUp(), follower.catchUp()]);
    expect(counts.reduce((a, b) => a + b)).toBe(42);
    const held = await store.readAllAsStored();
    const tree = new SqliteLogTreeReader(mirror.db);
    expect(tree.size()).toBe(642);
    for (const size of [1, 600, 641, 642]) {
      expect(tree.root(size)).toEqual(referenceMth(held.slice(0, size).map(leafInput)));
    }
    expect(tree.leafIndexOf(held[600]!.id)).toBe(600);
    expect(auditLog(mirror.db).differences).toEqual([]);
    expect(await mirrorDifference(mirror.db, store, 100)).toBeUndefined();
    mirror.close();
  });

  it('follows live writes, and stops when closed', async () => {
    const mirror = LogTreeMirror.open(file);
    const follower = new LogTreeFollower(store, mirror, { idleMs: 10 });
    follower.start();
    await write(5);
    const tree = new SqliteLogTreeReader(mirror.db);
    for (let waited = 0; tree.size() < 10 && waited < 5_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(tree.size()).toBe(10);
    await follower.close();
    await write(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(tree.size()).toBe(10);
    mirror.close();
  });

  it('names the first leaf whose event the store no longer holds as it was hashed', async () => {
    await write(10);
    const mirror = LogTreeMirror.open(file);
    await new LogTreeFollower(store, mirror).catchUp();
    const held = await store.readAllAsStored();
    const source = (events: RecordedEvent[]) => ({
      readAllAsStored: async (options: ReadAllOptions = {}) => {
        const from = options.after === undefined ? 0 : events.findIndex((e) => e.position === options.after) + 1;
        return events.slice(from, from + (options.maxCount ?? events.length));
      },
    });
    const changed = held.map((e, i) => (i === 15 ? { ...e, data: { ...e.data, i: 99 } } : e));
    expect(await mirrorDifference(mirror.db, source(changed), 20)).toBe(
      `event at position 16: data changed (the store holds event ${held[15]!.id} otherwise than the tree hashed it)`,
    );
    const swapped = [...held];
    [swapped[17], swapped[18]] = [held[18]!, held[17]!];
    expect(await mirrorDifference(mirror.db, source(swapped), 20)).toMatch(/^event at position 18: order changed/);
    expect(await mirrorDifference(mirror.db, source(held.slice(0, 19)), 20)).toMatch(
      /^event at position 20: event missing/,
    );
    // Only the tail asked for is compared.
    expect(await mirrorDifference(mirror.db, source(changed), 4)).toBeUndefined();
    mirror.close();
  });
});
