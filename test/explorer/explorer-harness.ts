import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');

/** Debian's chromium; when it cannot start, the suite fails (it never skips). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Builds the explorer with Vite's JS API into a fresh directory, in a child process: Vite is an ES
 * module, which Jest's CommonJS runtime cannot load. Tests so never depend on an earlier `npm run build`.
 */
export async function buildExplorer(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'baytaq-explorer-build-'));
  const script = `import { build } from 'vite';
    await build({ configFile: ${JSON.stringify(join(ROOT, 'apps/explorer/vite.config.ts'))}, logLevel: 'error',
      build: { outDir: ${JSON.stringify(dir)}, emptyOutDir: true } });`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    timeout: 20_000,
  });
}

/** Where the suite saves its screenshots (not in the repository): EXPLORER_SCREENSHOTS, or one in the temp dir. */
export function screenshotDir(): string {
  const dir = process.env['EXPLORER_SCREENSHOTS'] ?? join(tmpdir(), 'baytaq-explorer-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** An admin's calls to the service the browser looks at, for a suite's set-up: a refusal throws. */
export function adminApi(base: () => string, adminKey: () => string) {
  return async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
}
