import { Registry } from 'prom-client';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { startTestApp, type TestApp } from '../support/test-app';

describe('operations: /metrics and the read models in /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadSeedStory(t.app);
  });
  afterAll(() => t.close());

  it('reports the read models caught up with the log, with the position and events applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    const { readModels } = res.json().checks;
    expect(readModels.status).toBe('up');
    expect(readModels.position).toBe(readModels.head);
    expect(readModels.eventsApplied).toBe(Number(readModels.head));
  });

  it('counts requests by route pattern and status, never by id, in the Prometheus format', async () => {
    await t.app.inject({ method: 'GET', url: '/v1/organisations/tree' });
    await t.app.inject({ method: 'GET', url: '/v1/organisations/00000000-0000-4000-8000-000000000001' });
    await t.app.inject({ method: 'GET', url: '/v1/organisations/00000000-0000-4000-8000-000000000002' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toBe(Registry.PROMETHEUS_CONTENT_TYPE);
    const text = res.body;
    expect(text).toContain('baytaq_http_requests_total{method="GET",route="/v1/organisations/tree",status="200"} 1');
    expect(text).toContain('baytaq_http_requests_total{method="GET",route="/v1/organisations/:id",status="404"} 2');
    expect(text).not.toContain('00000000-0000-4000-8000');
    expect(text).toMatch(
      /baytaq_http_request_duration_seconds_count\{method="GET",route="\/v1\/organisations\/:id"\} 2/,
    );
    expect(text).toContain('baytaq_read_models_caught_up 1');
    expect(text).toContain('baytaq_event_store_up 1');
    const applied = Number(/baytaq_read_models_events_applied (\d+)/.exec(text)![1]);
    expect(applied).toBeGreaterThan(20);
  });

  it("serves prom-client's default process metrics beside the service's own", async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value('nodejs_heap_size_total_bytes')).toBeGreaterThan(1e6);
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(1e6);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds [\d.e-]+$/m);
    expect(value('nodejs_heap_used_bytes')).toBeGreaterThan(1e6);
    expect(value('process_uptime_seconds')).toBeGreaterThanOrEqual(0);
  });
});
