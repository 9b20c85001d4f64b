import { fuzzRoutes, fuzzSettings } from './fuzz-run';
import { FuzzTarget } from './fuzz-target';
import { notProblemDetails, type FuzzTally } from './fuzz-verdict';
import { routesOf, type Route } from './openapi-routes';

const settings = fuzzSettings();

describe('fuzz: generated requests over every route of the OpenAPI document', () => {
  let target: FuzzTarget;
  let routes: Route[];
  let tally: FuzzTally;
  let seconds: number;
  beforeAll(
    async () => {
      target = await FuzzTarget.start();
      routes = routesOf(await target.document());
      const started = Date.now();
      tally = await fuzzRoutes(target, routes, settings);
      seconds = (Date.now() - started) / 1000;
      console.log(`${tally.summary(settings.seed, seconds)}\n${tally.failures.length > 0 ? tally.report() : ''}`);
    },
    (settings.seconds + 60) * 1000,
  );
  afterAll(() => target?.close());

  it(`sends ${settings.requests} requests within ${settings.seconds} s, over every route and verb of the document`, () => {
    expect({ sent: tally.sent, withinTime: seconds <= settings.seconds + 5 }).toEqual({
      sent: settings.requests,
      withinTime: true,
    });
    expect(routes.length).toBeGreaterThan(40);
    const unvisited = routes.filter((route) => !tally.byRoute.has(route.key)).map((route) => route.key);
    expect(unvisited).toEqual([]);
    expect(new Set(routes.map((route) => route.method))).toEqual(new Set(['GET', 'POST', 'DELETE']));
  });

  it('reaches the domain on every route: some requests pass validation and are accepted or refused by a rule', () => {
    const neverReached = routes.filter((route) => !tally.domainAnswers.has(route.key)).map((route) => route.key);
    expect(neverReached).toEqual([]);
    const writes = routes.filter((route) => route.method !== 'GET');
    const accepted = writes.reduce((sum, route) => sum + tally.answered(route.key, '2xx'), 0);
    expect(accepted).toBeGreaterThan(settings.requests / 100);
  });

  it('answers no request with a 5xx', () => {
    expect(tally.failures.filter((f) => f.reason === '5xx' || f.reason === 'no-answer').map(short)).toEqual([]);
  });

  it('answers every error with problem details (type, title, status, code)', () => {
    expect(tally.failures.filter((f) => f.reason === 'not-problem').map(short)).toEqual([]);
  });

  it('appends nothing for a refused write', () => {
    expect(tally.failures.filter((f) => f.reason === 'refused-write-changed-head').map(short)).toEqual([]);
  });

  // Kept out of the generated run: while a position beyond the head is waited for, each such request takes 5 s.
  it.each(['/v1/organisations', '/v1/statistics/membership'])(
    'answers %s with a minPosition beyond the log head without a 5xx',
    async (path) => {
      const head = BigInt((await target.headPosition()) ?? '0');
      const url = `${path}?minPosition=${head + 1_000_000n}`;
      const answer = await target.send({ method: 'GET', url, headers: {}, overSocket: false });
      const verdict = {
        url,
        status: answer.status,
        serverError: answer.status >= 500,
        notProblem: notProblemDetails(answer),
      };
      expect(verdict).toEqual({ url, status: answer.status, serverError: false, notProblem: undefined });
    },
    15_000,
  );
});

/** A failure as an assertion lists it; the full requests are in the printed report. */
const short = (f: FuzzTally['failures'][number]) => `${f.route} ${f.kind} -> ${f.status}: ${f.detail.slice(0, 160)}`;
