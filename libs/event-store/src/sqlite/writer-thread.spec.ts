import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { event } from '../testing/conformance';
import { serializeEvents } from './sqlite-event-queries';
import { WriterThread } from './writer-thread';

describe('the writer thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baytaq-writer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers batches in order, with the store errors of their class', async () => {
    const { thread, settings } = await WriterThread.start({ file: join(dir, 'a.sqlite') }, () => undefined);
    try {
      expect(settings).toEqual({ journalMode: 'wal', synchronous: 2 });
      const first = thread.commit(
        [{ stream: 's-1', events: serializeEvents([event(), event()]), expected: 'no_stream' }],
        't1',
      );
      const second = thread.commit(
        [
          { stream: 's-1', events: serializeEvents([event()]), expected: 1 },
          { stream: 's-1', events: serializeEvents([event()]), expected: 0 },
        ],
        't2',
      );
      const [a] = await first;
      const [b, c] = await second;
      expect(a!.result).toMatchObject({ revision: 1, position: '2' });
      expect(a!.committed!.map((e) => [e.position, e.event.revision, e.event.recordedAt])).toEqual([
        [1, 0, 't1'],
        [2, 1, 't1'],
      ]);
      expect(b!.result).toMatchObject({ revision: 2, position: '3' });
      expect(c!.error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(c!.error).toMatchObject({ stream: 's-1', expected: 0, actual: 2 });
    } finally {
      await thread.close();
    }
  });

  it('answers batches sent while it was busy (committed together) each in order, at its own moment, before a close sent after them', async () => {
    const { thread } = await WriterThread.start({ file: join(dir, 'c.sqlite') }, () => undefined);
    const batches = Array.from({ length: 12 }, (_, i) =>
      thread.commit(
        [
          { stream: `s-${i}`, events: serializeEvents([event()]), expected: 'no_stream' },
          // The sixth batch's second append conflicts: it fails alone, its batch and the others commit.
          { stream: `s-${i}`, events: serializeEvents([event()]), expected: i === 5 ? 7 : 0 },
        ],
        `t${String(i).padStart(2, '0')}`,
      ),
    );
    const closed = thread.close();
    const answers = await Promise.all(batches);
    await closed;
    // As stored, not as the main thread remembers sending it: each batch at its own moment.
    const db = new Database(join(dir, 'c.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT stream, recorded_at AS at FROM events ORDER BY position').all();
    db.close();
    expect(stored).toEqual(
      answers.flatMap((_, i) =>
        Array.from({ length: i === 5 ? 1 : 2 }, () => ({ stream: `s-${i}`, at: `t${String(i).padStart(2, '0')}` })),
      ),
    );
    let position = 0;
    answers.forEach(([first, second], i) => {
      expect(first!.committed!.map((e) => [e.position, e.event.stream, e.event.recordedAt])).toEqual([
        [++position, `s-${i}`, `t${String(i).padStart(2, '0')}`],
      ]);
      if (i === 5) expect(second!.error).toMatchObject({ stream: 's-5', expected: 7, actual: 0 });
      else expect(second!.result).toMatchObject({ stream: `s-${i}`, revision: 1, position: String(++position) });
    });
  });

  it('refuses every batch, with the reason, once the thread is gone', async () => {
    const { thread } = await WriterThread.start({ file: join(dir, 'b.sqlite') }, () => undefined);
    await (thread as unknown as { worker: Worker }).worker.terminate();
    await new Promise((resolve) => setImmediate(resolve));
    expect(thread.error).toBeInstanceOf(StoreUnavailableError);
    await expect(
      thread.commit([{ stream: 's', events: serializeEvents([event()]), expected: 'any' }], 't'),
    ).rejects.toThrow(/writer thread exited/);
  });
});
