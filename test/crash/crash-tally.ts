/** The figures of a run, and every failure found, for the report at the end. */
export class CrashTally {
  cycles = 0;
  sent = 0;
  acknowledged = 0;
  swallowed = 0;
  committedBefore = 0;
  notCommitted = 0;
  replaysChecked = 0;
  officersChecked = 0;
  readonly firstAnswers = new Map<string, number>();
  readonly retryAnswers = new Map<string, number>();
  /** (a) acknowledged writes missing from the log or not reading back. */
  readonly lost: string[] = [];
  /** (b) retries of swallowed writes that did not get the write's answer. */
  readonly retryFailures: string[] = [];
  /** Acknowledged writes sent again whose answer changed. */
  readonly replayFailures: string[] = [];
  /** (c) officers left with a tenure outside their membership, after the last check. */
  inconsistent: string[] = [];
  /** The most officers one cycle left inconsistent, checked after its restart. */
  mostInconsistent = 0;

  static count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  get retried(): number {
    return this.committedBefore + this.notCommitted + this.retryFailures.length;
  }

  /** The running figures, after a cycle's checks. */
  cycleLine(cycle: number, killAt: number): string {
    return (
      `cycle ${cycle + 1}: killed at write ${killAt + 1}; so far sent ${this.sent}, acknowledged ${this.acknowledged}, ` +
      `lost ${this.lost.length}, unacknowledged ${this.swallowed}, retries failed ${this.retryFailures.length}, ` +
      `officers inconsistent after a restart at most ${this.mostInconsistent}`
    );
  }

  report(seed: number): string {
    const counts = (map: Map<string, number>) =>
      [...map]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([answer, n]) => `${answer} x${n}`)
        .join(', ') || 'none';
    const sample = (list: readonly string[]) =>
      list
        .slice(0, 5)
        .map((line) => `\n    ${line}`)
        .join('');
    return [
      `crash suite (CRASH_SEED=${seed})`,
      `  cycles ${this.cycles}, writes sent ${this.sent}, acknowledged ${this.acknowledged}, lost ${this.lost.length}${sample(this.lost)}`,
      `  first answers: ${counts(this.firstAnswers)}`,
      `  unacknowledged ${this.swallowed}, retried ${this.retried}: committed before the crash ${this.committedBefore}, ` +
        `not committed ${this.notCommitted}, failed ${this.retryFailures.length}${sample(this.retryFailures)}`,
      `  retry answers: ${counts(this.retryAnswers)}`,
      `  acknowledged writes sent again ${this.replaysChecked}, answered differently ${this.replayFailures.length}${sample(this.replayFailures)}`,
      `  officers checked ${this.officersChecked}, inconsistent ${this.inconsistent.length} at the end ` +
        `(at most ${this.mostInconsistent} of one cycle after its restart)${sample(this.inconsistent)}`,
      '',
    ].join('\n');
  }
}
