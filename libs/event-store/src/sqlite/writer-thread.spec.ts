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
