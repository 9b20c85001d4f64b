import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script';
import { StoreUnavailableError } from '../errors';
import type { AppendResult } from '../event-store.port';
import { CommittedEvent } from './recent-events';
import { recordedEvent } from './sqlite-event-queries';
import type { AppendRequest } from './sqlite-writer';
import { type FromWriter, fromWire, type ToWriter, type WriterInit, type WriterSettings } from './writer-protocol';

/**
 * The events an append stored, as the writer stored them (consecutive revisions and positions),
 * parsed from the JSON sent only if a reader of the log asks for them.
 */
function committedEvents(
  request: AppendRequest,
  revision: number,
  position: string,
  recordedAt: string,
): CommittedEvent[] {
  const n = request.events.length;
  const last = Number(position);
  return request.events.map((e, i) => {
    const at = last - (n - 1 - i);
    return new CommittedEvent(at, request.stream, e.type, () =>
      recordedEvent(e, request.stream, revision - (n - 1 - i), at, recordedAt),
    );
  });
}

/** What became of one append of a batch; `committed`: the events it stored (none for a retry). */
export type BatchOutcome =
  | { result: AppendResult; committed?: CommittedEvent[]; error?: undefined }
  | { result?: undefined; committed?: undefined; error: unknown };

function startWorker(init: WriterInit): Worker {
  const module = join(__dirname, `sqlite-writer.worker${extname(__filename)}`);
  return new Worker(workerScript(module), { eval: true, workerData: init });
}

/**
 * The main thread's side of the writer thread. Batches are answered in the order they were sent:
 * the thread commits them one after another.
 */
export class WriterThread {
  private readonly waiters: Array<{ resolve(message: FromWriter): void; reject(error: Error): void }> = [];
  private failure: Error | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly onReport: (report: unknown) => void,
  ) {}

  /** Resolves once the thread has opened the file (and its projection has caught up with the log). */
  static async start(
    init: WriterInit,
    onReport: (report: unknown) => void,
    onProgress?: (line: string) => void,
  ): Promise<{ thread: WriterThread; report: unknown; settings: WriterSettings }> {
    const worker = startWorker(init);
    const thread = new WriterThread(worker, onReport);
    worker.on('error', (error) => thread.fail(error));
    worker.on('exit', (code) => thread.fail(new StoreUnavailableError(`the sqlite writer thread exited (${code})`)));
    worker.on('message', (message: FromWriter) => {
      if (message.type === 'progress') onProgress?.(message.line);
      else thread.waiters.shift()?.resolve(message);
    });
    const first = await thread.next();
    if (first.type === 'failed') {
      await worker.terminate();
      throw fromWire(first.error);
    }
    if (first.type !== 'ready') {
      await worker.terminate();
      throw new StoreUnavailableError(`the sqlite writer thread said ${first.type}`);
    }
    return { thread, report: first.report, settings: first.settings };
  }

  async commit(appends: AppendRequest[], recordedAt: string): Promise<BatchOutcome[]> {
    const answer = this.next();
    this.worker.postMessage({ type: 'commit', appends, recordedAt } satisfies ToWriter);
    const message = await answer;
    if (message.type !== 'committed') throw new StoreUnavailableError(`the sqlite writer thread said ${message.type}`);
    this.onReport(message.report);
    return message.outcomes.map((o, i) =>
      !('result' in o)
        ? { error: fromWire(o.error) }
        : o.stored
          ? {
              result: o.result,
              committed: committedEvents(appends[i]!, o.result.revision, o.result.position, recordedAt),
            }
          : { result: o.result },
    );
  }

  /** Makes the thread drop a destroyed key it may hold; resolves once it has. */
  async forget(personId: string): Promise<void> {
    const answer = this.next();
    this.worker.postMessage({ type: 'forget', personId } satisfies ToWriter);
    const message = await answer;
    if (message.type !== 'forgotten') throw new StoreUnavailableError(`the sqlite writer thread said ${message.type}`);
  }

  /** Why the thread can no longer write (it exited or failed), if it cannot. */
  get error(): Error | undefined {
    return this.failure;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const answer = this.next();
    this.worker.postMessage({ type: 'close' } satisfies ToWriter);
    await answer.catch(() => undefined);
    await this.worker.terminate();
  }

  private next(): Promise<FromWriter> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private fail(error: Error): void {
    this.failure ??= error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error.message);
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
  }
}
