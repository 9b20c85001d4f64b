import fc from 'fast-check';
import type { FuzzAnswer, FuzzTarget } from './fuzz-target';
import { FuzzTally, notProblemDetails } from './fuzz-verdict';
import type { Route } from './openapi-routes';
import { routeCases, type FuzzCase } from './request-cases';

export interface FuzzSettings {
  seed: number;
  requests: number;
  /** The run stops here whatever its count; a run cut short fails on the count. */
  seconds: number;
}

/** The settings of a run: fixed by default, so that a failure is seen again with the same numbers. */
export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const number = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${env[name]}`);
    return value;
  };
  return {
    seed: number('FUZZ_SEED', 20_251_111),
    requests: number('FUZZ_REQUESTS', 10_000),
    seconds: number('FUZZ_SECONDS', 240),
  };
}

function problemCode(answer: FuzzAnswer): string | undefined {
  if (answer.status < 400) return undefined;
  try {
    const code = (JSON.parse(answer.body) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Routes that render a document (a filing, its PDF, the metrics) take ten times longer than the rest. */
const RENDERING = /^\/v1\/filings|^\/metrics$/;

/** Each rendering route gets a third of the share of the others: still tens of requests a run, in a third of the time. */
const routeWeight = (route: Route) => (RENDERING.test(route.template) ? 1 : 3);

const isWrite = (route: Route) => route.method !== 'GET';

/** Sends one case and judges its answer: no 5xx, problem details on every error, a refused write appends nothing. */
async function runCase(target: FuzzTarget, tally: FuzzTally, fuzzCase: FuzzCase): Promise<void> {
  const { route, kind } = fuzzCase;
  const request = fuzzCase.build(target.pools);
  const before = isWrite(route) ? await target.headPosition() : undefined;
  const started = performance.now();
  let answer;
  try {
    answer = await target.send(request);
  } catch (error) {
    tally.record(route.key, kind, { status: 0 }, performance.now() - started);
    tally.fail({ reason: 'no-answer', route: route.key, kind, status: 0, request, detail: String(error) });
    return;
  }
  tally.record(route.key, kind, { status: answer.status, code: problemCode(answer) }, performance.now() - started);
  const failure = { route: route.key, kind, status: answer.status, request };
  if (answer.status >= 500) tally.fail({ ...failure, reason: '5xx', detail: answer.body.slice(0, 300) });
  const notProblem = notProblemDetails(answer);
  if (notProblem)
    tally.fail({ ...failure, reason: 'not-problem', detail: `${notProblem}: ${answer.body.slice(0, 200)}` });
  if (!isWrite(route)) return;
  if (answer.status >= 200 && answer.status < 300) return target.settle(route, answer);
  const after = await target.headPosition();
  if (after !== before) {
    tally.fail({ ...failure, reason: 'refused-write-changed-head', detail: `head ${before} -> ${after}` });
  }
}

/** Runs the generated cases over every route, one at a time, until the count or the time bound. */
export async function fuzzRoutes(target: FuzzTarget, routes: Route[], settings: FuzzSettings): Promise<FuzzTally> {
  const tally = new FuzzTally();
  const cases = fc.oneof(...routes.map((route) => ({ weight: routeWeight(route), arbitrary: routeCases(route) })));
  await fc.assert(
    fc.asyncProperty(cases, (fuzzCase) => runCase(target, tally, fuzzCase)),
    {
      seed: settings.seed,
      numRuns: settings.requests,
      interruptAfterTimeLimit: settings.seconds * 1000,
      markInterruptAsFailure: false,
      endOnFailure: true,
    },
  );
  return tally;
}
