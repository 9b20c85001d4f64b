import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceLeaf, referenceMth } from '../../../../integrity/src/testing/rfc6962-reference';
import { event, uniqueStream } from '../../testing/conformance';
import { serializeEvents } from '../sqlite-event-queries';
import { SqliteEventStore } from '../sqlite-event-store';
import { SqliteWriter } from '../sqlite-writer';
import { canonicalRecordOfText } from '@baytaq/integrity';
import { describeDifference, auditLog } from './log-audit';
import { LEAF_INPUT_SQL, type StoredEventRow } from './stored-log-tree';
import { SqliteLogTreeReader } from './sqlite-log-tree-reader';

type Open = (file: string) => Promise<SqliteEventStore>;
const modes: Array<[string, Open]> = [
  ['writer in this thread', async (file) => SqliteEventStore.open(file)],
  ['writer thread', (file) => SqliteEventStore.openWithWriterThread(file)],
];

/** What API.md says a leaf hashes, computed from the rows here, apart from the code under test. */
function leafInputs(file: string): Buffer[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Array<Record<string, unknown>>;
  db.close();
  return rows.map((r) =>
    Buffer.from(
      canonicalize({
        eventId: r['id'],
        stream: r['stream'],
        revision: r['revision'],
        type: r['type'],
        data: JSON.parse(r['data'] as string),
        metadata: JSON.parse(r['metadata'] as string),
        recordedAt: r['recorded_at'],
      })!,
    ),
  );
}

function storedNodes(file: string): Map<string, Buffer> {
  const db = new Database(file, { readonly: true });
  // The subtree at level l, index i is keyed by its last leaf, (i + 1) * 2^l - 1.
  const rows = db.prepare('SELECT level, (leaf + 1) / (1 << level) - 1 AS idx, hash FROM log_nodes').all() as Array<{
    level: number;
    idx: number;
    hash: Buffer;
  }>;
  db.close();
  return new Map(rows.map((r) => [`${r.level}/${r.idx}`, r.hash]));
}

describe.each(modes)('the log tree kept in the writer transaction, %s', (_mode, open) => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baytaq-tree-'));
    file = join(dir, 'registry.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes every committed event, and nothing of an append that failed in a batch', async () => {
    const store = await open(file);
    const taken = uniqueStream();
    const reused = event('Reused', { n: 1 });
    await store.append(taken, [event(), reused], 'no_stream');
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 7 }, (_, i) =>
          store.append(uniqueStream(), [event('Counted', { round, i, text: 'Синтетов €' }), event()], 'no_stream'),
        ),
        store.append(taken, [event()], 'no_stream'), // a conflict: its savepoint rolls back
        store.append(uniqueStream(), [event(), { ...reused, data: { n: 2 } }], 'no_stream'), // an id taken
      ]);
      expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(2);
    }
    const tree = new SqliteLogTreeReader(store.db);
    const inputs = leafInputs(file);
    expect(inputs).toHaveLength(2 + 5 * 14);
    expect(tree.size()).toBe(inputs.length);
    for (let size = 0; size <= inputs.length; size++)
      expect(tree.root(size)).toEqual(referenceMth(inputs.slice(0, size)));
    const nodes = storedNodes(file);
    inputs.forEach((input, i) => expect(nodes.get(`0/${i}`)).toEqual(referenceLeaf(input)));
    expect(nodes.size).toBe(2 * inputs.length - [...inputs.length.toString(2)].filter((b) => b === '1').length);
    expect(tree.leafIndexOf(reused.id)).toBe(1);
    expect(tree.leafIndexOf('no-such-event')).toBeUndefined();
    await store.close();
  });

  it('builds the tree of a store made before it, from the log, once', async () => {
    const first = await open(file);
    for (let i = 0; i < 40; i++) await first.append(uniqueStream(), [event('Early', { i })], 'no_stream');
    await first.close();
    const raw = new Database(file);
    raw.exec('DROP TABLE log_nodes');
    raw.close();
    const store = await open(file);
    await store.append(uniqueStream(), [event('Late'), event('Later')], 'no_stream');
    const inputs = leafInputs(file);
    const tree = new SqliteLogTreeReader(store.db);
    expect(tree.size()).toBe(42);
    expect(tree.root(42)).toEqual(referenceMth(inputs));
    expect(tree.root(40)).toEqual(referenceMth(inputs.slice(0, 40)));
    await store.close();
  });

  it('rewrites the tree of a store that kept it by (level, idx) into its rows by last leaf, with the same roots', async () => {
    const first = await open(file);
    for (let i = 0; i < 37; i++) await first.append(uniqueStream(), [event('Early', { i })], 'no_stream');
    await first.close();
    const raw = new Database(file);
    raw.exec(`CREATE TABLE log_tree (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
              INSERT INTO log_tree SELECT level, (leaf + 1) / (1 << level) - 1, hash FROM log_nodes;
              DROP TABLE log_nodes;`);
    raw.close();
    const store = await open(file);
    await store.append(uniqueStream(), [event('Late')], 'no_stream');
    const inputs = leafInputs(file);
    const tree = new SqliteLogTreeReader(store.db);
    expect(tree.size()).toBe(38);
    for (const size of [1, 16, 37, 38]) expect(tree.root(size)).toEqual(referenceMth(inputs.slice(0, size)));
    expect(storedNodes(file).size).toBe(2 * 38 - 3); // 38 = 100110 in binary: three subtrees on its right edge
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE name IN ('log_tree', 'log_nodes')").all();
    expect(tables).toEqual([{ name: 'log_nodes' }]);
    expect(auditLog(store.db).differences).toEqual([]);
    await store.close();
  });

  it('leaves a tree behind its events as it is: a row added outside the writer is not hashed at the next start', async () => {
    const first = await open(file);
    await first.append(uniqueStream(), [event()], 'no_stream');
    await first.close();
    const raw = new Database(file);
    raw
      .prepare(
        'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?)',
      )
      .run('smuggled', uniqueStream(), 'Smuggled', '{}', '{}', '2026-01-01T00:00:00.000Z');
    raw.close();
    const store = await open(file);
    const tree = new SqliteLogTreeReader(store.db);
    expect(tree.size()).toBe(1);
    expect(tree.leafIndexOf('smuggled')).toBeUndefined();
    // The next append cannot make the tree skip the smuggled row's leaf either.
    await expect(store.append(uniqueStream(), [event()], 'no_stream')).rejects.toThrow(/no node at level 0, index 1/);
    await store.close();
  });
});

describe('REGISTRY_LOG_TREE=off, bench:integrity`s baseline', () => {
  it.each([
    ['writer in this thread', (file: string) => Promise.resolve(SqliteEventStore.open(file, { logTree: false }))],
    ['writer thread', (file: string) => SqliteEventStore.openWithWriterThread(file, { logTree: false })],
  ])('keeps no tree, %s', async (_mode, openWithout) => {
    const dir = mkdtempSync(join(tmpdir(), 'baytaq-tree-off-'));
    const file = join(dir, 'registry.sqlite');
    const store = await openWithout(file);
    await store.append(uniqueStream(), [event()], 'no_stream');
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE name IN ('log_tree', 'log_nodes')").all();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    expect(tables).toEqual([]);
  });
});

describe('the audit of a log against its tree', () => {
  it('names a row the tree never hashed and an inner node that is not the hash of its leaves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baytaq-audit-'));
    const file = join(dir, 'registry.sqlite');
    const store = SqliteEventStore.open(file);
    for (let i = 0; i < 8; i++) await store.append(uniqueStream(), [event('Counted', { i })], 'no_stream');
    await store.close();
    const raw = new Database(file);
    expect(auditLog(raw).differences).toEqual([]);
    raw.prepare('UPDATE log_nodes SET hash = zeroblob(32) WHERE level = 1 AND leaf = 5').run(); // level 1, index 2
    raw.prepare('UPDATE log_nodes SET hash = zeroblob(31) WHERE level = 0 AND leaf = 7').run(); // not a hash at all
    raw
      .prepare(
        'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?)',
      )
      .run('smuggled', uniqueStream(), 'Smuggled', '{}', '{}', '2026-01-01T00:00:00.000Z');
    const { differences, treeSize, events } = auditLog(raw);
    raw.close();
    rmSync(dir, { recursive: true, force: true });
    expect({ treeSize, events }).toEqual({ treeSize: 8, events: 9 });
    expect(differences.map(describeDifference)).toEqual([
      "event at position 5: the tree's node at level 1, index 2 is not the hash of its leaves",
      "event at position 8: data changed (its hash is not the tree's leaf 7)",
      'event at position 9: not in the tree (the log has a row the tree never hashed)',
    ]);
  });
});

describe('the JSON the tree hashes', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baytaq-canonical-'));
    file = join(dir, 'registry.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const rowsOf = () => {
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT data, metadata FROM events ORDER BY position').all();
    db.close();
    return rows;
  };

  it.each(modes)('is stored as it is hashed, RFC 8785 canonical (%s)', async (_mode, open) => {
    const store = await open(file);
    await store.append(
      uniqueStream(),
      [{ ...event('Counted'), data: { z: 1e21, a: { y: 'Синтетов', b: [2, 1.5] } }, metadata: { k: true, c: null } }],
      'no_stream',
    );
    await store.close();
    expect(rowsOf()).toEqual([
      { data: '{"a":{"b":[2,1.5],"y":"Синтетов"},"z":1e+21}', metadata: '{"c":null,"k":true}' },
    ]);
  });

  it("is put together by SQLite (verify's quick leaf input) exactly as canonicalRecordOfText puts it", async () => {
    const store = SqliteEventStore.open(file);
    const odd = {
      quote: 'a "b" \\ c',
      lines: 'один\nдва\t€',
      control: '\u0001\u001f',
      emoji: '🌿',
      n: [1e21, -0, 0.1],
    };
    for (let i = 0; i < 5; i++) {
      await store.append(
        uniqueStream(),
        [{ ...event('Counted'), data: { ...odd, i }, metadata: { actor: `a"${i}` } }],
        'no_stream',
      );
    }
    await store.close();
    const db = new Database(file, { readonly: true });
    const inputs = db.prepare(LEAF_INPUT_SQL).raw(true).all(1, 5) as Array<[number, string]>;
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as StoredEventRow[];
    db.close();
    expect(inputs.map(([, input]) => input)).toEqual(
      rows.map(
        (row) =>
          `\u0000${canonicalRecordOfText({
            eventId: row.id,
            stream: row.stream,
            revision: row.revision,
            type: row.type,
            dataJson: row.data,
            metadataJson: row.metadata,
            recordedAt: row.recorded_at,
          })}`,
      ),
    );
  });

  it('of a store whose rows were stored before they were canonical still verifies, and a changed value does not', async () => {
    const before = SqliteEventStore.open(file, { logTree: false });
    for (let i = 0; i < 5; i++)
      await before.append(uniqueStream(), [{ ...event('Early'), data: { z: i, a: 'first' } }], 'no_stream');
    await before.close();
    expect(rowsOf()[0]).toMatchObject({ data: '{"z":0,"a":"first"}' });
    const store = SqliteEventStore.open(file); // builds the tree of the rows as they are
    await store.append(uniqueStream(), [{ ...event('Late'), data: { z: 9, a: 'later' } }], 'no_stream');
    await store.close();
    const raw = new Database(file);
    expect(auditLog(raw).differences).toEqual([]);
    // The same record in other JSON (members reordered) is the same leaf; another value is not.
    raw.prepare(`UPDATE events SET data = '{"a":"first","z":1}' WHERE position = 2`).run();
    raw.prepare(`UPDATE events SET data = '{"z":2,"a":"second"}' WHERE position = 3`).run();
    const differences = auditLog(raw).differences.map(describeDifference);
    raw.close();
    expect(differences).toEqual(["event at position 3: data changed (its hash is not the tree's leaf 2)"]);
  });
});

describe('the tree edge kept in memory by the writer', () => {
  it('forgets the leaves of an append that failed after they were hashed (its projection threw), alone or in a batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baytaq-edge-'));
    const file = join(dir, 'registry.sqlite');
    await SqliteEventStore.open(file).close(); // the schema
    const db = new Database(file);
    const projection = {
      apply: (_db: unknown, events: Array<{ type: string }>) => {
        if (events.some((e) => e.type === 'Poison')) throw new Error('the projection refused it');
      },
      committed: () => undefined,
      rolledBack: () => undefined,
    };
    const writer = new SqliteWriter(db, projection);
    const append = (type: string) => ({
      stream: uniqueStream(),
      events: serializeEvents([event(type), event()]),
      expected: 'no_stream' as const,
    });
    const at = '2026-01-01T00:00:00.000Z';
    const batch = writer.commit([append('A'), append('Poison'), append('B')], at);
    expect(batch.map((o) => (o.error ? 'refused' : 'stored'))).toEqual(['stored', 'refused', 'stored']);
    expect(writer.commit([append('Poison')], at)[0]!.error).toBeDefined();
    expect(writer.commit([append('C')], at)[0]!.error).toBeUndefined();
    const inputs = leafInputs(file);
    expect(inputs).toHaveLength(6);
    const tree = new SqliteLogTreeReader(db);
    expect(tree.size()).toBe(6);
    for (let size = 1; size <= 6; size++) expect(tree.root(size)).toEqual(referenceMth(inputs.slice(0, size)));
    expect(auditLog(db).differences).toEqual([]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
