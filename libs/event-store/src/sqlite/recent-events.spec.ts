import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadAllOptions, RecordedEvent } from '../event-store.port';
import { CommittedEvent, RecentEvents } from './recent-events';
import { serializeEvents, SqliteEventQueries } from './sqlite-event-queries';
import { configureConnection, migrateEventTables } from './sqlite-schema';

const STREAMS = ['person-a', 'person-b', 'organisation-x', 'meeting-m', 'key-k'];
const TYPES = ['Admitted', 'Renamed', 'Held'];

describe('the recent events a sqlite store answers log reads from', () => {
  let dir: string;
  let db: Database.Database;
  let queries: SqliteEventQueries;
  let log: RecordedEvent[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'baytaq-recent-'));
    db = new Database(join(dir, 'registry.sqlite'));
    configureConnection(db);
    migrateEventTables(db);
    queries = new SqliteEventQueries(db);
    const revisions = new Map<string, number>();
    log = Array.from({ length: 300 }, (_, i) => {
      const stream = STREAMS[(i * 7) % STREAMS.length]!;
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      const e = { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, type: TYPES[i % 3]!, data: { i } };
      return queries.insert(serializeEvents([e])[0]!, stream, revision, '2026-01-01T00:00:00.000Z');
    });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const options = fc.record(
    {
      after: fc.option(fc.integer({ min: 0, max: 320 }).map(String), { nil: undefined }),
      maxCount: fc.option(fc.integer({ min: -1, max: 40 }), { nil: undefined }),
      filter: fc.option(
        fc.record(
          {
            eventTypes: fc.subarray([...TYPES, 'Other']),
            streamPrefixes: fc.subarray(['person-', 'organisation-', 'meet', 'key-k', 'nothing-']),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    },
    { requiredKeys: [] },
  );

  it('answers exactly what the events table answers, whenever it holds everything asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1, max: 120 }), options, (seen, capacity, o) => {
        // A store that opened on `seen` events and committed the rest since, holding `capacity` of them.
        const recent = new RecentEvents(seen, capacity);
        for (let i = seen; i < log.length; i += 13) recent.add(log.slice(i, i + 13).map(CommittedEvent.of));
        const oldest = Math.max(seen, log.length - capacity);
        const answer = recent.read(o as ReadAllOptions);
        const after = Number(o.after ?? 0);
        if (after < oldest) expect(answer).toBeUndefined();
        else expect(answer).toEqual(queries.readAll(o as ReadAllOptions));
        expect(recent.head).toBe(log.length);
      }),
      { numRuns: 400 },
    );
  });

  it('hands out events no reader can change', () => {
    const recent = new RecentEvents(0);
    recent.add(log.slice(0, 2).map(CommittedEvent.of));
    const [first] = recent.read({})!;
    expect(() => ((first!.data as { i: number }).i = 99)).toThrow(TypeError);
    expect(recent.read({})![0]!.data).toEqual({ i: 0 });
  });
});
