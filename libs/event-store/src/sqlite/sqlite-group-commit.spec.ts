import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../errors';
import { event, uniqueStream } from '../testing/conformance';
import { SqliteEventStore } from './sqlite-event-store';

type Open = (file: string, options?: { now?: () => Date }) => Promise<SqliteEventStore>;
const modes: Array<[string, Open]> = [
  ['writer in this thread', async (file, options) => SqliteEventStore.open(file, options)],
  ['writer thread', (file, options) => SqliteEventStore.openWithWriterThread(file, options)],
];

describe.each(modes)('sqlite group commit, %s', (_mode, open) => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baytaq-group-'));
    // A clock a second apart at every reading: each commit gets its own recorded-at.
    let tick = Date.parse('2026-01-01T00:00:00Z');
    store = await open(join(dir, 'registry.sqlite'), { now: () => new Date((tick += 1000)) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits concurrent appends together, and a conflict fails alone', async () => {
    const taken = uniqueStream();
    await store.append(taken, [event()], 'no_stream');
    const others = Array.from({ length: 9 }, () => uniqueStream());
    const outcomes = await Promise.allSettled([
      ...others.map((s) => store.append(s, [event(), event()], 'no_stream')),
      store.append(taken, [event()], 'no_stream'),
    ]);
    const conflict = outcomes.pop()!;
    expect(conflict.status).toBe('rejected');
    expect((conflict as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    // One transaction: one transaction time for every append of the batch.
    const recordedAt = new Set<string>();
    for (const s of others) for (const e of await store.readStream(s)) recordedAt.add(e.recordedAt);
    expect(recordedAt.size).toBe(1);
    expect(await store.readStream(taken)).toHaveLength(1);
  });

  it('refuses a second owner of the file while the first has it open', async () => {
    for (const other of modes) {
      await expect(other[1](join(dir, 'registry.sqlite'))).rejects.toThrow(/open in another process/);
    }
    await expect(store.append(uniqueStream(), [event()], 'no_stream')).resolves.toMatchObject({ revision: 0 });
  });

  it('leaves the lock free when it cannot open the file, so that the next attempt can', async () => {
    const file = join(dir, 'not-yet.sqlite');
    mkdirSync(file); // a directory where the store's file should be
    // (A SqliteError, whose class may come from another realm than this test's Error: matched by code.)
    await expect(open(file)).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });
    rmSync(file, { recursive: true });
    const next = await open(file);
    await expect(next.append(uniqueStream(), [event()], 'no_stream')).resolves.toMatchObject({ revision: 0 });
    await next.close();
  });

  it('reads the log from the file only up to the head it acknowledged', async () => {
    const file = join(dir, 'registry.sqlite');
    await store.append(uniqueStream(), [event(), event()], 'no_stream');
    await store.close();
    store = await open(file); // its recent events start after the head: a read from 0 goes to the file
    // A row beyond that head, as a batch the writer thread committed but has not answered yet.
    const raw = new Database(file);
    raw
      .prepare(
        'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?)',
      )
      .run(randomUUID(), uniqueStream(), 'Unanswered', '{}', '{}', '2026-01-01T00:00:00.000Z');
    raw.close();
    const log = await store.readAll();
    expect(log.map((e) => e.position)).toEqual(['1', '2']);
    expect(await store.headPosition()).toBe('2');
  });

  it('answers reads and revision checks from what it committed, never from a refused append', async () => {
    const stream = uniqueStream();
    await store.append(stream, [event(), event()], 'no_stream');
    await expect(store.append(stream, [event()], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream(stream, { fromRevision: 2 })).toEqual([]);
    const third = await store.append(stream, [event()], 1);
    expect((await store.readStream(stream, { fromRevision: 2 })).map((e) => e.id)).toEqual(third.eventIds);
  });

  it('fails an append whose data cannot be stored alone, not the appends sent with it', async () => {
    const [good, bad] = [uniqueStream(), uniqueStream()];
    const outcomes = await Promise.allSettled([
      store.append(good, [event()], 'no_stream'),
      store.append(bad, [event('Bad', { amount: 10n })], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
    expect(await store.readStream(good)).toHaveLength(1);
    expect(await store.readStream(bad)).toEqual([]);
  });

  it('writes a file in WAL mode with synchronous=FULL', () => {
    expect(store.writerSettings).toEqual({ journalMode: 'wal', synchronous: 2 });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('acknowledges each of many appends arriving over several turns once, with a position of its own', async () => {
    const streams = Array.from({ length: 40 }, () => uniqueStream());
    const waves = await Promise.all(
      streams.map(async (s, i) => {
        await new Promise((r) => setTimeout(r, i % 4));
        return store.append(s, [event()], 'no_stream');
      }),
    );
    expect(waves.map((r) => r.revision)).toEqual(streams.map(() => 0));
    const positions = waves.map((r) => Number(r.position));
    expect(new Set(positions).size).toBe(streams.length);
    const log = await store.readAll({ after: String(Math.min(...positions) - 1) });
    expect(log.map((e) => e.stream).sort()).toEqual([...streams].sort());
  });

  it('commits what is queued when closed', async () => {
    const stream = uniqueStream();
    const pending = store.append(stream, [event()], 'no_stream');
    const closed = store.close();
    await expect(store.append(uniqueStream(), [event()], 'no_stream')).rejects.toThrow(/closed/);
    await closed;
    await expect(pending).resolves.toMatchObject({ revision: 0 });
    store = await open(join(dir, 'registry.sqlite'));
    expect(await store.readStream(stream)).toHaveLength(1);
  });
});
