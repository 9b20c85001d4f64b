import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@baytaq/event-store';
import { EmbeddedReadModels } from '@baytaq/read-models';

describe('embedded read models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baytaq-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replay without waiting for fsyncs, then hand the store back at synchronous=FULL', async () => {
    const file = join(dir, 'registry.sqlite');
    const plain = SqliteEventStore.open(file);
    const data = { organisationId: 'o1', kind: 'party', name: { ru: 'Тестовая партия' }, effectiveDate: '2022-01-01' };
    await plain.append('organisation-o1', [{ id: 'e1', type: 'OrganisationEstablished', data }], 'no_stream');
    await plain.close();
    let models: EmbeddedReadModels | undefined;
    const store = SqliteEventStore.open(file, { projection: (db) => (models = EmbeddedReadModels.open(db)).inline });
    try {
      expect(models!.position).toBe('1');
      expect(models!.reads.organisations.exists('o1', '9999-12-31T23:59:59.999Z')).toBe(true);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('starts a rebuild again when the last one stopped midway, instead of taking its rows for read models', async () => {
    const file = join(dir, 'interrupted.sqlite');
    const plain = SqliteEventStore.open(file);
    for (const id of ['o1', 'o2', 'o3']) {
      const data = { organisationId: id, kind: 'party', name: { ru: `Партия ${id}` }, effectiveDate: '2022-01-01' };
      await plain.append(`organisation-${id}`, [{ id: `e-${id}`, type: 'OrganisationEstablished', data }], 'no_stream');
    }
    await plain.close();
    let pages = 0;
    const stopped = () =>
      SqliteEventStore.open(file, {
        projection: (db) =>
          EmbeddedReadModels.open(db, {
            pageSize: 1,
            onProgress: () => {
              if (++pages === 2) throw new Error('stopped midway');
            },
          }).inline,
      });
    expect(stopped).toThrow('stopped midway');
    let models: EmbeddedReadModels | undefined;
    const store = SqliteEventStore.open(file, { projection: (db) => (models = EmbeddedReadModels.open(db)).inline });
    try {
      expect(models!.position).toBe('3');
      expect(models!.eventsApplied).toBe(3);
      for (const id of ['o1', 'o2', 'o3']) {
        expect(models!.reads.organisations.exists(id, '9999-12-31T23:59:59.999Z')).toBe(true);
      }
      const rows = store.db.prepare('SELECT count(*) FROM rm_org').pluck().get();
      expect(rows).toBe(3); // one version each: nothing of the stopped rebuild stayed
    } finally {
      await store.close();
    }
  });
});
