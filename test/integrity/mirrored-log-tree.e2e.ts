import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { LOG_TREE_MIRROR_FILE, MemoryEventStore, type ReadAllOptions } from '@baytaq/event-store';
import { verifyMirroredLog } from '../../apps/tools/src/verify/verify-log';
import { loadConfig, type RegistryConfig } from '../../apps/registry/src/config/registry-config';
import { MirroredLogTree } from '../../apps/registry/src/integrity/log-tree.provider';

/**
 * KurrentDB mode's log tree, kept by a follower in a mirror file, on the memory store (no
 * KurrentDB server runs here; the store is reached through the same port method, readAllAsStored).
 */
describe('the mirrored log tree (KurrentDB mode) at start and under npm run verify', () => {
  let dir: string;
  let config: RegistryConfig;
  let store: MemoryEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baytaq-mirrored-'));
    config = loadConfig({ REGISTRY_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    store = new MemoryEventStore();
    for (let i = 0; i < 40; i++) {
      await store.append(
        `organisation-${randomUUID()}`,
        [{ id: randomUUID(), type: 'Counted', data: { i } }],
        'no_stream',
      );
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  /** The same log, one event's data otherwise than it was hashed. */
  const rewritten = (index: number) => ({
    readAllAsStored: async (options?: ReadAllOptions) =>
      (await store.readAllAsStored(options)).map((e) =>
        e.position === String(index + 1) ? { ...e, data: { i: -1 } } : e,
      ),
  });

  it('hashes the log at start, follows it, and verifies; a store that changed an event since is refused and not verified', async () => {
    const tree = await MirroredLogTree.open(store, config);
    expect(tree.size()).toBe(40);
    await store.append('organisation-later', [{ id: randomUUID(), type: 'Counted', data: { i: 40 } }], 'no_stream');
    await tree.settled();
    expect(tree.size()).toBe(41);
    expect(tree.leafIndexOf((await store.readAll())[40]!.id)).toBe(40);
    await tree.onModuleDestroy();

    expect(await verifyMirroredLog(dir, undefined, store)).toMatchObject({ ok: true, events: 41, treeSize: 41 });
    const changed = await verifyMirroredLog(dir, undefined, rewritten(12));
    expect(changed.ok).toBe(false);
    expect(changed.problems[0]).toMatch(/^event at position 13: data changed/);
    await expect(
      MirroredLogTree.open(
        { ...store, readAllAsStored: rewritten(30).readAllAsStored, close: async () => undefined } as never,
        config,
      ),
    ).rejects.toThrow(/does not match its Merkle tree: event at position 31: data changed/);
  });

  it('refuses to start when the mirror file itself was changed', async () => {
    await (await MirroredLogTree.open(store, config)).onModuleDestroy();
    const raw = new Database(join(dir, LOG_TREE_MIRROR_FILE));
    raw.prepare(`UPDATE events SET data = '{"i":99}' WHERE position = 39`).run();
    raw.close();
    expect((await verifyMirroredLog(dir, undefined, store)).problems[0]).toMatch(/^event at position 39: data changed/);
    await expect(MirroredLogTree.open(store, config)).rejects.toThrow(/event at position 39: data changed/);
  });
});
