import { decideOrganisation, organisationDecider } from '@baytaq/domain';
import { MemoryEventStore } from '@baytaq/event-store/memory/memory-event-store';
import { DecidedStream, GeneratorRefusal } from './decided-stream';
import { EventWriter } from './event-writer';
import { SyntheticIds } from './synthetic-ids';

const party = {
  type: 'EstablishOrganisation' as const,
  organisationId: 'p',
  kind: 'party' as const,
  name: { kk: 'Синтетикалық партия' },
  effectiveDate: '2022-09-24',
};

describe('DecidedStream and EventWriter', () => {
  it("appends what a decider accepted with the app's metadata, and throws on a refusal without appending", async () => {
    const store = new MemoryEventStore();
    const writer = new EventWriter(store, 'generate-seed-1');
    const stream = new DecidedStream('organisation-p', organisationDecider, writer, new SyntheticIds(1));
    const cause = { causationId: 'story-0:establish', today: '2026-11-25' };
    stream.record(decideOrganisation(party, stream.state, { today: '2026-11-25', parent: null }), 'establish', cause);
    const again = decideOrganisation(party, stream.state, { today: '2026-11-25', parent: null });
    expect(() => stream.record(again, 'establish again', cause)).toThrow(GeneratorRefusal);
    await writer.drain();
    const events = await store.readStream('organisation-p');
    expect(events.map((e) => [e.type, e.metadata])).toEqual([
      [
        'OrganisationEstablished',
        {
          schemaVersion: 1,
          actor: 'generator',
          correlationId: 'generate-seed-1',
          causationId: 'story-0:establish',
          effectiveDate: '2022-09-24',
        },
      ],
    ]);
    expect([stream.revision, writer.events]).toEqual([0, 1]);
  });

  it('keeps a batched stream until flush, then appends it at once; drain rethrows a failed append', async () => {
    const store = new MemoryEventStore();
    const writer = new EventWriter(store, 'c', 2);
    const stream = new DecidedStream('organisation-p', organisationDecider, writer, new SyntheticIds(1), true);
    stream.record(decideOrganisation(party, stream.state, { today: '2026-11-25', parent: null }), 'establish', {
      causationId: 'x',
      today: '2026-11-25',
    });
    expect(writer.events).toBe(0);
    stream.flush();
    expect(writer.events).toBe(1);
    writer.appendRaw('organisation-p', -1, { id: 'other', type: 'X', data: {} }); // the stream exists: refused
    expect(writer.full).toBe(true);
    await expect(writer.drain()).rejects.toThrow(/organisation-p/);
  });
});
