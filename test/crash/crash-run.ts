import { acknowledgedProblem, outsideOnceQuiet, replayProblem, retrySwallowed } from './crash-checks';
import { describeOutcome, isSuccess, pool, type Outcome, type RegistryHttp, type WriteAnswer } from './crash-http';
import { CrashTally } from './crash-tally';
import { LogIndex } from './log-index';
import type { PlannedWrite, WriteMix } from './write-mix';

interface Sent {
  write: PlannedWrite;
  outcome: Outcome;
}
type Acknowledged = { write: PlannedWrite; outcome: Extract<Outcome, { kind: 'answer' }> };

export interface LoadPlan {
  clients: number;
  /** The dispatch at which the service is killed; no write is sent after it. */
  killAt: number;
  /** The dispatches that terminate an officer's membership. */
  terminations: ReadonlySet<number>;
}

const READ_CONCURRENCY = 16;
/** The acknowledged writes of a cycle sent again after the restart: the last ones, nearest the kill. */
const REPLAYS_PER_CYCLE = 32;
/** "Quiet": the log's head has stood still this long; checked after every restart, and longer at the end. */
const QUIET = { stillMs: 2_000, maxMs: 10_000 };

/** The writes of the run, the service they go to, and the checks after each restart. */
export class CrashRun {
  readonly tally = new CrashTally();
  private readonly acknowledged: Acknowledged[] = [];
  private log = new LogIndex();

  constructor(
    public http: RegistryHttp,
    private readonly mix: WriteMix,
    private readonly officers: readonly string[],
  ) {}

  /** `plan.clients` clients write until the kill; in-flight writes end as the crash leaves them. */
  async writeUntilKilled(plan: LoadPlan, kill: () => void): Promise<Sent[]> {
    const sent: Sent[] = [];
    let dispatched = 0;
    const client = async () => {
      while (dispatched <= plan.killAt) {
        const index = dispatched++;
        const write = this.mix.next(plan.terminations.has(index));
        const answered = this.http.send('POST', write.path, write.body, { 'idempotency-key': write.key });
        if (index === plan.killAt) kill();
        const outcome = await answered;
        if (isSuccess(outcome)) this.mix.confirm(write, outcome.body as unknown as WriteAnswer);
        sent.push({ write, outcome });
      }
    };
    await Promise.all(Array.from({ length: plan.clients }, client));
    this.tally.cycles++;
    this.tally.sent += sent.length;
    return sent;
  }

  /** (a), (b) and (c) on the service started again after the kill. */
  async checkAfterRestart(sent: readonly Sent[]): Promise<void> {
    await this.log.readOn(this.http);
    const answered = sent.filter((s): s is Acknowledged => s.outcome.kind === 'answer');
    const ok = answered.filter((s) => isSuccess(s.outcome));
    for (const s of answered)
      CrashTally.count(this.tally.firstAnswers, `${s.write.kind} ${describeOutcome(s.outcome)}`);
    this.tally.acknowledged += ok.length;
    await this.verifyAcknowledged(ok);
    for (const s of ok.slice(-REPLAYS_PER_CYCLE)) {
      this.tally.replaysChecked++;
      const problem = await replayProblem(this.http, s.write, s.outcome);
      if (problem) this.tally.replayFailures.push(problem);
    }
    const retried = await this.retrySwallowed(sent.filter((s) => s.outcome.kind === 'swallowed'));
    await this.log.readOn(this.http);
    await this.verifyAcknowledged(retried);
    // The officers whose membership this cycle ended; every officer at the end.
    const ended = sent.filter((s) => s.write.kind === 'termination').map((s) => s.write.personId!);
    const outside = await outsideOnceQuiet(this.http, ended, QUIET);
    this.tally.mostInconsistent = Math.max(this.tally.mostInconsistent, outside.length);
  }

  /** Every acknowledged write of the run against the whole log read again; (c) for every officer. */
  async finalCheck(): Promise<void> {
    this.log = await LogIndex.fresh(this.http);
    for (const { write, outcome } of this.acknowledged) {
      const missing = (outcome.body as unknown as WriteAnswer).eventIds.filter((id) => !this.log.has(id));
      if (missing.length > 0)
        this.tally.lost.push(`${write.kind} #${write.seq}: ${missing.length} events gone at the end`);
    }
    this.tally.inconsistent = await outsideOnceQuiet(this.http, this.officers, QUIET);
    this.tally.officersChecked = this.officers.length;
  }

  private async verifyAcknowledged(writes: readonly Acknowledged[]): Promise<void> {
    this.acknowledged.push(...writes);
    await pool(writes.length, READ_CONCURRENCY, async (i) => {
      const { write, outcome } = writes[i]!;
      const problem = await acknowledgedProblem(this.http, this.log, write, outcome.body as unknown as WriteAnswer);
      if (problem) this.tally.lost.push(problem);
    });
  }

  /** One at a time, in the order they were sent, with the service otherwise quiet. */
  private async retrySwallowed(swallowed: readonly Sent[]): Promise<Acknowledged[]> {
    const succeeded: Acknowledged[] = [];
    this.tally.swallowed += swallowed.length;
    for (const { write } of [...swallowed].sort((a, b) => a.write.seq - b.write.seq)) {
      const result = await retrySwallowed(this.http, this.log, write);
      CrashTally.count(this.tally.retryAnswers, `${write.kind} ${describeOutcome(result.outcome)}`);
      if (result.problem) this.tally.retryFailures.push(result.problem);
      else if (result.committedBefore) this.tally.committedBefore++;
      else this.tally.notCommitted++;
      if (isSuccess(result.outcome)) {
        this.mix.confirm(write, result.outcome.body as unknown as WriteAnswer);
        succeeded.push({ write, outcome: result.outcome });
      }
    }
    return succeeded;
  }
}
