import AxeBuilder from '@axe-core/playwright';
import { makeIin } from '@baytaq/domain';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS as S } from '../../apps/tools/src/demo/seed-story';
import { startTestApp, type TestApp } from '../support/test-app';
import { adminApi, buildExplorer, launchChromium, screenshotDir } from './explorer-harness';

/** The page's globals the callbacks run in the browser use (the tests compile without the DOM library). */
interface PageGlobals {
  document: {
    querySelector(selector: string): { dataset: Record<string, string | undefined>; textContent: string | null } | null;
  };
  location: { hash: string };
  sessionStorage: { setItem(key: string, value: string): void };
}

const ERASURE = { reason: 'Синтетический запрос субъекта', legalBasis: 'Law of RK No. 94-V "On Personal Data"' };

describe('the explorer shows erased people: the day, no personal field, officers by their public name', () => {
  let build: { dir: string; remove(): void };
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let member: string;
  let erasedOn: string;

  const call = adminApi(
    () => base,
    () => t.adminKey,
  );
  const api = async (method: string, path: string, body?: unknown) =>
    (await call(method, path, body)).json() as Promise<Record<string, unknown>>;
  const found = async (q: string) =>
    ((await api('GET', `/v1/people?q=${encodeURIComponent(q)}`)) as { items: Array<{ id: string }> }).items;
  const ready = () =>
    page.waitForFunction(() => {
      const w = globalThis as unknown as PageGlobals;
      const shown = w.document.querySelector('main');
      return shown?.dataset['route'] === w.location.hash && !shown.textContent?.includes('Loading…');
    });
  const main = () => page.locator('main');

  beforeAll(async () => {
    [build, browser] = await Promise.all([buildExplorer(), launchChromium()]);
    t = await startTestApp({ REGISTRY_EXPLORER_DIR: build.dir });
    await loadSeedStory(t.app);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const registered = await api('POST', '/v1/people', {
      name: { surname: 'Синтетов', given: 'Стиратбек' },
      iin: makeIin('1991-03-03', 'male', 41),
      birthDate: '1991-03-03',
      citizenship: 'KZ',
    });
    member = (registered['id'] ?? (registered as { personId?: string }).personId) as string;
    // The search finds them before the erasure: its not finding them afterwards is the erasure's doing.
    expect((await found('Стиратбек')).map((p) => p.id)).toEqual([member]);
    await api('POST', `/v1/people/${member}/erasure`, ERASURE);
    erasedOn = ((await api('POST', `/v1/people/${S.kazitov}/erasure`, ERASURE)) as { erased: { on: string } }).erased
      .on;
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}/`);
    await page.evaluate(
      (key) => (globalThis as unknown as PageGlobals).sessionStorage.setItem('baytaq.apiKey', key),
      t.adminKey,
    );
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    build?.remove();
  });

  const search = async (q: string) => {
    await page.getByRole('link', { name: 'Search' }).first().click();
    await ready();
    await page.getByLabel(/Name/).fill(q);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(new RegExp(`q=${encodeURIComponent(q)}`));
    await ready();
  };

  it('no longer finds an erased member who held no post', async () => {
    await page.goto(`${base}/`);
    await ready();
    await search('Стиратбек');
    expect(await main().textContent()).toContain('Nobody found');
  });

  it("shows an erased officer's page with the day of the erasure, and keeps their posts by public name", async () => {
    // An erased person keeps no search words: the officer is reached through the post they held.
    await page.goto(`${base}/#/organisation/${S.region}?asOf=2023-02-01`);
    await ready();
    await main()
      .locator('.posts')
      .getByRole('link', { name: /Казитов/ })
      .first()
      .click();
    await ready();
    const note = (await main().locator('.erased').textContent())!;
    const shownDay = `${erasedOn.slice(8, 10)}.${erasedOn.slice(5, 7)}.${erasedOn.slice(0, 4)}`;
    expect(note).toContain(`Personal data erased on ${shownDay}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Казитов');
    const positions = await main().locator('table').textContent();
    expect(positions).toContain('Chairman of the regional branch');
    // Their succession still names them.
    await main().getByRole('link', { name: 'Chairman of the regional branch' }).first().click();
    await ready();
    expect(await main().locator('.tenure-item').allTextContents()).toEqual([expect.stringContaining('Казитов')]);
  });

  it("shows an erased member's page without a name or any personal field", async () => {
    await page.goto(`${base}/#/person/${member}`);
    await ready();
    const text = (await main().textContent())!;
    expect(text).toContain('Personal data erased on');
    expect(text).not.toMatch(/Синтетов|Стиратбек|1991/);
  });

  it('has no serious or critical accessibility violation, at 1280 and 390 px (screenshots saved)', async () => {
    const violations: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, id] of [
        ['erased-officer', S.kazitov],
        ['erased-member', member],
      ] as const) {
        await page.goto(`${base}/#/person/${id}`);
        await ready();
        const found = await new AxeBuilder({ page }).setLegacyMode().analyze();
        for (const v of found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          violations.push(`${name} ${width}px ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
        await page.screenshot({ path: join(screenshotDir(), `${name}-${width}.png`), fullPage: true });
      }
    }
    expect(violations).toEqual([]);
  });
});
