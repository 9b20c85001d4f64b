/**
 * The store's transaction-time clock. Recorded-at never goes backwards, even when the wall
 * clock does, so that "as known at T" cuts the log at one point of its commit order.
 */
export class MonotonicClock {
  private last = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  nowIso(): string {
    const t = Math.max(this.now().getTime(), this.last);
    this.last = t;
    return new Date(t).toISOString();
  }

  /** Continues after a reopened log's last recorded-at. */
  advanceTo(iso: string): void {
    this.last = Math.max(this.last, Date.parse(iso));
  }
}
