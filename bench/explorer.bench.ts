/**
 * npm run bench:explorer: the explorer in Debian's Chromium on the generated party (BENCH_MEMBERS,
 * default 1,000,000; the data directory of bench:reads, generated when missing). Each sample is a
 * fresh page, timed in the browser from the start of navigation (performance.now() counts from it)
 * to the content being visible: the tree's organisations with their member counts, and a post's
 * succession timeline (the post with the most tenures). The slowest sample is the measure.
 */
import Database from 'better-sqlite3';
import { chromium, type Browser } from 'playwright-core';
import { ensureGeneratedParty, GENERATED_DATA_DIR, GENERATED_STORE_FILE } from './support/generated-party';
import { startBuiltServer } from './support/registry-server';

const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 5);
const AS_OF = '2026-01-01';
const out = (line: string) => process.stdout.write(`${line}\n`);

/** The post whose succession is longest: the timeline with the most bars to draw. */
function busiestPost(): { postId: string; tenures: number } {
  const db = new Database(GENERATED_STORE_FILE, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT post_id AS postId, count(DISTINCT tenure_id) AS tenures FROM rm_tenure
         GROUP BY post_id ORDER BY tenures DESC LIMIT 1`,
      )
      .get() as { postId: string; tenures: number } | undefined;
    if (!row) throw new Error('the generated party has no tenures');
    return row;
  } finally {
    db.close();
  }
}

/** Milliseconds from navigation start to `visible` holding in the page, the slowest of SAMPLES fresh pages. */
async function timeToVisible(browser: Browser, url: string, visible: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(visible, { state: 'visible', timeout: 60_000 });
    samples.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return samples;
}

const summary = (samples: number[]) =>
  `min ${Math.min(...samples).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms over ${samples.length} pages`;

async function main(): Promise<void> {
  ensureGeneratedParty(out);
  // A first start on a freshly generated store builds its read models: that is bench:reads' measure, not this one's.
  const server = await startBuiltServer(Number(process.env['BENCH_PORT'] ?? 3923), {}, GENERATED_DATA_DIR);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const tree = await timeToVisible(browser, `${server.url}/#/tree?asOf=${AS_OF}`, 'ul.tree .node-count');
    const nodes = await countTreeNodes(browser, `${server.url}/#/tree?asOf=${AS_OF}`);
    out(`tree on ${AS_OF} (${nodes} organisations): ${summary(tree)}`);
    const { postId, tenures } = busiestPost();
    const timeline = await timeToVisible(
      browser,
      `${server.url}/#/post/${postId}?asOf=${AS_OF}`,
      'svg[role="img"] rect[rx]',
    );
    out(`timeline of post ${postId} (${tenures} tenures): ${summary(timeline)}`);
    out(`TARGET explorer_tree_ms ${Math.max(...tree).toFixed(0)} ms (goal <= 2000)`);
    out(`TARGET explorer_timeline_ms ${Math.max(...timeline).toFixed(0)} ms (goal <= 1000)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function countTreeNodes(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('ul.tree .node-count', { state: 'visible', timeout: 60_000 });
  const count = await page.locator('ul.tree .node').count();
  await page.close();
  return count;
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exitCode = 1;
});
