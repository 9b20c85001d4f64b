import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { client } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/** The refusals /metrics has counted, by reason. */
async function refusals(t: TestApp): Promise<Record<string, number>> {
  const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
  const counts: Record<string, number> = {};
  for (const [, reason, n] of text.matchAll(/^baytaq_access_refusals_total\{reason="(\w+)"\} (\d+)$/gm)) {
    counts[reason!] = Number(n);
  }
  return counts;
}

describe('failed authentication, throttled per address (e2e)', () => {
  let t: TestApp;
  const as = (key: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'GET', url: '/v1/keys', headers: { authorization: `Bearer ${key}` }, remoteAddress });

  beforeAll(async () => {
    t = await startTestApp({ REGISTRY_AUTH_FAILURE_BURST: '3', REGISTRY_AUTH_FAILURES_PER_SECOND: '1' });
  });
  afterAll(() => t.close());

  it('answers 429 after the configured failures, lets a valid key through, and refills', async () => {
    const wrong = 'bq_wrong-key-of-the-right-shape-000000000000';
    const from = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await as(wrong, from)).statusCode).toBe(401);
    const throttled = await as(wrong, from);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.headers['content-type']).toContain('application/problem+json');
    expect(throttled.json()).toMatchObject({ status: 429, code: 'auth.too_many_failures', retryAfter: 1 });
    // A malformed header fails too, and is throttled the same.
    const malformed = await t.app.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
      remoteAddress: from,
    });
    expect(malformed.statusCode).toBe(429);
    // A valid key from the same address is never refused by the throttle.
    expect((await as(t.adminKey, from)).statusCode).toBe(200);
    // Another address has a bucket of its own.
    expect((await as(wrong, '203.0.113.8')).statusCode).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await as(wrong, from)).statusCode).toBe(401);
    expect((await as(wrong, from)).statusCode).toBe(429);
  });

  it('counts refusals by reason in /metrics: keys unknown and revoked, roles, throttling, stream limits', async () => {
    const before = await refusals(t);
    expect(Object.keys(before).sort()).toEqual([
      'malformed_credentials',
      'missing_key',
      'revoked_key',
      'role',
      'stream_limit_client',
      'stream_limit_total',
      'throttled',
      'unknown_key',
    ]);
    const call = client(t.app, t.adminKey);
    const issued = await call('POST', '/v1/keys', { name: 'counted', roles: ['registrar'] });
    const key = issued.body['key'] as string;
    expect((await as(key, '198.51.100.1')).statusCode).toBe(403);
    expect((await call('DELETE', '/v1/keys/counted')).status).toBe(204);
    expect((await as(key, '198.51.100.1')).statusCode).toBe(401);
    expect((await as('bq_never-issued-synthetic-key-000000000000', '198.51.100.1')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/keys' })).statusCode).toBe(401);
    for (let i = 0; i < 4; i++) await as('bq_never-issued-synthetic-key-000000000000', '198.51.100.2');
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    await registryWrites(call).establishParty(randomUUID());
    const streams = await Promise.all(
      Array.from({ length: 11 }, () => fetch(`http://127.0.0.1:${port}/v1/events/stream`)),
    );
    expect(streams.map((s) => s.status).sort()).toEqual([...Array(10).fill(200), 429]);
    for (const s of streams) await s.body?.cancel();
    const after = await refusals(t);
    const added = Object.fromEntries(Object.entries(after).map(([reason, n]) => [reason, n - before[reason]!]));
    expect(added).toEqual({
      malformed_credentials: 0,
      missing_key: 1,
      revoked_key: 1,
      role: 1,
      stream_limit_client: 1,
      stream_limit_total: 0,
      throttled: 1,
      unknown_key: 4,
    });
  });
});
