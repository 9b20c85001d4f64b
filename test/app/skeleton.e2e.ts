import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { startTestApp, type TestApp } from '../support/test-app';

describe('service skeleton', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health with 200 when the store answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', live: true, ready: true, checks: { store: { status: 'up' } } });
  });

  it('gives every response a request id, and keeps a sane one the client sent', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers['x-request-id']).toBe('abc-123');
    const fresh = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id\u0001' } });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves a valid OpenAPI 3 document at /docs-json and Swagger UI at /docs', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Baytaq Registry');
    expect(doc.paths['/health'].get.responses['200']).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown routes with problem details', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'route.not_found', instance: '/v1/nothing-here' });
  });

  it('answers 503 on /health when the store stops answering', async () => {
    const other = await startTestApp();
    try {
      await other.app.get<EventStore>(EVENT_STORE).close();
      const res = await other.app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ ready: false, checks: { store: { status: 'down' } } });
    } finally {
      await other.close();
    }
  });
});
