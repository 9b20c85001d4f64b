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
});
