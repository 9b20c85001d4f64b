import { MemoryEventStore, type EventStore, type Subscription } from '@baytaq/event-store';
import { ProblemError } from '../http/problem';
import { generateApiKey, hashApiKey, sameDigest } from './api-key.crypto';
import { ApiKeysService, FIRST_ADMIN_NAME } from './api-keys.service';

const GIVEN_KEY = 'bq_unit-test-synthetic-admin-key-000000';

async function started(store: EventStore, adminKey?: string): Promise<ApiKeysService> {
  const service = new ApiKeysService(store, { adminKey });
  await service.onModuleInit();
  return service;
}

async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function problemCode(run: () => Promise<unknown>): Promise<string> {
  return run().then(
    () => 'no error',
    (e: unknown) => (e instanceof ProblemError ? `${e.problem.status} ${e.problem.code}` : String(e)),
  );
}

/** A replica whose subscription never delivers: its view of the keys is stale until it reads the store. */
function lagging(inner: EventStore): EventStore {
  return {
    append: (stream, events, expected) => inner.append(stream, events, expected),
    readStream: (stream, options) => inner.readStream(stream, options),
    readAll: (options) => inner.readAll(options),
    subscribeToAll: (): Subscription => ({ close: async () => undefined }),
    headPosition: () => inner.headPosition(),
    comparePositions: (a, b) => inner.comparePositions(a, b),
    ping: () => inner.ping(),
    close: async () => undefined,
  };
}

describe('API key hashing', () => {
  it('generates bq_-prefixed 32-byte base64url keys, all different', () => {
    const keys = new Set(Array.from({ length: 50 }, generateApiKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^bq_[A-Za-z0-9_-]{43}$/);
  });

  it('stores SHA-256 in hex and compares digests exactly', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sameDigest(hashApiKey('abc'), hashApiKey('abc'))).toBe(true);
    expect(sameDigest(hashApiKey('abc'), hashApiKey('abd'))).toBe(false);
    expect(sameDigest('', '')).toBe(false);
  });
});

describe('ApiKeysService', () => {
  let out: jest.SpyInstance;
  const services: ApiKeysService[] = [];
  const start = async (store: EventStore, adminKey?: string) => {
    const s = await started(store, adminKey);
    services.push(s);
    return s;
  };
  const written = (): string => out.mock.calls.map((c) => String(c[0])).join('');
  /** The lines that show a generated key (Nest's logger writes to stdout too). */
  const printed = (): string[] =>
    written()
      .split('\n')
      .filter((l) => l.includes('will not be shown again'));

  beforeEach(() => {
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    out.mockRestore();
    await Promise.all(services.splice(0).map((s) => s.onModuleDestroy()));
  });

  describe('first start', () => {
    it('without REGISTRY_ADMIN_KEY generates an admin key, stores only its hash and prints it once', async () => {
      const store = new MemoryEventStore();
      const service = await start(store);
      const lines = printed();
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!);
      expect(line.msg).toMatch(/will not be shown again/);
      expect(line.key).toMatch(/^bq_/);
      expect(service.authenticate(line.key)).toEqual({ name: 'admin', roles: ['admin'] });

      const events = await store.readAll();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        stream: 'apikey-admin',
        type: 'ApiKeyIssued',
        data: { name: 'admin', roles: ['admin'], keyHash: hashApiKey(line.key), issuedBy: 'first-start' },
        metadata: { actor: 'first-start' },
      });
      expect(JSON.stringify(events)).not.toContain(line.key);
    });

    it('with REGISTRY_ADMIN_KEY uses that key and prints no key', async () => {
      const store = new MemoryEventStore();
      const service = await start(store, GIVEN_KEY);
      expect(service.authenticate(GIVEN_KEY)).toEqual({ name: 'admin', roles: ['admin'] });
      expect(printed()).toEqual([]);
      expect(written()).not.toMatch(/bq_/);
      const [event] = await store.readAll();
      expect(event!.data['keyHash']).toBe(hashApiKey(GIVEN_KEY));
    });

    it('does nothing on a later start: no new event, no key printed, the old key still works', async () => {
      const store = new MemoryEventStore();
      const first = await start(store);
      const key = JSON.parse(printed()[0]!).key as string;
      await first.onModuleDestroy();
      out.mockClear();
      const again = await start(store, GIVEN_KEY);
      expect(printed()).toEqual([]);
      expect(written()).not.toContain(key);
      expect(await store.readAll()).toHaveLength(1);
      expect(again.authenticate(key)?.name).toBe('admin');
      expect(again.authenticate(GIVEN_KEY)).toBeUndefined();
    });

    it('gives one admin key when two replicas start at once on an empty store', async () => {
      const store = new MemoryEventStore();
      const [a, b] = await Promise.all([start(store), start(store)]);
      const issued = (await store.readAll()).filter((e) => e.type === 'ApiKeyIssued');
      expect(issued).toHaveLength(1);
      const lines = printed();
      expect(lines).toHaveLength(1);
      const key = JSON.parse(lines[0]!).key as string;
      expect(a.authenticate(key)?.name).toBe(FIRST_ADMIN_NAME);
      expect(b.authenticate(key)?.name).toBe(FIRST_ADMIN_NAME);
    });
  });

  describe('issue and revoke', () => {
    it('updates the lookup map at once, before the subscription delivers', async () => {
      const inner = new MemoryEventStore();
      const service = await start(lagging(inner), GIVEN_KEY);
      const { key, record } = await service.issue('portal', ['registrar'], 'admin');
      expect(record).toMatchObject({ name: 'portal', roles: ['registrar'], issuedBy: 'admin' });
      expect(service.authenticate(key)).toEqual({ name: 'portal', roles: ['registrar'] });
      await service.revoke('portal', 'admin');
      expect(service.authenticate(key)).toBeUndefined();
      expect(service.list().find((k) => k.name === 'portal')).toMatchObject({ revokedBy: 'admin' });
    });

    it('refuses a duplicate active name, and re-issues a revoked name on the same stream', async () => {
      const store = new MemoryEventStore();
      const service = await start(store, GIVEN_KEY);
      const first = await service.issue('portal', ['registrar'], 'admin');
      expect(await problemCode(() => service.issue('portal', ['compliance'], 'admin'))).toBe('409 key.exists');
      await service.revoke('portal', 'admin');
      const second = await service.issue('portal', ['compliance'], 'admin');
      expect(service.authenticate(first.key)).toBeUndefined();
      expect(service.authenticate(second.key)).toEqual({ name: 'portal', roles: ['compliance'] });
      const stream = await store.readStream('apikey-portal');
      expect(stream.map((e) => e.type)).toEqual(['ApiKeyIssued', 'ApiKeyRevoked', 'ApiKeyIssued']);
      expect(stream[1]!.data).toEqual({ name: 'portal', revokedBy: 'admin' });
    });

    it('answers 404 for an unknown or already revoked name', async () => {
      const service = await start(new MemoryEventStore(), GIVEN_KEY);
      expect(await problemCode(() => service.revoke('nobody', 'admin'))).toBe('404 key.not_found');
      await service.issue('portal', ['registrar'], 'admin');
      await service.revoke('portal', 'admin');
      expect(await problemCode(() => service.revoke('portal', 'admin'))).toBe('404 key.not_found');
    });

    it('never revokes the last active admin key', async () => {
      const service = await start(new MemoryEventStore(), GIVEN_KEY);
      await service.issue('ops', ['registrar'], 'admin');
      expect(await problemCode(() => service.revoke('admin', 'admin'))).toBe('409 key.last_admin');
      expect(service.authenticate(GIVEN_KEY)).toBeDefined();
      await service.issue('root-2', ['admin'], 'admin');
      await service.revoke('admin', 'admin');
      expect(service.authenticate(GIVEN_KEY)).toBeUndefined();
      expect(await problemCode(() => service.revoke('root-2', 'root-2'))).toBe('409 key.last_admin');
    });

    it('checks against the store when its own view is stale: a name another replica issued is 409', async () => {
      const inner = new MemoryEventStore();
      const fresh = await start(inner, GIVEN_KEY);
      const stale = await start(lagging(inner), GIVEN_KEY);
      await fresh.issue('portal', ['registrar'], 'admin');
      expect(await problemCode(() => stale.issue('portal', ['registrar'], 'admin'))).toBe('409 key.exists');
      expect((await inner.readStream('apikey-portal')).length).toBe(1);
    });
  });

  it("follows another replica's issues and revocations through the subscription", async () => {
    const store = new MemoryEventStore();
    const a = await start(store, GIVEN_KEY);
    const b = await start(store, GIVEN_KEY);
    const { key } = await a.issue('portal', ['compliance'], 'admin');
    await eventually(() => b.authenticate(key) !== undefined);
    expect(b.authenticate(key)).toEqual({ name: 'portal', roles: ['compliance'] });
    await a.revoke('portal', 'admin');
    await eventually(() => b.authenticate(key) === undefined);
    expect(b.list().find((k) => k.name === 'portal')?.revokedAt).toBeDefined();
  });

  it('ignores events outside apikey- streams and malformed ones (no valid key: first start still runs)', async () => {
    const store = new MemoryEventStore();
    await store.append('organisation-1', [{ id: crypto.randomUUID(), type: 'ApiKeyIssued', data: {} }], 'no_stream');
    await store.append(
      'apikey-broken',
      [{ id: crypto.randomUUID(), type: 'ApiKeyIssued', data: { name: 'broken', roles: ['root'], keyHash: 'x' } }],
      'no_stream',
    );
    const service = await start(store, GIVEN_KEY);
    expect(service.list().map((k) => k.name)).toEqual(['admin']);
    expect(service.authenticate(GIVEN_KEY)).toEqual({ name: 'admin', roles: ['admin'] });
    expect(service.authenticate('x')).toBeUndefined();
  });
});
