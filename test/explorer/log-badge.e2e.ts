import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS as S } from '../../apps/tools/src/demo/seed-story';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildExplorer, launchChromium, screenshotDir } from './explorer-harness';

/** The page's globals the callbacks run in the browser use (the tests compile without the DOM library). */
interface PageGlobals {
  document: { querySelector(selector: string): { dataset: Record<string, string | undefined> } | null };
}

describe('the explorer proves in the browser that an organisation history is in the signed log', () => {
  let build: { dir: string; remove(): void };
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  const orgPath = `#/organisation/${S.region}`;

  const settled = () =>
    page.waitForFunction(() => {
      const badge = (globalThis as unknown as PageGlobals).document.querySelector('.log-badge');
      return badge !== null && badge.dataset['log'] !== 'checking';
    });
  const badge = () => page.locator('.log-badge');
  const text = async (path: string) => (await fetch(`${base}${path}`)).text();

  beforeAll(async () => {
    [build, browser] = await Promise.all([buildExplorer(), launchChromium()]);
    t = await startTestApp({ REGISTRY_EXPLORER_DIR: build.dir });
    await loadSeedStory(t.app);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    build?.remove();
  });

  it('shows the checkpoint it verified against (size, root, key), with a link that cites that size', async () => {
    await page.goto(`${base}/${orgPath}`);
    await settled();
    const note = await text('/v1/log/checkpoint');
    const [, size, root] = note.split('\n');
    const key = (await text('/v1/log/key')).trim();
    const shown = (await badge().textContent())!;
    const rootHex = Buffer.from(root!, 'base64').toString('hex').slice(0, 16);
    const history = await (await fetch(`${base}/v1/organisations/${S.region}/history`)).json();
    const events = (history as { entries: unknown[] }).entries.length;
    expect(shown).toContain(`✓ Verified: ${events} events checked in this browser against the signed checkpoint`);
    expect(shown).toContain(`of size ${size}, root ${rootHex}…`);
    expect(shown).toContain(`Ed25519 signature checked with the key: ${key}`);
    // The log grows; the cited link keeps the checkpoint that was seen.
    await fetch(`${base}/v1/organisations/${S.region}/renamings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: { ru: 'Синтетов филиал', kk: 'Синтетов', en: 'Testov branch' },
        effectiveDate: '2024-06-01',
      }),
    });
    await page.getByRole('link', { name: `Link citing checkpoint ${size}` }).click();
    await page.waitForURL(new RegExp(`logSize=${size}`));
    await page.reload();
    await settled();
    // At the cited size the new renaming is not in the tree: the badge says so, and why.
    expect(await badge().textContent()).toContain('✗ Not verified');
  });

  it('refuses what does not verify: a checkpoint size beyond the log is named', async () => {
    await page.goto(`${base}/${orgPath}?logSize=99999999`);
    await settled();
    expect(await badge().getAttribute('data-log')).toBe('failed');
    expect(await badge().textContent()).toMatch(/✗ Not verified: .*size/);
  });

  it('has no serious or critical accessibility violation, at 1280 and 390 px (screenshots saved)', async () => {
    const violations: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/${orgPath}`);
      await settled();
      const found = await new AxeBuilder({ page }).setLegacyMode().analyze();
      for (const v of found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        violations.push(`${width}px ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      await page.screenshot({ path: join(screenshotDir(), `log-badge-${width}.png`), fullPage: true });
    }
    expect(violations).toEqual([]);
  });
});
