import fc from 'fast-check';
import { TEST_ADMIN_KEY } from '../support/test-app';

/** Bytes for a socket: what inject cannot send (broken encodings, oversized heads, chunked bodies). */
export interface SocketCase {
  kind: string;
  /** A write: when refused, the log head must not move. */
  write: boolean;
  parts: Array<string | Buffer>;
  pauseMs?: number;
}

const AUTH = `Authorization: Bearer ${TEST_ADMIN_KEY}\r\n`;
const FOUNDING = JSON.stringify({ kind: 'party', name: { ru: 'Синтетов' }, effectiveDate: '2022-09-24' });

/** A request head; `Connection: close` so that the server ends the exchange once it has answered. */
export function head(method: string, target: string, headers = ''): string {
  return `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${AUTH}${headers}\r\n`;
}

const typed = (type: string, body: string) => `Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
const json = (body: string) => typed('application/json', body);
const refusedPost = (kind: string, path: string, headers: string, body: string): SocketCase => ({
  kind,
  write: true,
  parts: [head('POST', path, headers), body],
});
const chunked = 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n';

/** Cases a client gets wrong in the same few ways: each listed once. */
export const FIXED_CASES: SocketCase[] = [
  { kind: 'bad-percent-encoding', write: false, parts: [head('GET', '/v1/people/%E0%A4%A')] },
  { kind: 'bad-percent-encoding', write: false, parts: [head('GET', '/v1/people/%')] },
  { kind: 'bad-percent-encoding', write: false, parts: [head('GET', '/v1/organisations/%zz/officers')] },
  { kind: 'bad-percent-encoding', write: false, parts: [head('GET', '/v1/%FF%FE')] },
  { kind: 'bad-percent-encoding', write: false, parts: [head('GET', '/v1/events?after=%ZZ')] },
  {
    kind: 'bad-percent-encoding',
    write: true,
    parts: [head('POST', '/v1/organisations/%C0%80/renamings', json('{}')), '{}'],
  },
  { kind: 'uri-too-long', write: false, parts: [head('GET', `/v1/organisations/${'x'.repeat(200)}/officers`)] },
  { kind: 'uri-too-long', write: false, parts: [head('GET', `/v1/people?q=${'a'.repeat(9_000)}`)] },
  { kind: 'uri-too-long', write: false, parts: [head('GET', `/v1/people?q=${'a'.repeat(20_000)}`)] },
  { kind: 'uri-too-long', write: false, parts: [head('GET', `/${'a'.repeat(100_000)}`)] },
  {
    kind: 'uri-too-long',
    write: true,
    parts: [head('POST', `/v1/people/${'%D2%9A'.repeat(3_000)}/details`, json('{}')), '{}'],
  },
  { kind: 'big-header', write: false, parts: [head('GET', '/v1/keys', `X-Pad: ${'p'.repeat(10_240)}\r\n`)] },
  {
    kind: 'big-header',
    write: true,
    parts: [
      `POST /v1/organisations HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ${'A'.repeat(10_240)}\r\n${json(FOUNDING)}\r\n`,
      FOUNDING,
    ],
  },
  { kind: 'big-header', write: false, parts: [head('GET', '/v1/keys', `X-Pad: ${'p'.repeat(20_000)}\r\n`)] },
  { kind: 'big-header', write: false, parts: [head('GET', '/v1/keys', `X-Pad: ${'p'.repeat(200)}\r\n`.repeat(120))] },
  {
    kind: 'big-header',
    write: true,
    parts: [head('POST', '/v1/organisations', `${json(FOUNDING)}X-Pad: ${'p'.repeat(70_000)}\r\n`), FOUNDING],
  },
  refusedPost('malformed-chunked', '/v1/organisations', chunked, 'zz\r\n{}\r\n0\r\n\r\n'),
  refusedPost('malformed-chunked', '/v1/organisations', chunked, '-1\r\n{}\r\n0\r\n\r\n'),
  refusedPost('malformed-chunked', '/v1/organisations', chunked, '2\r\n{}XX0\r\n\r\n'),
  refusedPost('malformed-chunked', '/v1/organisations', chunked, '2;\x01\r\n{}\r\n0\r\n\r\n'),
  refusedPost('malformed-chunked', '/v1/organisations', chunked, 'ffffffffffffffffff\r\n{}\r\n0\r\n\r\n'),
  refusedPost('malformed-chunked', '/v1/organisations', `${chunked}Content-Length: 2\r\n`, '2\r\n{}\r\n0\r\n\r\n'),
  {
    kind: 'malformed-chunked',
    write: true,
    parts: [head('POST', '/v1/organisations', chunked), '2\r\n{}\r\n', '0\r\n\r\n'],
    pauseMs: 20,
  },
  {
    kind: 'malformed-chunked',
    write: true,
    parts: [
      head('POST', '/v1/organisations', 'Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n'),
      '2\r\n{}\r\n0\r\n\r\n',
    ],
  },
  refusedPost('unsupported-media-type', '/v1/organisations', typed('application/xml', '<a/>'), '<a/>'),
  refusedPost('unsupported-media-type', '/v1/people', typed('text/plain', '{}'), '{}'),
  refusedPost('unsupported-media-type', '/v1/meetings', typed('application/json; charset=utf-16', '{}'), '{}'),
  refusedPost('unsupported-media-type', '/v1/organisations', `${json(FOUNDING)}Content-Encoding: gzip\r\n`, FOUNDING),
  refusedPost('unsupported-media-type', '/v1/imports/members', typed('application/vnd.ms-excel', 'ab'), 'ab'),
  refusedPost(
    'bad-content-length',
    '/v1/organisations',
    'Content-Type: application/json\r\nContent-Length: -1\r\n',
    '{}',
  ),
  refusedPost(
    'bad-content-length',
    '/v1/organisations',
    'Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n',
    '{}',
  ),
  refusedPost(
    'bad-content-length',
    '/v1/organisations',
    'Content-Type: application/json\r\nContent-Length: abc\r\n',
    '{}',
  ),
  {
    kind: 'body-too-large',
    write: true,
    parts: [
      head('POST', '/v1/organisations', json(`{"x":"${'a'.repeat(2_000_000)}"}`)),
      `{"x":"${'a'.repeat(2_000_000)}"}`,
    ],
  },
  {
    kind: 'bad-request-line',
    write: false,
    parts: ['GET  /v1/keys HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
  },
  {
    kind: 'bad-request-line',
    write: false,
    parts: ['GET /v1/keys HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
  },
  { kind: 'bad-request-line', write: false, parts: [head('BREW', '/v1/keys')] },
  { kind: 'bad-request-line', write: false, parts: [head('PUT', '/v1/organisations')] },
  { kind: 'bad-request-line', write: false, parts: ['GET /v1/keys\r\n\r\n'] },
  { kind: 'bad-header-bytes', write: false, parts: [head('GET', '/v1/keys', 'X-Bad: a\x00b\r\n')] },
  { kind: 'bad-header-bytes', write: false, parts: [head('GET', '/v1/keys', 'Bad Name: x\r\n')] },
  { kind: 'bad-header-bytes', write: false, parts: [head('GET', '/v1/keys', 'X-Fold: a\r\n continued\r\n')] },
  // Latin-1 bytes as they stand (a string part is sent as UTF-8).
  {
    kind: 'bad-header-bytes',
    write: true,
    parts: [
      Buffer.from(head('POST', '/v1/organisations', `${json(FOUNDING)}If-Match: "\xff\xfe"\r\n`), 'latin1'),
      FOUNDING,
    ],
  },
];

const brokenPercent = fc
  .array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 })
  .map((bytes) => bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join(''));
const halfEscape = fc.constantFrom('%', '%A', '%G0', '%%', '%0', '%u00e9');
const target = fc.constantFrom('/v1/people/', '/v1/organisations/', '/v1/posts/', '/v1/filings/', '/v1/keys/');
const tail = fc.constantFrom('', '/officers', '/holders', '/membership', '/document');

/** Generated variations: broken escapes in every path, chunk sizes that lie, heads of every size. */
export const generatedCases: fc.Arbitrary<SocketCase> = fc.oneof(
  fc.tuple(target, fc.oneof(brokenPercent, halfEscape), tail).map(([t, escape, rest]) => ({
    kind: 'bad-percent-encoding',
    write: false,
    parts: [head('GET', `${t}${escape}${rest}`)],
  })),
  fc.tuple(fc.oneof(brokenPercent, halfEscape)).map(([escape]) => ({
    kind: 'bad-percent-encoding',
    write: true,
    parts: [
      head('POST', `/v1/people/${escape}/membership/suspension`, json('{"effectiveDate":"2024-01-01"}')),
      '{"effectiveDate":"2024-01-01"}',
    ],
  })),
  // More data than the chunk declares: complete, but what follows is no chunk size (a shorter chunk would only be waited for).
  fc
    .record({
      declared: fc.integer({ min: 1, max: 20 }),
      extra: fc.integer({ min: 1, max: 40 }),
      size: fc.constantFrom('hex', 'junk'),
    })
    .map(({ declared, extra, size }) => ({
      kind: 'malformed-chunked',
      write: true,
      parts: [
        head('POST', '/v1/meetings', chunked),
        `${size === 'hex' ? declared.toString(16) : `${declared}g`}\r\n${'{'.repeat(declared + extra)}\r\n0\r\n\r\n`,
      ],
    })),
  fc.integer({ min: 8_000, max: 40_000 }).map((size) => ({
    kind: 'big-header',
    write: false,
    parts: [head('GET', '/v1/organisations', `Authorization-Pad: ${'z'.repeat(size)}\r\n`)],
  })),
  fc.integer({ min: 1_000, max: 30_000 }).map((size) => ({
    kind: 'uri-too-long',
    write: false,
    parts: [head('GET', `/v1/events?types=${'A'.repeat(size)}`)],
  })),
);
