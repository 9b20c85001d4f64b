import type { GenerateSummary } from './generate-party';

const count = (n: number): string => n.toLocaleString('en-US');

/** The final line: what the party holds and what it cost. */
export function formatSummary(summary: GenerateSummary, seconds: number): string {
  const s = summary;
  return [
    `generated: ${count(s.organisations)} organisations (party, ${s.regionalBranches} regional branches, ` +
      `${s.cityAndDistrictBranches} city and district branches, ${s.bodies} bodies)`,
    `${count(s.posts)} posts`,
    `${count(s.tenures)} tenures`,
    `${count(s.people)} people (${count(s.officers)} of them officers at some time)`,
    `${count(s.membersOnLastDay)} members on ${s.lastDay}`,
    `${count(s.events)} events`,
    `${seconds.toFixed(1)} s (${count(Math.round(s.events / Math.max(seconds, 0.001)))} events/s)`,
  ].join(', ');
}

/** A progress line rewritten in place, at most a few times a second; silent when stderr is no terminal. */
export class ProgressLine {
  private lastShown = 0;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly total: number,
    private readonly startedAt: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  show(progress: { people: number; events: number }): void {
    if (!this.out.isTTY) return;
    const now = this.now();
    if (now - this.lastShown < 250 && progress.people < this.total) return;
    this.lastShown = now;
    const seconds = (now - this.startedAt) / 1000;
    const rate = Math.round(progress.events / Math.max(seconds, 0.001));
    this.out.write(
      `\r  people ${count(progress.people)}/${count(this.total)} · events ${count(progress.events)} · ` +
        `${count(rate)} events/s · ${seconds.toFixed(0)} s `,
    );
  }

  end(): void {
    if (this.out.isTTY && this.lastShown > 0) this.out.write('\n');
  }
}
