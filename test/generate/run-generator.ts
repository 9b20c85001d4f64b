import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@baytaq/event-store';
import { loadConfig } from '../../apps/registry/src/config/registry-config';
import { sealingConfig } from '../../apps/registry/src/personal-data/sealing-config';
import { startTestAppIn, type TestApp } from '../support/test-app';

const root = join(__dirname, '..', '..');
const MAIN = join(root, 'apps/tools/src/generate/generate.main.ts');

/** Synthetic and fixed, so that two data directories name their IIN reservation streams alike. */
export const TEST_IIN_SECRET = 'synthetic-test-secret-for-iin-reservations';

/** `npm run generate` as a child process (without the build): its exit status and what it printed. */
export function runGenerator(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', MAIN, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_IIN_SECRET: TEST_IIN_SECRET, REGISTRY_DATA_DIR: '' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every event of a data directory's store, in log order, unsealed with the directory's master key. */
export async function readLog(dataDir: string): Promise<RecordedEvent[]> {
  const sealing = sealingConfig(loadConfig({ REGISTRY_DATA_DIR: dataDir }));
  const store = SqliteEventStore.open(join(dataDir, 'registry.sqlite'), { sealing });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

/** The log by stream, each stream's events in order. */
export function byStream(log: RecordedEvent[]): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of log) {
    const list = streams.get(event.stream);
    if (list) list.push(event);
    else streams.set(event.stream, [event]);
  }
  return streams;
}

/**
 * A party generated into a fresh data directory, then read (`onLog`, before the app locks the
 * store) and served by the app; `close` removes the directory, which a failed start removes too.
 */
export async function startGeneratedApp(
  members: number,
  seed: number,
  onLog: (log: RecordedEvent[]) => void = () => undefined,
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baytaq-generated-'));
  try {
    const run = runGenerator(['--members', String(members), '--seed', String(seed), '--data-dir', dataDir]);
    if (run.status !== 0 || run.stderr !== '')
      throw new Error(`the generator exited with ${run.status}: ${run.stderr}`);
    onLog(await readLog(dataDir));
    return await startTestAppIn(dataDir, { REGISTRY_IIN_SECRET: TEST_IIN_SECRET });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The IINs of the people the log registered with one. */
export function registeredIins(log: RecordedEvent[]): string[] {
  return log
    .filter((e) => e.type === 'PersonRegistered')
    .map((e) => (e.data['personal'] as { iin?: string }).iin ?? '')
    .filter((iin) => iin !== '');
}
