import { randomUUID } from 'node:crypto';
import { client } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * REGISTRY_LOG_TREE=off (bench:integrity's baseline) on a fresh data directory: the service starts
 * and writes, and says of the log's tree only that it keeps none.
 */
describe('REGISTRY_LOG_TREE=off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REGISTRY_LOG_TREE: 'off' });
  });
  afterAll(() => t.close());

  it('starts on a fresh store, takes writes, and answers the log routes 503 log.tree_off', async () => {
    const admin = client(t.app, t.adminKey);
    const founded = await admin('POST', '/v1/organisations', {
      id: randomUUID(),
      kind: 'party',
      name: { ru: 'Синтетическая партия' },
      effectiveDate: '2022-01-01',
    });
    expect(founded.status).toBe(201);
    for (const url of ['/v1/log/checkpoint', `/v1/log/proofs/consistency?from=0&to=1`]) {
      const answer = await admin('GET', url);
      expect(answer.status).toBe(503);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body['code']).toBe('log.tree_off');
    }
  });
});
