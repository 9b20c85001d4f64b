import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { loadConfig } from '../../apps/registry/src/config/registry-config';
import { createApp } from '../../apps/registry/src/create-app';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API keys (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const issue = (name: string, roles: string[], key = t.adminKey) =>
    t.app.inject({ method: 'POST', url: '/v1/keys', headers: bearer(key), payload: { name, roles } });
  const revoke = (name: string, key = t.adminKey) =>
    t.app.inject({ method: 'DELETE', url: `/v1/keys/${name}`, headers: bearer(key) });
  const listKeys = (key = t.adminKey) => t.app.inject({ method: 'GET', url: '/v1/keys', headers: bearer(key) });

  it('starts with the REGISTRY_ADMIN_KEY the test app passes', () => {
    expect(t.adminKey).toBe(TEST_ADMIN_KEY);
  });

  it('answers 401 with a Bearer challenge without a key and with an unknown key', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/v1/keys' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({ status: 401, code: 'auth.unauthenticated', instance: '/v1/keys' });
    const unknown = await listKeys('bq_unknown-key-of-no-one-00000000000');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('issues a key that then authenticates, and returns it once with no-store', async () => {
    const res = await issue('membership-portal', ['registrar', 'compliance']);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ name: 'membership-portal', roles: ['registrar', 'compliance'] });
    expect(body.key).toMatch(/^bq_[A-Za-z0-9_-]{43}$/);
    // The new key is known at once: a compliance+registrar key may not list keys, but it is recognised (403, not 401).
    expect((await listKeys(body.key)).statusCode).toBe(403);
  });

  it('answers 403 when a registrar key tries to issue a key', async () => {
    const { key } = (await issue('registrar-bot', ['registrar'])).json();
    const res = await issue('sneaky', ['admin'], key);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
    expect((await listKeys()).json().items.map((k: { name: string }) => k.name)).not.toContain('sneaky');
  });

  it('validates the request: name shape and a non-empty subset of the roles', async () => {
    for (const [name, roles] of [
      ['AB', ['registrar']],
      ['has space', ['registrar']],
      ['ok-name', []],
      ['ok-name', ['root']],
      ['ok-name', ['registrar', 'registrar']],
    ] as const) {
      const res = await issue(name, [...roles]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.validation_failed' });
    }
  });

  it('answers 409 key.exists for an active name, and allows it again after revocation', async () => {
    expect((await issue('finance', ['compliance'])).statusCode).toBe(201);
    const dup = await issue('finance', ['registrar']);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'key.exists' });
    expect((await revoke('finance')).statusCode).toBe(204);
    expect((await issue('finance', ['registrar'])).statusCode).toBe(201);
  });

  it('revokes a key: it gets 401 at once', async () => {
    const { key } = (await issue('campaign-tool', ['registrar'])).json();
    expect((await t.app.inject({ method: 'GET', url: '/health', headers: bearer(key) })).statusCode).toBe(200);
    const res = await revoke('campaign-tool');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const after = await t.app.inject({ method: 'GET', url: '/health', headers: bearer(key) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'auth.unauthenticated' });
  });

  it('answers 404 key.not_found for an unknown name', async () => {
    const res = await revoke('no-such-key');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'key.not_found' });
  });

  it('lists keys with names, roles and dates, never a key or a hash', async () => {
    const { key } = (await issue('lister-check', ['compliance'])).json();
    const res = await listKeys();
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    expect(items.find((k) => k.name === 'admin')).toMatchObject({
      roles: ['admin'],
      status: 'active',
      revokedAt: null,
    });
    const revoked = items.find((k) => k.name === 'campaign-tool');
    expect(revoked).toMatchObject({ status: 'revoked', issuedBy: 'admin', revokedBy: 'admin' });
    expect(Date.parse(String(revoked!.revokedAt))).toBeGreaterThanOrEqual(Date.parse(String(revoked!.issuedAt)));
    const text = res.body;
    expect(text).not.toMatch(/keyHash|"key"/);
    expect(text).not.toContain(createHash('sha256').update(key).digest('hex'));
    expect(text).not.toContain(key);
  });

  it('keeps no key in clear in the event store, only its SHA-256', async () => {
    const { key } = (await issue('audit-check', ['registrar'])).json();
    const events = await t.app.get<EventStore>(EVENT_STORE).readAll({ filter: { streamPrefixes: ['apikey-'] } });
    const text = JSON.stringify(events);
    expect(text).toContain(createHash('sha256').update(key).digest('hex'));
    expect(text).toContain(createHash('sha256').update(TEST_ADMIN_KEY).digest('hex'));
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(3));
    expect(text).not.toContain(TEST_ADMIN_KEY);
    const issued = events.find((e) => e.stream === 'apikey-audit-check')!;
    expect(issued).toMatchObject({ type: 'ApiKeyIssued', metadata: { actor: 'admin' } });
  });

  it('refuses to revoke the last active admin key (409), and allows it once another admin exists', async () => {
    const last = await revoke('admin');
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'key.last_admin' });
    expect((await listKeys()).statusCode).toBe(200);
    const { key: second } = (await issue('admin-2', ['admin'])).json();
    expect((await revoke('admin', second)).statusCode).toBe(204);
    expect((await listKeys()).statusCode).toBe(401);
    expect((await listKeys(second)).statusCode).toBe(200);
    expect((await revoke('admin-2', second)).json()).toMatchObject({ code: 'key.last_admin' });
  });

  it('keeps /health, /docs and /docs-json public, and documents the keys endpoints', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    expect(doc.paths['/v1/keys'].post.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.paths['/v1/keys'].post.responses)).toEqual(
      expect.arrayContaining(['201', '401', '403', '409']),
    );
    expect(doc.paths['/v1/keys/{name}'].delete.responses['204']).toBeDefined();
    expect(doc.components.schemas.IssueKeyRequestDto.properties.name.example).toBe('membership-portal');
  });
});

describe('first start without REGISTRY_ADMIN_KEY (e2e)', () => {
  it('prints a generated admin key once, and never again on a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baytaq-auth-'));
    const config = loadConfig({ REGISTRY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(config.adminKey).toBeUndefined();
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const first = await createApp(config);
      const shown = writes
        .join('')
        .split('\n')
        .filter((l) => l.includes('will not be shown again'));
      expect(shown).toHaveLength(1);
      const { key, name } = JSON.parse(shown[0]!);
      expect(name).toBe('admin');
      const res = await first.inject({ method: 'GET', url: '/v1/keys', headers: bearer(key) });
      expect(res.statusCode).toBe(200);
      await first.close();

      writes.length = 0;
      const again = await createApp(config);
      expect(writes.join('')).not.toContain(key);
      expect(writes.join('')).not.toContain('will not be shown again');
      expect((await again.inject({ method: 'GET', url: '/v1/keys', headers: bearer(key) })).statusCode).toBe(200);
      await again.close();
    } finally {
      spy.mockRestore();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
