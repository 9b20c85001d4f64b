import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@baytaq/event-store';

const root = join(__dirname, '..', '..');
const MAIN = join(root, 'apps/registry/src/generate/generate.main.ts');

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

/** Every event of a data directory's store, in log order. */
export async function readLog(dataDir: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open(join(dataDir, 'registry.sqlite'));
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
