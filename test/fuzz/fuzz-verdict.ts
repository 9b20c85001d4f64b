import type { FuzzAnswer } from './fuzz-target';
import { describeRequest, type FuzzRequest } from './request-cases';

export type FailureReason = '5xx' | 'not-problem' | 'refused-write-changed-head' | 'no-answer';

export interface Failure {
  reason: FailureReason;
  route: string;
  kind: string;
  status: number;
  request: FuzzRequest;
  detail: string;
}

/** Why an error answer is not RFC 9457 problem details with the registry's fields; undefined when it is. */
export function notProblemDetails(answer: FuzzAnswer): string | undefined {
  if (answer.status < 400) return undefined;
  if (!answer.contentType.startsWith('application/problem+json'))
    return `content-type ${JSON.stringify(answer.contentType)}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return 'a body that is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'a body that is not an object';
  const fields = body as Record<string, unknown>;
  const missing = ['type', 'title', 'code'].filter((name) => typeof fields[name] !== 'string' || fields[name] === '');
  if (missing.length > 0) return `no ${missing.join(', ')}`;
  if (fields['status'] !== answer.status)
    return `status ${JSON.stringify(fields['status'])} in a ${answer.status} answer`;
  return undefined;
}

/** Refusals that come before the registry's rules: the request's shape, its key, its revision. */
const BEFORE_THE_DOMAIN = /^(request|route|auth|idempotency|concurrency|http)\./;

function reachedDomain({ status, code }: { status: number; code?: string }): boolean {
  if (status >= 200 && status < 300) return true;
  return [404, 409, 422].includes(status) && code !== undefined && !BEFORE_THE_DOMAIN.test(code);
}

const statusClass = (status: number) => (status === 0 ? 'none' : `${Math.floor(status / 100)}xx`);

/** What the run sent and what came back, by route and status class, and every failure with its request. */
export class FuzzTally {
  sent = 0;
  readonly byRoute = new Map<string, Map<string, number>>();
  readonly byKind = new Map<string, number>();
  /** Per route, the answers from past the request's validation: accepted, or refused by a rule of the registry. */
  readonly domainAnswers = new Map<string, number>();
  /** Milliseconds spent per route, to see where a slow run went. */
  readonly msByRoute = new Map<string, number>();
  readonly msByKind = new Map<string, number>();
  readonly failures: Failure[] = [];

  record(route: string, kind: string, answer: { status: number; code?: string }, ms: number): void {
    const { status } = answer;
    this.sent += 1;
    if (reachedDomain(answer)) this.domainAnswers.set(route, (this.domainAnswers.get(route) ?? 0) + 1);
    this.msByRoute.set(route, (this.msByRoute.get(route) ?? 0) + ms);
    this.msByKind.set(kind, (this.msByKind.get(kind) ?? 0) + ms);
    const classes = this.byRoute.get(route) ?? new Map<string, number>();
    classes.set(statusClass(status), (classes.get(statusClass(status)) ?? 0) + 1);
    this.byRoute.set(route, classes);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }

  fail(failure: Failure): void {
    this.failures.push(failure);
  }

  count(reason: FailureReason): number {
    return this.failures.filter((f) => f.reason === reason).length;
  }

  /** Answers of a status class on a route. */
  answered(route: string, cls: string): number {
    return this.byRoute.get(route)?.get(cls) ?? 0;
  }

  summary(seed: number, seconds: number): string {
    const lines = [
      `fuzz: ${this.sent} requests in ${seconds.toFixed(1)} s (FUZZ_SEED=${seed}), ` +
        `5xx ${this.count('5xx')}, not problem details ${this.count('not-problem')}, ` +
        `refused writes that changed the head ${this.count('refused-write-changed-head')}, ` +
        `unanswered ${this.count('no-answer')}`,
      'by route (status class: count):',
      ...[...this.byRoute.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([route, classes]) => {
          const counts = [...classes.entries()].sort().map(([cls, n]) => `${cls} ${n}`);
          const ms = Math.round(this.msByRoute.get(route) ?? 0);
          return `  ${route.padEnd(48)} ${counts.join(', ')} (${ms} ms)`;
        }),
      'by kind of input:',
      `  ${[...this.byKind.entries()]
        .sort()
        .map(([kind, n]) => `${kind} ${n} (${Math.round(this.msByKind.get(kind) ?? 0)} ms)`)
        .join(', ')}`,
    ];
    return lines.join('\n');
  }

  /** The failures, at most a few per route, reason and kind, each with the request that sends it again. */
  report(max = 40): string {
    const seen = new Map<string, number>();
    const shown: string[] = [];
    for (const f of this.failures) {
      const group = `${f.reason} ${f.route} ${f.kind}`;
      const n = (seen.get(group) ?? 0) + 1;
      seen.set(group, n);
      if (n <= 2 && shown.length < max)
        shown.push(`${group} -> ${f.status} (${f.detail})\n    ${describeRequest(f.request)}`);
    }
    const groups = [...seen.entries()].map(([group, n]) => `  ${n} x ${group}`);
    return [`${this.failures.length} failures in ${seen.size} groups:`, ...groups, 'examples:', ...shown].join('\n');
  }
}
