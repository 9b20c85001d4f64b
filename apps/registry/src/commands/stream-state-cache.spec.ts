import { organisationDecider } from '@baytaq/domain';
import { MemoryEventStore } from '@baytaq/event-store';
import { StreamStates } from './stream-states';
import { StreamStateCache } from './stream-state-cache';

describe('StreamStateCache', () => {
  it('keeps the later revision when loads finish out of order', () => {
    const cache = new StreamStateCache();
    cache.set('a', { revision: 3, state: 'new' });
    cache.set('a', { revision: 2, state: 'old' });
    expect(cache.get('a')).toEqual({ revision: 3, state: 'new' });
  });
});

describe('StreamStates.load with its cache', () => {
  it('sees what another writer (another replica) appended since it last folded the stream', async () => {
    const store = new MemoryEventStore();
    const runner = new StreamStates(store);
    const stream = 'organisation-00000000-0000-4000-8000-000000000001';
    const established = {
      organisationId: '00000000-0000-4000-8000-000000000001',
      kind: 'party',
      name: { ru: 'Синтетическая' },
      effectiveDate: '2022-01-01',
    };
    await store.append(
      stream,
      [{ id: crypto.randomUUID(), type: 'OrganisationEstablished', data: established }],
      'no_stream',
    );
    const first = await runner.load(stream, organisationDecider);
    const renamed = { name: { ru: 'Переименованная' }, effectiveDate: '2023-01-01' };
    await store.append(stream, [{ id: crypto.randomUUID(), type: 'OrganisationRenamed', data: renamed }], 0);
    const second = await runner.load(stream, organisationDecider);
    expect([first.revision, second.revision]).toEqual([0, 1]);
    expect(second.state.history.envelopes).toHaveLength(2);
    expect(second.state).not.toEqual(first.state);
  });
});
