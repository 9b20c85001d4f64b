import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { join } from 'node:path';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { LOG_TREE, type LogTreeReader, NoLogTree } from '../integrity/log-tree.provider';
import { type CheckpointReason, CheckpointStore, CHECKPOINTS_FILE, type KeptCheckpoint } from './checkpoint-store';
import { checkpointText } from './checkpoint-text';
import { loadLogSigner } from './log-signing-key';
import { LOG_RECORDS } from './log-records.token';
import { type StoredLogRecords } from './stored-log-records';
import { formatVerifierKey, type NoteSigner, type NoteVerifier, signNote } from './signed-note';

/** While writes arrive, a checkpoint is kept at least this often. */
export const KEEP_EVERY_MS = 1_000;

/**
 * The log's signed checkpoints: any tree size signed on demand (Ed25519 is deterministic, so a
 * size always has the same note), and kept in their own file every second while the log grows,
 * whenever one is published as the latest, for every issued filing, and at shutdown.
 */
@Injectable()
export class LogCheckpoints implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('log');
  private readonly signer: NoteSigner;
  private readonly kept: CheckpointStore;
  private lastKept: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    @Inject(LOG_TREE) private readonly tree: LogTreeReader,
    @Inject(LOG_RECORDS) private readonly records: StoredLogRecords,
  ) {
    this.signer = loadLogSigner(config.dataDir, config.logKey);
    this.kept = CheckpointStore.open(join(config.dataDir, CHECKPOINTS_FILE));
    this.lastKept = this.kept.latest()?.size ?? -1;
  }

  onModuleInit(): void {
    if (this.tree instanceof NoLogTree) return; // REGISTRY_LOG_TREE=off: no tree, so no checkpoint to keep
    this.timer = setInterval(() => this.keepGrowth(), KEEP_EVERY_MS).unref();
    this.logger.log(`log checkpoints signed by ${this.verifierKey()}`);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    if (!(this.tree instanceof NoLogTree)) this.keepGrowth('shutdown');
    this.kept.close();
  }

  get origin(): string {
    return this.signer.name;
  }

  get verifier(): NoteVerifier {
    return this.signer;
  }

  /** The verifier key in C2SP note format, what GET /v1/log/key serves. */
  verifierKey(): string {
    return formatVerifierKey(this.signer);
  }

  size(): number {
    return this.tree.size();
  }

  /** The checkpoint of the first `size` leaves (size within the tree). */
  checkpoint(size: number): KeptCheckpoint {
    const root = this.tree.root(size);
    const note = signNote(checkpointText(this.signer.name, { size, root }), this.signer);
    return { size, root, note, keptAt: new Date().toISOString(), reason: 'published' };
  }

  /** The checkpoint of the whole tree now, kept before it is handed out. */
  latest(): KeptCheckpoint {
    return this.keep(this.tree.size(), 'published');
  }

  /** Resolves when the tree holds everything the store holds now (KurrentDB: its follower has caught up). */
  settled(): Promise<void> {
    return this.tree.settled();
  }

  /**
   * The checkpoint of the log as known at a moment (the events recorded by then), kept when it is
   * a filing's: what a read as known at that moment rests on.
   */
  asKnownAt(knownAt: string, keep: boolean): KeptCheckpoint {
    const size = this.records.sizeAt(knownAt, this.tree.size());
    return keep ? this.keep(size, 'filing') : this.checkpoint(size);
  }

  /** Keeps the checkpoint of `size` leaves (once per size) and answers it. */
  keep(size: number, reason: CheckpointReason): KeptCheckpoint {
    const known = this.kept.ofSize(size);
    if (known) return known;
    const checkpoint = { ...this.checkpoint(size), reason };
    this.kept.keep(checkpoint);
    this.lastKept = Math.max(this.lastKept, size);
    return checkpoint;
  }

  /**
   * Runs on a timer and at shutdown, where a throw would end the process or the shutdown: a store
   * that cannot be read now (closed, or failing) leaves the growth to the next checkpoint kept.
   */
  private keepGrowth(reason: CheckpointReason = 'interval'): void {
    try {
      const size = this.tree.size();
      if (size > this.lastKept) this.keep(size, reason);
    } catch (error) {
      this.logger.warn(`no ${reason} checkpoint kept: ${(error as Error).message}`);
    }
  }
}
