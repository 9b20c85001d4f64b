import fc from 'fast-check';
import { IdRef } from './id-pools';
import type { Route } from './openapi-routes';
import { TEST_ADMIN_KEY } from '../support/test-app';

/** Request headers, with the kind of input when one of them is hostile; a position may be chosen late. */
export interface HeaderCase {
  kind: string;
  values: Record<string, string | IdRef>;
}

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

/** Keys reused across requests: a repeat with another body must be refused, one with the same body replayed. */
const SHARED_IDEMPOTENCY_KEYS = ['fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3'];

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** What a well-behaved client sends: the admin key, and on writes sometimes the optional headers. */
export function validHeaders(route: Route): fc.Arbitrary<HeaderCase> {
  const names = new Set(route.headers.map((h) => h.name.toLowerCase()));
  // Sent now and then only: a guessed If-Match or a reused key is refused before the domain is reached.
  const optional = (name: string, value: fc.Arbitrary<string | IdRef>, oneIn: number) =>
    names.has(name)
      ? fc.oneof(
          { weight: oneIn - 1, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: value.map((v) => ({ [name]: v })) },
        )
      : fc.constant({});
  const key = fc.oneof(
    { weight: 9, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...SHARED_IDEMPOTENCY_KEYS) },
  );
  return fc
    .tuple(
      optional('idempotency-key', key, 2),
      optional(
        'if-match',
        fc.integer({ min: 0, max: 8 }).map((n) => `"${n}"`),
        10,
      ),
      optional(
        'x-correlation-id',
        fc.nat().map((n) => `fuzz-${n.toString(36)}`),
        3,
      ),
      optional(
        'last-event-id',
        fraction.map((pick) => new IdRef({ real: 'position', pick })),
        3,
      ),
    )
    .map((parts) => ({ kind: 'valid', values: Object.assign({}, ADMIN, ...parts) }));
}

/** Visible Latin-1: what an HTTP header can carry at all. */
const headerText = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 40,
  }),
  fc.constantFrom('', ' ', '\t', 'x'.repeat(10_000), '"', '""', 'null', '-1', '1e308', '%00', 'ÿþ'),
);

const BAD_IF_MATCH = fc.oneof(
  fc.constantFrom('W/"1"', '*', '"-1"', '"1.5"', '"99999999999999999999"', '3', '"abc"', '"1", "2"', '"0x1"', '" 1"'),
  headerText,
);

const BAD_AUTHORIZATION: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constantFrom<Record<string, string>>(
    { authorization: `Bearer ${'A'.repeat(10_240)}` },
    { authorization: 'Bearer' },
    { authorization: 'Bearer ' },
    { authorization: 'Basic YWRtaW46YWRtaW4=' },
    { authorization: 'Bearer bq_wrong-key-of-the-right-shape-000000000000' },
    { authorization: `bearer ${TEST_ADMIN_KEY} extra` },
    { authorization: `Bearer ${TEST_ADMIN_KEY}\t` },
    {},
  ),
  headerText.map((text) => ({ authorization: `Bearer ${text}` })),
);

const BAD_MEDIA_TYPES = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/JSON',
  'application/json;;;',
  'application/problem+json',
  'multipart/form-data',
  'text/csv',
  'image/png',
  '*/*',
  '',
  '(none)',
);

/** One hostile header on top of the well-behaved ones. */
export function badHeader(route: Route): fc.Arbitrary<HeaderCase> {
  const one = (kind: string, values: fc.Arbitrary<Record<string, string>>) =>
    fc.tuple(validHeaders(route), values).map(([valid, bad]) => {
      const merged = { ...valid.values, ...bad };
      if (kind === 'auth' && !('authorization' in bad)) delete merged['authorization'];
      return { kind, values: merged };
    });
  const oneHeader = (kind: string, name: string, values: fc.Arbitrary<string>) =>
    one(
      kind,
      values.map((v) => ({ [name]: v })),
    );
  const cases = [
    one('auth', BAD_AUTHORIZATION),
    oneHeader('if-match', 'if-match', BAD_IF_MATCH),
    oneHeader('idempotency-key', 'idempotency-key', headerText),
    oneHeader('correlation-id', 'x-correlation-id', headerText),
    oneHeader('last-event-id', 'last-event-id', headerText),
    oneHeader('accept', 'accept', fc.constantFrom('application/xml', 'text/event-stream', '*/*;q=0', 'ÿ')),
  ];
  if (route.body) cases.push(oneHeader('media-type', 'content-type', BAD_MEDIA_TYPES));
  return fc.oneof(...cases);
}
