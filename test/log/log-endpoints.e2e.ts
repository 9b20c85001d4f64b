import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { CHECKPOINTS_FILE, CheckpointStore } from '../../apps/registry/src/log/checkpoint-store';
import { type DemoRegistry, rawGet, startDemoRegistry } from '../filings/filing-test-kit';
import { expectStatus } from '../support/http';
import { consistencyVerifies, inclusionVerifies, leafHash, merkleRoot, openCheckpoint } from './rfc6962';

const b = (list: unknown) => (list as string[]).map((h) => Buffer.from(h, 'base64'));

describe('the log: checkpoints, key, entries and proofs over HTTP', () => {
  let d: DemoRegistry;
  let key: string;
  const text = async (url: string) => {
    const answer = await rawGet(d.t.app, url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    return answer.bytes.toString('utf8');
  };
  const checkpoint = async (size?: number) =>
    openCheckpoint(await text(`/v1/log/checkpoint${size === undefined ? '' : `?size=${size}`}`), key);

  beforeAll(async () => {
    d = await startDemoRegistry();
    key = await text('/v1/log/key');
  });
  afterAll(() => d.t.close());

  it('serves the key and a checkpoint it signs, whose root is the RFC 6962 root of the records as hashed', async () => {
    expect(key).toMatch(/^baytaq-registry\/[0-9a-f]{16}\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}\n$/);
    const head = await checkpoint();
    expect(head.origin).toBe(key.split('+')[0]);
    const entries = expectStatus(await d.admin('GET', `/v1/log/entries?start=0&end=${head.size}`));
    const items = entries['items'] as Array<Record<string, unknown>>;
    expect(items.map((i) => i['leafIndex'])).toEqual([...Array(head.size).keys()]);
    expect(merkleRoot(items.map(leafHash)).equals(head.root)).toBe(true);
    // A smaller size is signed on demand, over the first leaves only.
    const earlier = await checkpoint(5);
    expect(earlier.size).toBe(5);
    expect(merkleRoot(items.slice(0, 5).map(leafHash)).equals(earlier.root)).toBe(true);
  });

  it('proves each event in the tree and each earlier tree a prefix of the latest', async () => {
    const head = await checkpoint();
    const items = expectStatus(await d.admin('GET', `/v1/log/entries?start=0&end=${head.size}`))['items'] as Array<
      Record<string, unknown>
    >;
    for (const item of items) {
      const proof = expectStatus(await d.admin('GET', `/v1/log/proofs/inclusion?eventId=${item['eventId'] as string}`));
      expect(proof).toMatchObject({ leafIndex: item['leafIndex'], treeSize: head.size });
      expect(
        inclusionVerifies(proof['leafIndex'] as number, head.size, leafHash(item), b(proof['auditPath']), head.root),
      ).toBe(true);
    }
    for (const from of [1, 2, 3, 7, head.size - 1]) {
      const proof = expectStatus(await d.admin('GET', `/v1/log/proofs/consistency?from=${from}&to=${head.size}`));
      const old = await checkpoint(from);
      expect(consistencyVerifies(from, head.size, old.root, head.root, b(proof['proof']))).toBe(true);
    }
  });

  it('keeps a checkpoint within a second of writes, in its own file', async () => {
    const before = (await checkpoint()).size;
    expectStatus(
      await d.admin('POST', '/v1/people', { name: { surname: 'Синтетов', given: 'Тест' }, citizenship: 'KZ' }),
      201,
    );
    await sleep(1_300);
    const kept = CheckpointStore.open(join(d.t.dataDir, CHECKPOINTS_FILE), { readonly: true });
    try {
      const latest = kept.latest()!;
      expect(latest.size).toBeGreaterThan(before);
      expect(latest.reason).toBe('interval');
      expect(openCheckpoint(latest.note, key).size).toBe(latest.size);
    } finally {
      kept.close();
    }
  });

  it.each([
    ['/v1/log/checkpoint?size=ten', 'size', 'request.validation_failed'],
    ['/v1/log/checkpoint?size=-1', 'size', 'request.validation_failed'],
    ['/v1/log/checkpoint?size=99999999', 'size', 'log.out_of_range'],
    ['/v1/log/proofs/inclusion', 'eventId', 'request.validation_failed'],
    ['/v1/log/proofs/inclusion?eventId=not-a-uuid', 'eventId', 'request.validation_failed'],
    [
      '/v1/log/proofs/inclusion?eventId=00000000-0000-4000-8000-000000000000&size=1.5',
      'size',
      'request.validation_failed',
    ],
    ['/v1/log/proofs/consistency?from=3&to=2', 'from', 'log.out_of_range'],
    ['/v1/log/proofs/consistency?from=1&to=99999999', 'to', 'log.out_of_range'],
    ['/v1/log/proofs/consistency', 'from', 'request.validation_failed'],
    ['/v1/log/entries?start=0&end=1001', 'end', 'log.out_of_range'],
    ['/v1/log/entries?start=5&end=5', 'end', 'log.out_of_range'],
    ['/v1/log/entries?start=0&end=99999999', 'end', 'log.out_of_range'],
    ['/v1/log/entries?start=x&end=1', 'start', 'request.validation_failed'],
  ])('%s is a 400 problem naming %s', async (url, field, code) => {
    const answer = await d.admin('GET', url);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      status: 400,
      code,
      errors: expect.arrayContaining([expect.objectContaining({ field })]),
    });
  });

  it('answers 404 for an event not in the log, and keeps the entries to admins', async () => {
    const missing = await d.admin('GET', '/v1/log/proofs/inclusion?eventId=00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body['code']).toBe('log.event_not_found');
    expect((await rawGet(d.t.app, '/v1/log/entries?start=0&end=1')).status).toBe(401);
    expect((await d.compliance('GET', '/v1/log/entries?start=0&end=1')).status).toBe(403);
    expect((await rawGet(d.t.app, '/v1/log/proofs/consistency?from=1&to=2')).status).toBe(200);
  });
});
