import { Logger } from '@nestjs/common';
import { readSince, type EventStore, type RecordedEvent, type Subscription } from '@baytaq/event-store';
import type { FollowingProcess } from '../commands/process-progress';
import type { ProcessCheckpoints } from './process-checkpoints';

/** What a process does with one event of the types it follows. */
export interface ProcessReaction {
  readonly name: string;
  readonly follows: readonly string[];
  /** The event types whose writes wait for this process to have handled them. */
  readonly awaited: readonly string[];
  /** Appends the event's consequences (idempotently: ids derived from the event); resolves with their positions. */
  react(event: RecordedEvent): Promise<string[]>;
}

/** How often at most a pass that appended nothing saves its checkpoint. */
const SAVE_EVERY_MS = 250;

/**
 * A named process that follows the store's log from a checkpoint of its own: one pass at a time
 * reads the events it follows since the checkpoint, up to the head the pass began at, and hands
 * each to its reaction. Writers that trigger it wait for a pass (`completeAfter`); a subscription
 * wakes it for writes nobody waits for; a restart resumes from the checkpoint it saved.
 */
export class LogProcess implements FollowingProcess {
  readonly name: string;
  readonly awaited: ReadonlySet<string>;
  private readonly logger: Logger;
  /** Every event up to here has been handled (the head when the last pass began). */
  private checkpoint: string | undefined;
  private lastOutput: string | undefined;
  private running: Promise<void> | undefined;
  private woken = false;
  private lastSaved = 0;
  private subscription: Subscription | undefined;
  private closed = false;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: ProcessCheckpoints,
    private readonly reaction: ProcessReaction,
  ) {
    this.name = reaction.name;
    this.awaited = new Set(reaction.awaited);
    this.logger = new Logger(`process ${reaction.name}`);
  }

  /**
   * Resumes from the saved checkpoint and catches up, then listens. Without a checkpoint the
   * process starts at the head: a store made before the process existed had its consequences
   * appended by the writes themselves.
   */
  async start(): Promise<void> {
    const saved = this.checkpoints.get(this.name);
    this.checkpoint = saved ?? (await this.store.headPosition());
    if (saved === undefined && this.checkpoint !== undefined) this.checkpoints.set(this.name, this.checkpoint);
    await this.run();
    const after = this.checkpoint;
    this.subscription = this.store.subscribeToAll(
      { ...(after ? { after } : {}), filter: { eventTypes: [...this.reaction.follows] } },
      {
        onEvent: () => this.wake(),
        onError: (error) => this.logger.error({ msg: 'log subscription failed', error: String(error) }),
      },
    );
  }

  async completeAfter(position: string): Promise<string> {
    try {
      while (
        !this.closed &&
        (this.checkpoint === undefined || this.store.comparePositions(this.checkpoint, position) < 0)
      ) {
        await this.run();
      }
    } catch (error) {
      // The write itself is stored; its consequences follow when the process next succeeds.
      this.logger.error({ msg: 'consequences not yet appended', position, error: String(error) });
      return position;
    }
    const output = this.lastOutput;
    return output !== undefined && this.store.comparePositions(output, position) > 0 ? output : position;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.subscription?.close();
    while (this.running) await this.running.catch(() => undefined);
    if (this.checkpoint !== undefined) this.checkpoints.set(this.name, this.checkpoint);
  }

  /** One pass at a time; a caller arriving meanwhile waits for it, then runs its own (it may need later events). */
  private async run(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.closed) return;
    this.running = this.pass().finally(() => (this.running = undefined));
    await this.running;
  }

  private async pass(): Promise<void> {
    let appended = false;
    const reached = await readSince(
      this.store,
      this.checkpoint,
      { eventTypes: [...this.reaction.follows] },
      async (event) => {
        const outputs = await this.reaction.react(event);
        for (const output of outputs) {
          if (this.lastOutput === undefined || this.store.comparePositions(output, this.lastOutput) > 0)
            this.lastOutput = output;
        }
        appended ||= outputs.length > 0;
        this.checkpoint = event.position;
      },
    );
    if (reached !== undefined) this.checkpoint = reached;
    if (this.checkpoint !== undefined && (appended || Date.now() - this.lastSaved >= SAVE_EVERY_MS)) {
      this.checkpoints.set(this.name, this.checkpoint);
      this.lastSaved = Date.now();
    }
  }

  private wake(): void {
    if (this.woken || this.closed) return;
    this.woken = true;
    setImmediate(() => {
      this.woken = false;
      this.run().catch((error: unknown) => this.logger.error({ msg: 'pass failed', error: String(error) }));
    });
  }
}
