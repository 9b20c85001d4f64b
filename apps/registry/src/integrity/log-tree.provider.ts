import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  canBeMirrored,
  EVENT_STORE,
  type EventStore,
  LOG_TREE_MIRROR_FILE,
  LogTreeFollower,
  LogTreeMirror,
  mirrorDifference,
  type MirroredStore,
  SqliteEventStore,
  SqliteLogTreeReader,
} from '@baytaq/event-store';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { ProblemError } from '../http/problem';
import { checkLogTreeAtStart, LogTreeMismatchError, START_CHECK_LEAVES } from './start-check';

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
  /** Resolves when the tree holds every event the store held when called (a tree kept by a follower lags). */
  settled(): Promise<void>;
  /** The file whose `events` rows are the leaves' records (the embedded store's, or the mirror's). */
  readonly records: Database.Database;
}

/**
 * The embedded store's tree, read through the main thread's read-only connection, checked against
 * the stored rows before the service starts (a difference refuses the start).
 */
async function openLogTree(store: EventStore, config: RegistryConfig): Promise<LogTreeReader> {
  // REGISTRY_LOG_TREE=off (bench:integrity's baseline): the writer keeps no tree, so there is none to check or read.
  if (!config.logTree) return new NoLogTree();
  if (store instanceof SqliteEventStore) return openEmbeddedTree(store, config);
  if (canBeMirrored(store)) return MirroredLogTree.open(store, config);
  throw new Error('this store offers no way to read its log as held, so no log tree can be kept of it');
}

/** The embedded store's tree, kept by its writer in the events' own transactions. */
async function openEmbeddedTree(store: SqliteEventStore, config: RegistryConfig): Promise<LogTreeReader> {
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
  return Object.assign(tree, { settled: () => Promise.resolve(), records: store.db });
}

/**
 * KurrentDB mode (issue 14 item 1): the tree of `$all` as held (people's fields sealed), kept by a
 * follower from its own checkpoint in a mirror file (LOG_TREE_MIRROR_FILE) in the data directory;
 * checkpoints are signed only for what it has hashed. At start the mirror is checked against its
 * own tree and its tail against the store (a difference refuses the start), then brought up to date.
 */
export class MirroredLogTree extends SqliteLogTreeReader implements LogTreeReader, OnModuleDestroy {
  private constructor(
    private readonly mirror: LogTreeMirror,
    private readonly follower: LogTreeFollower,
  ) {
    super(mirror.db);
  }

  static async open(store: EventStore & MirroredStore, config: RegistryConfig): Promise<MirroredLogTree> {
    const logger = new Logger('log-tree');
    const started = Date.now();
    const mirror = LogTreeMirror.open(join(config.dataDir, LOG_TREE_MIRROR_FILE));
    try {
      checkLogTreeAtStart(mirror.db, config.dataDir, config.logKey);
      const difference = await mirrorDifference(mirror.db, store, START_CHECK_LEAVES);
      if (difference) throw new LogTreeMismatchError(difference);
    } catch (error) {
      mirror.close();
      await store.close();
      throw error;
    }
    const follower = new LogTreeFollower(store, mirror, {
      onError: (error) => logger.warn(`the log tree's follower will try again: ${(error as Error).message}`),
    });
    const caughtUp = await follower.catchUp();
    follower.start();
    const tree = new MirroredLogTree(mirror, follower);
    logger.log(
      `log tree of ${tree.size()} leaves (${caughtUp} new) checked against the log in ${Date.now() - started} ms`,
    );
    return tree;
  }

  get records(): Database.Database {
    return this.mirror.db;
  }

  async settled(): Promise<void> {
    await this.follower.catchUp();
  }

  async onModuleDestroy(): Promise<void> {
    await this.follower.close();
    this.mirror.close();
  }
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

  settled(): Promise<void> {
    return Promise.resolve();
  }

  get records(): Database.Database {
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
