import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

const PAGE = '<!doctype html><title>explorer under test</title>';

describe('the explorer served at / by the registry', () => {
  let built: string;
  let t: TestApp;
  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), 'baytaq-explorer-files-'));
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), PAGE);
    writeFileSync(join(built, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestApp({ REGISTRY_EXPLORER_DIR: built });
  });
  afterAll(async () => {
    await t.close();
    rmSync(built, { recursive: true, force: true });
  });
  const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') =>
    t.app.getHttpAdapter().getInstance().inject({ method, url });

  it('answers / and its files', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toBe(PAGE);
    const script = await get('/assets/app.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('answers a client-side route with the page', async () => {
    const page = await get('/organisation/34d26a10-8857-599a-a5e5-9799a99a4eb4?asOf=2023-01-10');
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(PAGE);
  });

  it('leaves the API, Swagger and operations as they were: unknown API paths stay 404 problems, wrong methods 405', async () => {
    const unknown = await get('/v1/no-such-thing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json()).toMatchObject({ code: 'route.not_found' });
    expect((await get('/v1/organisations/tree')).json()).toHaveProperty('roots');
    expect((await get('/docs-json')).json()).toHaveProperty('openapi');
    expect((await get('/health')).statusCode).toBe(200);
    const wrongMethod = await get('/v1/filings', 'GET');
    expect(wrongMethod.statusCode).toBe(405);
    expect((await get('/somewhere', 'POST')).statusCode).toBe(404);
  });
});

describe('the registry without a built explorer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REGISTRY_EXPLORER_DIR: join(tmpdir(), 'baytaq-no-explorer-here') });
  });
  afterAll(() => t.close());

  it('answers / with a problem that says to run npm run build, and the API still works', async () => {
    const inject = t.app.getHttpAdapter().getInstance().inject.bind(t.app.getHttpAdapter().getInstance());
    const page = await inject({ url: '/' });
    expect(page.statusCode).toBe(404);
    expect(page.json()).toMatchObject({ code: 'explorer.not_built', detail: expect.stringContaining('npm run build') });
    expect((await inject({ url: '/v1/organisations/tree' })).statusCode).toBe(200);
  });
});
