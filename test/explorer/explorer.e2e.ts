import AxeBuilder from '@axe-core/playwright';
import { makeIin } from '@baytaq/domain';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { nameBasedUuid } from '../../apps/registry/src/commands/deterministic-id';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS as S } from '../../apps/tools/src/demo/seed-story';
import { startTestApp, type TestApp } from '../support/test-app';
import { adminApi, buildExplorer, launchChromium, screenshotDir } from './explorer-harness';

/** The seed story's post of the regional chairman (its ids are name-based). */
const REGION_CHAIR_POST = nameBasedUuid('demo/post/region-chairman');
/** The page's globals the callbacks run in the browser use (the tests compile without the DOM library). */
interface PageGlobals {
  document: {
    querySelector(selector: string): { dataset: Record<string, string | undefined>; textContent: string | null } | null;
    documentElement: { lang: string };
    activeElement: unknown;
  };
  location: { hash: string };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  localStorage: object;
}

/** The accessibility rules whose outcome a narrow screen can change. */
const NARROW_RULES = ['scrollable-region-focusable', 'target-size', 'meta-viewport', 'region', 'landmark-one-main'];
const RENAMING_REASON = 'Синтетическая опечатка: entered in error';

describe('the explorer in headless Chromium, on the demo data', () => {
  let build: { dir: string; remove(): void };
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** A moment after every write of the set-up: views cited at it do not move. */
  let pinned: string;
  let beforeRetraction: string;

  const api = adminApi(
    () => base,
    () => t.adminKey,
  );

  beforeAll(async () => {
    [build, browser] = await Promise.all([buildExplorer(), launchChromium()]);
    t = await startTestApp({ REGISTRY_EXPLORER_DIR: build.dir });
    await loadSeedStory(t.app);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const renamed = await api('POST', `/v1/organisations/${S.temirtauCity}/renamings`, {
      name: { ru: 'Темиртауский филиал (опечатка)', kk: 'Теміртау (қате)', en: 'Temirtau (typo)' },
      effectiveDate: '2024-01-01',
    });
    const eventId = ((await renamed.json()) as { eventIds: string[] }).eventIds[0]!;
    await new Promise((r) => setTimeout(r, 20));
    beforeRetraction = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await api('POST', `/v1/events/${eventId}/retraction`, { reason: RENAMING_REASON });
    await new Promise((r) => setTimeout(r, 20));
    pinned = new Date().toISOString();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    build?.remove();
  });

  const main = () => page.locator('main');
  /** The page shows the route in the address bar, and nothing of it is loading any more. */
  const ready = () =>
    page.waitForFunction(() => {
      const w = globalThis as unknown as PageGlobals;
      const shown = w.document.querySelector('main');
      return shown?.dataset['route'] === w.location.hash && !shown.textContent?.includes('Loading…');
    });
  /** Types the day as people here write it (DD.MM.YYYY) and presses Enter. */
  const setDay = async (day: string) => {
    await page.getByLabel('As of').fill(`${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`);
    await page.getByLabel('As of').press('Enter');
    await page.waitForURL(new RegExp(`asOf=${day}`));
    await ready();
  };

  it('answers who chaired the Karaganda regional branch on 1 February 2023, by clicking', async () => {
    await page.goto(`${base}/`);
    await ready();
    await setDay('2023-02-01');
    await main().getByRole('link', { name: 'Karaganda regional branch', exact: true }).click();
    await ready();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Karaganda regional branch');
    const chair = main().locator('.posts li', { hasText: 'Chairman of the regional branch' });
    expect(await chair.textContent()).toContain('Казитов Сейфул-Малик Туреханович');
    expect(await chair.textContent()).toContain('10.01.2023');
    // The post's succession: one elected tenure, drawn as a bar.
    await chair.getByRole('link', { name: 'Chairman of the regional branch' }).click();
    await ready();
    expect(await main().locator('.tenure-item').allTextContents()).toEqual([
      expect.stringContaining('Казитов Сейфул-Малик Туреханович — elected, 10.01.2023 – present'),
    ]);
    expect(await main().locator('.timeline svg .m-elected rect').count()).toBe(1);
  });

  it('moves the tree from 9 to 10 January 2023 with the date control: the Karaganda branch appears', async () => {
    await page.goto(`${base}/#/statistics`);
    await page.getByRole('link', { name: 'Structure' }).first().click();
    await setDay('2023-01-09');
    const names = () => main().locator('.node-name').allTextContents();
    expect(await names()).toEqual(['Baytaq Green Party of Kazakhstan']);
    expect(await main().locator('.node').first().textContent()).toContain('Әміртай Азаматхан');
    await setDay('2023-01-10');
    expect(await names()).toEqual(
      expect.arrayContaining(['Karaganda regional branch', 'Karaganda city branch', 'Temirtau city branch']),
    );
    const region = main().locator('.node', {
      has: page.getByRole('link', { name: 'Karaganda regional branch', exact: true }),
    });
    expect(await region.textContent()).toContain('Казитов');
    expect(page.url()).toContain('asOf=2023-01-10');
    // The link that cites the view carries the moment the API answered for, and shows the same tree.
    const answered = (await main().locator('.answered').textContent())!;
    await main().getByRole('link', { name: 'Link to exactly this view' }).click();
    await page.waitForURL(/knownAt=\d{4}-\d{2}-\d{2}T/);
    await ready();
    const knownAt = new URL(page.url().replace('#/tree', '')).searchParams.get('knownAt')!;
    expect(answered).toContain(
      `${knownAt.slice(8, 10)}.${knownAt.slice(5, 7)}.${knownAt.slice(0, 4)} ${knownAt.slice(11, 19)} UTC`,
    );
    expect(await names()).toEqual(expect.arrayContaining(['Karaganda regional branch']));
  });

  it('finds every post Kazitov held from a search in Kazakh letters, and the link keeps the moment', async () => {
    await page.goto(`${base}/#/tree?asOf=2023-02-01&knownAt=${pinned}`);
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel(/Name/).fill('Қазитов');
    await page.getByRole('button', { name: 'Find' }).click();
    await ready();
    await main()
      .getByRole('link', { name: /Казитов/ })
      .click();
    await ready();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Казитов Сейфул-Малик Туреханович');
    const rows = await main().locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(/Chairman of the regional branch.*Karaganda regional branch.*10\.01\.2023/),
    ]);
    expect(page.url()).toContain(`knownAt=${encodeURIComponent(pinned)}`);
  });

  it('marks a retracted entry of the history with when and why, and not when known before the retraction', async () => {
    await page.goto(`${base}/#/organisation/${S.temirtauCity}`);
    await ready();
    const history = (await (await api('GET', `/v1/organisations/${S.temirtauCity}/history`)).json()) as {
      entries: Array<{ type: string; retracted: { at: string } | null }>;
    };
    const at = history.entries.find((e) => e.retracted)!.retracted!.at;
    const shown = `${at.slice(8, 10)}.${at.slice(5, 7)}.${at.slice(0, 4)} ${at.slice(11, 19)} UTC`;
    const retracted = main().locator('tr.retracted');
    expect(await retracted.count()).toBe(1);
    const text = await retracted.textContent();
    expect(text).toContain('OrganisationRenamed');
    expect(text).toContain(`Retracted ${shown}, reason: ${RENAMING_REASON}`);
    await page.goto(`${base}/#/organisation/${S.temirtauCity}?knownAt=${beforeRetraction}`);
    await ready();
    expect(await main().locator('tr', { hasText: 'OrganisationRenamed' }).count()).toBe(1);
    expect(await main().locator('tr.retracted').count()).toBe(0);
  });

  it('opens the meeting an entry rests on, with its agenda and what it decided', async () => {
    await page.goto(`${base}/#/organisation/${S.region}`);
    await ready();
    await main().locator('tr', { hasText: 'OrganisationEstablished' }).getByRole('link', { name: 'Meeting' }).click();
    await page.waitForURL(new RegExp(`#/meeting/${S.temirtauMeeting}`));
    await ready();
    const details = await main().locator('dl').textContent();
    expect(details).toContain('10.01.2023');
    expect(details).toContain('Temirtau');
    expect(details).toContain('128');
    const decisions = await main().locator('.decisions li').allTextContents();
    expect(decisions).toEqual(
      expect.arrayContaining([
        expect.stringContaining('OrganisationEstablished · Karaganda regional branch'),
        expect.stringContaining('Chairman of the regional branch'),
      ]),
    );
  });

  it('shows the members by region on a day as a chart and a table', async () => {
    await page.getByRole('link', { name: 'Statistics' }).click();
    await setDay('2023-02-01');
    const karaganda = main().locator('tbody tr', { hasText: 'Karaganda Region' });
    expect(await karaganda.locator('td').allTextContents()).toEqual(['Karaganda Region', '350000000', '3']);
    expect(await main().locator('svg.bars rect').count()).toBe(20);
  });

  it('issues a filing with the key typed in, and downloads it with the SHA-256 the registry recorded', async () => {
    await page.goto(`${base}/#/staff?asOf=2023-02-01&knownAt=${pinned}`);
    await page.getByLabel('API key').fill(t.adminKey);
    await page.getByRole('button', { name: 'Use key' }).click();
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.getItem('baytaq.apiKey')),
    ).toBe(t.adminKey);
    expect(
      await page.evaluate(() => JSON.stringify((globalThis as unknown as PageGlobals).localStorage)),
    ).not.toContain(t.adminKey);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('pre.preview').waitFor();
    expect(await page.locator('pre.preview').textContent()).toContain('Карагандинский областной филиал');
    const preview = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(preview[0].suggestedFilename()).toBe('structure-ru.csv');
    expect(readFileSync((await preview[0].path())!).toString('utf8')).toMatch(/^\uFEFF/);
    await page.getByRole('button', { name: 'Issue' }).click();
    const issued = page.locator('p.issued');
    await issued.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      issued.getByRole('button', { name: /Download/ }).click(),
    ]);
    const filingId = /structure-(.+)\.pdf$/.exec(download.suggestedFilename())![1]!;
    const record = (await (await api('GET', `/v1/filings/${filingId}`)).json()) as {
      sha256: string;
      parameters: object;
    };
    expect(record.parameters).toMatchObject({ asOf: '2023-02-01', knownAt: pinned });
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.sha256);
    expect(await issued.locator('code').textContent()).toBe(record.sha256);
    expect(page.url()).not.toContain(t.adminKey);
  });

  it("lists an organisation's members on the day once a key is set, and not without one", async () => {
    await page.goto(`${base}/#/organisation/${S.temirtauCity}?asOf=2023-02-01`);
    await ready();
    expect(await main().locator('ul.members li').allTextContents()).toEqual([
      expect.stringContaining('Козловский Артём Валерьевич (From 10.01.2023'),
    ]);
    await page.goto(`${base}/#/organisation/${S.temirtauCity}?asOf=2023-01-09`);
    await ready();
    // The list is there (the read answered), and empty: nobody was a member the day before the founding.
    expect(await main().locator('ul.members').count()).toBe(1);
    expect(await main().locator('ul.members li').count()).toBe(0);
    await page.goto(`${base}/#/staff`);
    await page.getByRole('button', { name: 'Forget key' }).click();
    await page.goto(`${base}/#/organisation/${S.temirtauCity}?asOf=2023-02-01`);
    await ready();
    expect(await main().locator('ul.members').count()).toBe(0);
    await page.goto(`${base}/#/staff`);
    await page.getByLabel('API key').fill(t.adminKey);
    await page.getByRole('button', { name: 'Use key' }).click();
  });

  it('runs a member import as a dry run: its progress and the rejected rows as a table', async () => {
    const file = join(build.dir, 'members.csv');
    const good = `Синтетов,Тестжан,,${makeIin('1990-01-01', 'male', 17)},1990-01-01,KZ,${S.temirtauCity},2024-03-01,`;
    const bad = `Тестова,Синтия,,123,1991-02-02,KZ,${S.temirtauCity},2024-03-01,`;
    writeFileSync(
      file,
      `surname,given,patronymic,iin,birthDate,citizenship,branch,admissionDate,cardNumber\n${good}\n${bad}\n`,
    );
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.import-status', { hasText: 'Progress: 2 / 2 (done)' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('progress#import-progress').getAttribute('value')).toBe('2');
    const rejected = await page.locator('table.rejected tbody tr').allTextContents();
    expect(rejected).toEqual([expect.stringMatching(/^2iin/)]);
  });

  it('speaks kk, ru and en as the reader picks, and is usable by keyboard', async () => {
    await page.goto(`${base}/#/tree?asOf=2023-01-10`);
    await ready();
    await page.getByLabel('Language').selectOption('kk');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Құрылым');
    expect(await main().locator('.node-name').first().textContent()).toBe('Қазақстанның «Байтақ» жасылдар партиясы');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)).toBe('kk');
    await page.getByLabel('Тіл').selectOption('ru');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Структура');
    await page.getByLabel('Язык').selectOption('en');
    // Tab from the top of the page to the first organisation of the tree, and open it with Enter.
    const party = main().getByRole('link', { name: 'Baytaq Green Party of Kazakhstan' });
    for (
      let i = 0;
      i < 20 && !(await party.evaluate((a) => a === (globalThis as unknown as PageGlobals).document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/organisation/${S.party}`));
    await ready();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Baytaq Green Party of Kazakhstan');
  });

  it('has no serious or critical accessibility violation on any page, at 1280 and 390 px (screenshots saved)', async () => {
    const shots = screenshotDir();
    const pages: Array<[name: string, path: string]> = [
      ['tree', '#/tree?asOf=2023-01-10'],
      ['organisation', `#/organisation/${S.temirtauCity}?asOf=2023-02-01`],
      ['post', `#/post/${REGION_CHAIR_POST}?asOf=2023-02-01`],
      ['person', `#/person/${S.kazitov}`],
      ['meeting', `#/meeting/${S.temirtauMeeting}`],
      ['search', '#/search?q=kazitov'],
      ['statistics', '#/statistics?asOf=2023-02-01'],
      ['staff', `#/staff?asOf=2023-02-01&knownAt=${pinned}`],
    ];
    // The staff page with its panels, as a key shows them.
    await page.goto(`${base}/`);
    await page.evaluate(
      (key) => (globalThis as unknown as PageGlobals).sessionStorage.setItem('baytaq.apiKey', key),
      t.adminKey,
    );
    const violations: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const [name, path] of pages) {
        await page.goto(`${base}/${path}`);
        await ready();
        await page.locator('main h1').waitFor();
        // Legacy mode runs axe in the page itself: the explorer has no frames, and the default mode opens
        // a blank page per scan to merge the frames' results, which costs more than the scan.
        // At 390 px only the rules that depend on the width run again (the rest saw the same page at 1280).
        const axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
        const found = await (width === 390 ? axe.withRules(NARROW_RULES) : axe).analyze();
        for (const v of found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          violations.push(
            `${name} at ${width}px: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        }
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      }
    }
    expect(violations).toEqual([]);
  }, 60_000);
});
