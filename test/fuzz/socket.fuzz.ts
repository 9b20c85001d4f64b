import fc from 'fast-check';
import { fuzzSettings } from './fuzz-run';
import { FuzzTarget } from './fuzz-target';
import { notProblemDetails } from './fuzz-verdict';
import { excerpt } from './json-body';
import { rawExchange, type RawAnswer } from './raw-http';
import { FIXED_CASES, generatedCases, type SocketCase } from './socket-cases';

const settings = fuzzSettings();
/** Socket cases are slower than injected ones and few kinds: a few hundred cover them. */
const GENERATED = Math.max(50, Math.round(settings.requests / 40));

interface Outcome {
  fuzzCase: SocketCase;
  answer: RawAnswer;
  headMoved: boolean;
}

/** Why the outcome breaks the contract; undefined when it keeps it. */
function fault({ fuzzCase, answer, headMoved }: Outcome): string | undefined {
  if (answer.ending !== 'answered') return `no answer: the connection was ${answer.ending}`;
  if (answer.status >= 500) return `${answer.status}: ${answer.body.slice(0, 200)}`;
  const notProblem = notProblemDetails({
    status: answer.status,
    contentType: answer.headers['content-type'] ?? '',
    body: answer.body,
  });
  if (notProblem) return `${answer.status} not problem details (${notProblem}): ${answer.body.slice(0, 200)}`;
  if (fuzzCase.write && answer.status >= 300 && headMoved)
    return `refused with ${answer.status}, yet the log head moved`;
  return undefined;
}

const shown = (parts: SocketCase['parts']) =>
  excerpt(Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p)))).toString('latin1'), 240);

describe('fuzz: raw HTTP over a loopback socket', () => {
  let target: FuzzTarget;
  const outcomes: Outcome[] = [];
  beforeAll(async () => {
    target = await FuzzTarget.start();
    const cases = [...FIXED_CASES, ...fc.sample(generatedCases, { seed: settings.seed, numRuns: GENERATED })];
    for (const fuzzCase of cases) {
      const before = await target.headPosition();
      const answer = await rawExchange(target.port, fuzzCase.parts, fuzzCase.pauseMs);
      outcomes.push({ fuzzCase, answer, headMoved: (await target.headPosition()) !== before });
    }
    const byKind = new Map<string, string[]>();
    for (const o of outcomes)
      byKind.set(o.fuzzCase.kind, [...(byKind.get(o.fuzzCase.kind) ?? []), String(o.answer.status)]);
    const failures = outcomes.filter((o) => fault(o) !== undefined);
    console.log(
      [
        `fuzz (socket): ${outcomes.length} raw requests (FUZZ_SEED=${settings.seed}), ${failures.length} failures`,
        ...[...byKind].map(([kind, statuses]) => `  ${kind.padEnd(24)} ${summarise(statuses)}`),
        ...failures.slice(0, 30).map((o) => `  FAIL ${o.fuzzCase.kind}: ${fault(o)}\n    ${shown(o.fuzzCase.parts)}`),
      ].join('\n'),
    );
  }, 120_000);
  afterAll(() => target?.close());

  it('sends every kind of socket-level case', () => {
    const kinds = new Set(outcomes.map((o) => o.fuzzCase.kind));
    expect([...kinds].sort()).toEqual(
      [
        'bad-content-length',
        'bad-header-bytes',
        'bad-percent-encoding',
        'bad-request-line',
        'big-header',
        'body-too-large',
        'malformed-chunked',
        'unsupported-media-type',
        'uri-too-long',
      ].sort(),
    );
  });

  it.each([
    'bad-percent-encoding',
    'uri-too-long',
    'big-header',
    'malformed-chunked',
    'unsupported-media-type',
    'bad-content-length',
    'body-too-large',
    'bad-request-line',
    'bad-header-bytes',
  ])('answers every %s case, never 5xx, with problem details, appending nothing', (kind) => {
    const failing = outcomes
      .filter((o) => o.fuzzCase.kind === kind)
      .flatMap((o) => {
        const why = fault(o);
        return why ? [`${why} <- ${shown(o.fuzzCase.parts)}`] : [];
      });
    expect(failing).toEqual([]);
  });
});

function summarise(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s === '0' ? 'none' : s} ×${n}`).join(', ');
}
