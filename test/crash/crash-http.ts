/** What a write got: an answer, or nothing because the connection broke (the crash swallowed it). */
export type Outcome =
  | { kind: 'answer'; status: number; body: Record<string, unknown>; replayed: boolean }
  | { kind: 'swallowed'; error: string };

/** A write's success answer: `{ id, revision, position, eventIds }`. */
export interface WriteAnswer {
  id: string;
  revision: number;
  position: string;
  eventIds: string[];
}

/** A hung service must not hang the suite: such a request counts as swallowed. */
const REQUEST_TIMEOUT_MS = 20_000;
/** A read with minPosition waits up to 5 s and then answers 503: asked again a few times. */
const READ_ATTEMPTS = 4;

export function isSuccess(outcome: Outcome): outcome is Extract<Outcome, { kind: 'answer' }> {
  return outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300;
}

/** "201", "409 person.already_registered", "no answer": how answers are counted. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'swallowed') return 'no answer';
  const code = outcome.body['code'];
  return typeof code === 'string' ? `${outcome.status} ${code}` : String(outcome.status);
}

/** The service over real HTTP on loopback, with one API key. */
export class RegistryHttp {
  constructor(
    readonly url: string,
    private readonly key: string,
  ) {}

  async send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Outcome> {
    let status: number;
    let text: string;
    let replayed: boolean;
    try {
      const res = await fetch(this.url + path, {
        method,
        headers: {
          authorization: `Bearer ${this.key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = res.status;
      replayed = res.headers.get('idempotent-replayed') === 'true';
      text = await res.text();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { kind: 'swallowed', error: cause?.code ?? (error instanceof Error ? error.message : String(error)) };
    }
    return { kind: 'answer', status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, replayed };
  }

  /** A read that must answer 200 (a 503 for a position not reached yet is asked again); else it throws. */
  async read<T = Record<string, unknown>>(path: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.send('GET', path);
      if (outcome.kind === 'answer' && outcome.status === 200) return outcome.body as T;
      if (outcome.kind === 'answer' && outcome.status === 503 && attempt < READ_ATTEMPTS) continue;
      throw new Error(`GET ${path}: ${describeOutcome(outcome)} ${JSON.stringify(outcome)}`);
    }
  }

  /** The log's head position, from /health. */
  async head(): Promise<string | undefined> {
    const health = await this.read<{ checks: { readModels: { head?: string } } }>('/health');
    return health.checks.readModels.head;
  }
}

/** Runs `task(i)` for i in [0, count) with `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
