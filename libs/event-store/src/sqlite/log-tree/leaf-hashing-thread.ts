import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Hash } from '@baytaq/integrity';

/** Pages a hashing thread may run ahead of its reader: bounds the memory the leaves wait in. */
const AHEAD = 8;
/** Counters in the shared memory: pages posted (-1: the thread failed), pages taken. */
const POSTED = 0;
const TAKEN = 1;

/**
 * What the thread runs: it reads each page of `U+0000 + canonical record` texts (the SQL given)
 * through its own read-only connection, hashes them, and posts the page's positions and leaves.
 */
const HASHER = `
  const { workerData } = require('node:worker_threads');
  const { hash } = require('node:crypto');
  const { file, sql, from, to, page, port, shared, sqlite } = workerData;
  const counters = new Int32Array(shared);
  try {
    const db = new (require(sqlite))(file, { readonly: true, fileMustExist: true });
    const inputs = db.prepare(sql).raw(true);
    let posted = 0;
    for (let first = from; first <= to; first += page) {
      while (posted - Atomics.load(counters, ${TAKEN}) >= ${AHEAD}) Atomics.wait(counters, ${TAKEN}, Atomics.load(counters, ${TAKEN}), 100);
      const rows = inputs.all(first, first + page - 1);
      const positions = new Float64Array(rows.length);
      const leaves = Buffer.allocUnsafeSlow(32 * rows.length);
      for (let i = 0; i < rows.length; i++) {
        positions[i] = rows[i][0];
        hash('sha256', rows[i][1], 'buffer').copy(leaves, 32 * i);
      }
      port.postMessage({ first, positions, leaves }, [positions.buffer, leaves.buffer]);
      Atomics.store(counters, ${POSTED}, ++posted);
      Atomics.notify(counters, ${POSTED});
    }
    db.close();
  } catch (error) {
    port.postMessage({ error: String(error && error.stack || error) });
    Atomics.store(counters, ${POSTED}, -1);
    Atomics.notify(counters, ${POSTED});
  }`;

/**
 * The fast leaves of a stored log hashed on a second thread, page by page ahead of the audit that
 * takes them in order, synchronously (the audit stays one synchronous pass). Leaves are those of
 * the stored texts as they are: the taker compares each with the stored leaf and hashes a
 * difference again the long way. One thread: on two cores a second one was slower (it contends
 * with the comparing thread): 151,000-168,000 events/s against 186,000-199,000 on 200,000 events.
 */
export class LeafHashingThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counters: Int32Array;
  private taken = 0;

  constructor(file: string, sql: string, from: number, to: number, page: number) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const shared = new SharedArrayBuffer(8);
    this.counters = new Int32Array(shared);
    this.worker = new Worker(HASHER, {
      eval: true,
      // Plain JavaScript: none of the parent's loaders (`-r @swc-node/register` under the tests and benches).
      execArgv: [],
      workerData: { file, sql, from, to, page, port: port2, shared, sqlite: require.resolve('better-sqlite3') },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /** The next page, waited for: [position, leaf] of its rows in order (its `first` position must be the one asked). */
  next(first: number): Array<[number, Hash]> {
    while (Atomics.load(this.counters, POSTED) === this.taken) {
      Atomics.wait(this.counters, POSTED, this.taken, 1_000);
    }
    const received = receiveMessageOnPort(this.port) as
      { message: { first: number; positions: Float64Array; leaves: Uint8Array } | { error: string } } | undefined;
    if (!received) throw new Error('the leaf-hashing thread stopped without a page');
    const message = received.message;
    if ('error' in message) throw new Error(`the leaf-hashing thread failed: ${message.error}`);
    if (message.first !== first) throw new Error(`the leaf-hashing thread sent page ${message.first}, not ${first}`);
    Atomics.store(this.counters, TAKEN, ++this.taken);
    Atomics.notify(this.counters, TAKEN);
    const leaves = Buffer.from(message.leaves.buffer, message.leaves.byteOffset, message.leaves.byteLength);
    return Array.from(message.positions, (position, i) => [position, leaves.subarray(32 * i, 32 * i + 32)]);
  }

  close(): void {
    void this.worker.terminate();
  }
}
