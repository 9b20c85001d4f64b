import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { rawGet } from '../filings/filing-test-kit';
import { client, expectStatus } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { consistencyVerifies, inclusionVerifies, leafHash, openCheckpoint } from './rfc6962';

const SEED = Number(process.env['LOG_PROPERTY_SEED'] ?? 20251207);
const b = (list: unknown) => (list as string[]).map((h) => Buffer.from(h, 'base64'));

const eventData = fc.dictionary(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.oneof(fc.integer(), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.boolean(), fc.constant(null)),
  { maxKeys: 4 },
);
/** A log grown by some appends of a few events each, and what to ask of it afterwards. */
const growth = fc.record({
  appends: fc.array(fc.array(eventData, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
  picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 3, maxLength: 6 }),
});

describe('property: every proof the endpoints give verifies against the signed checkpoints', () => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let key: string;
  const signed = async (size: number) => {
    const answer = await rawGet(t.app, `/v1/log/checkpoint?size=${size}`);
    expect(answer.status).toBe(200);
    return openCheckpoint(answer.bytes.toString('utf8'), key);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = client(t.app, t.adminKey);
    key = (await rawGet(t.app, '/v1/log/key')).bytes.toString('utf8');
  });
  afterAll(() => t.close());

  it('holds for random logs and sizes (RFC 9162 verification written in the test)', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(growth, async ({ appends, picks }) => {
        for (const events of appends) {
          const batch = events.map((data) => ({ id: randomUUID(), type: 'PropertyProbe', data }));
          await store.append(`probe-${randomUUID()}`, batch, 'no_stream');
        }
        const latest = openCheckpoint((await rawGet(t.app, '/v1/log/checkpoint')).bytes.toString('utf8'), key);
        const n = latest.size;
        for (const [a, x, y] of picks) {
          const size = 1 + (x % n);
          const index = a % size;
          const from = y % (size + 1);
          const [entry] = expectStatus(await admin('GET', `/v1/log/entries?start=${index}&end=${index + 1}`))[
            'items'
          ] as Array<Record<string, unknown>>;
          const head = await signed(size);
          const inclusion = expectStatus(
            await admin('GET', `/v1/log/proofs/inclusion?eventId=${entry!['eventId'] as string}&size=${size}`),
          );
          expect(inclusion['leafIndex']).toBe(index);
          expect(inclusionVerifies(index, size, leafHash(entry!), b(inclusion['auditPath']), head.root)).toBe(true);
          const consistency = expectStatus(await admin('GET', `/v1/log/proofs/consistency?from=${from}&to=${size}`));
          const old = await signed(from);
          expect(consistencyVerifies(from, size, old.root, head.root, b(consistency['proof']))).toBe(true);
          // A proof for another tree must not pass: the verifier is not one that accepts anything.
          if (from > 0 && from < size) {
            expect(consistencyVerifies(from, size, head.root, old.root, b(consistency['proof']))).toBe(false);
          }
          checked += 1;
        }
      }),
      { numRuns: 25, seed: SEED },
    );
    expect(checked).toBeGreaterThanOrEqual(75);
  }, 120_000);
});
