import { extname, join } from 'node:path';
import { type SealingConfig, workerScript } from '@baytaq/event-store';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type FactRows } from './fact-writer';
import { type FoldAnswer, type FoldInit, type FoldRequest } from './fold-protocol';
import { type MemberDelta } from './member-counts';

/**
 * How long the rebuilding thread waits for any answer before it gives the folding threads up: the
 * bound on a rebuild whose thread died without a word (a crash of the thread itself; every error
 * it can catch, including failing to start, is answered). A chunk of about 5,000 events folds in
 * tens of milliseconds, but a stream longer than a chunk is folded whole, however long it is.
 */
const SILENCE_LIMIT_MS = 600_000;

/**
 * The young generation of a folding thread's heap. Folding makes short-lived objects by the
 * million: with V8's default (16 MiB) the million-member rebuild took 35.6 s, with 64 MiB 33.9 s,
 * with 128 MiB 32.1 to 34.6 s, with 256 MiB 32.7 s.
 */
const YOUNG_MB = 128;

/** Chunks a folding thread holds at once: one it folds, the next waiting, so that it never idles. */
const CHUNKS_IN_FLIGHT = 2;

interface Folder {
  worker: Worker;
  port: MessagePort;
  inFlight: number;
}

/**
 * What a folding thread runs: its module (`workerScript`), and an answer when that module cannot
 * load, since the rebuilding thread, waiting synchronously, would never see the worker's error event.
 */
function folderScript(): string {
  const module = join(__dirname, `fold.worker${extname(__filename)}`);
  return `
    const { workerData } = require('node:worker_threads');
    try {
      ${workerScript(module)}
    } catch (error) {
      workerData.port.postMessage({ error: 'the folding thread could not start: ' + ((error && error.message) || error) });
      const ticks = new Int32Array(workerData.signal);
      Atomics.add(ticks, 0, 1);
      Atomics.notify(ticks, 0);
    }`;
}

function startFolder(file: string, head: number, signal: SharedArrayBuffer, sealing?: SealingConfig): Folder {
  const { port1, port2 } = new MessageChannel();
  const init: FoldInit = { file, head, port: port2, signal, ...(sealing ? { sealing } : {}) };
  const worker = new Worker(folderScript(), {
    eval: true,
    workerData: init,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
  });
  worker.unref();
  return { worker, port: port1, inFlight: 0 };
}

/**
 * Folds the chunks of streams in `threads` threads of their own, which read the log from `file`,
 * and hands each chunk's rows to `onRows` in this thread as they come (in no particular order).
 * Returns the member deltas of them all, summed per organisation and day by each thread.
 * It waits synchronously (a rebuild runs while the store opens), on a shared counter the threads
 * tick after each answer.
 */
export function foldInThreads(
  file: string,
  head: number,
  threads: number,
  chunks: Iterator<FoldRequest>,
  onRows: (rows: FactRows, events: number) => void,
  sealing?: SealingConfig,
): MemberDelta[] {
  const signal = new SharedArrayBuffer(4);
  const ticks = new Int32Array(signal);
  const folders: Folder[] = [];
  const send = (folder: Folder): void => {
    const next = chunks.next();
    if (next.done) return;
    folder.worker.postMessage(next.value);
    folder.inFlight += 1;
  };
  /** Waits for the next answers, of any thread. */
  const answers = (): Array<{ folder: Folder; answer: FoldAnswer }> => {
    for (;;) {
      const seen = Atomics.load(ticks, 0);
      const received: Array<{ folder: Folder; answer: FoldAnswer }> = [];
      for (const folder of folders) {
        const answer = receiveMessageOnPort(folder.port)?.message as FoldAnswer | undefined;
        if (!answer) continue;
        folder.inFlight -= 1;
        if (answer.error !== undefined) throw new Error(`a folding thread failed: ${answer.error}`);
        received.push({ folder, answer });
      }
      if (received.length > 0) return received;
      if (Atomics.wait(ticks, 0, seen, SILENCE_LIMIT_MS) === 'timed-out') {
        throw new Error(`no folding thread answered in ${SILENCE_LIMIT_MS / 1000} s`);
      }
    }
  };
  let stopped = false;
  try {
    for (let i = 0; i < threads; i++) folders.push(startFolder(file, head, signal, sealing));
    for (const folder of folders) for (let i = 0; i < CHUNKS_IN_FLIGHT; i++) send(folder);
    while (folders.some((f) => f.inFlight > 0)) {
      for (const { folder, answer } of answers()) {
        send(folder); // before inserting: the thread folds the next chunk meanwhile
        if (answer.rows) onRows(answer.rows, answer.events);
      }
    }
    // Each thread answers the stop with its member deltas.
    stopped = true;
    for (const folder of folders) {
      folder.worker.postMessage(null);
      folder.inFlight += 1;
    }
    const tally: MemberDelta[] = [];
    while (folders.some((f) => f.inFlight > 0)) {
      for (const { answer } of answers()) for (const d of answer.tally ?? []) tally.push(d);
    }
    return tally;
  } finally {
    for (const folder of folders) {
      folder.port.close();
      // A thread that answered its stop ends by itself; any other is stopped where it stands.
      if (!stopped || folder.inFlight > 0) void folder.worker.terminate();
    }
  }
}
