import { Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStore, SqliteEventStore, SqliteLogTreeReader } from '@baytaq/event-store';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { ProblemError } from '../http/problem';
import { checkLogTreeAtStart } from './start-check';

export const LOG_TREE = Symbol('LOG_TREE');

/** The log's RFC 6962 Merkle tree as committed: leaf n is the event at position n + 1. */
export interface LogTreeReader {
  /** Leaves hashed and committed. */
  size(): number;
  /** Root hash of the tree of the first `size` leaves (size >= 0; the empty tree's root is SHA-256 of ""). */
  root(size: number): Buffer;
  /** RFC 6962 §2.1.1 audit path of leaf `index` in the tree of `size` leaves. */
  inclusionProof(index: number, size: number): Buffer[];
  /** RFC 6962 §2.1.2 proof that the tree of `from` leaves is a prefix of the tree of `to`. */
  consistencyProof(from: number, to: number): Buffer[];
  /** Leaf index of an event id, undefined when not in the log. */
  leafIndexOf(eventId: string): number | undefined;
}

/**
 * The embedded store's tree, read through the main thread's read-only connection, checked against
 * the stored rows before the service starts (a difference refuses the start).
 */
async function openLogTree(store: EventStore, config: RegistryConfig): Promise<LogTreeReader> {
  if (!(store instanceof SqliteEventStore)) {
    // Issue 14 wants a follower of $all keeping the tree in a local file: not written yet, and a
    // checkpoint of a tree nobody keeps would be a lie, so the service does not start.
    throw new Error('REGISTRY_STORE=kurrentdb: the log tree (issue 14) is kept for the embedded store only so far');
  }
  // REGISTRY_LOG_TREE=off (bench:integrity's baseline): the writer keeps no tree, so there is none to check or read.
  if (!config.logTree) return new NoLogTree();
  const started = Date.now();
  try {
    checkLogTreeAtStart(store.db, config.dataDir, config.logKey);
  } catch (error) {
    // The service will not start: the store (its writer thread and lock) is let go at once.
    await store.close();
    throw error;
  }
  const tree = new SqliteLogTreeReader(store.db);
  new Logger('log-tree').log(`log tree of ${tree.size()} leaves checked against the log in ${Date.now() - started} ms`);
  return tree;
}

/**
 * REGISTRY_LOG_TREE=off: no tree is kept, so nothing about one is answered (a checkpoint of an
 * empty tree over a log that has events would be false): every use is a 503 naming the setting.
 */
export class NoLogTree implements LogTreeReader {
  size(): number {
    return off();
  }

  root(): Buffer {
    return off();
  }

  inclusionProof(): Buffer[] {
    return off();
  }

  consistencyProof(): Buffer[] {
    return off();
  }

  leafIndexOf(): number | undefined {
    return off();
  }
}

function off(): never {
  throw ProblemError.of(503, 'log.tree_off', 'This service keeps no log tree (REGISTRY_LOG_TREE=off)');
}

export const logTreeProvider = {
  provide: LOG_TREE,
  inject: [EVENT_STORE, REGISTRY_CONFIG],
  useFactory: openLogTree,
};
