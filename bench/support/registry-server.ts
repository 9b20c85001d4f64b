import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BENCH_ADMIN_KEY = 'bq_BENCH-ONLY-synthetic-admin-key-00000000000';

export interface BenchServer {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * The built service in a child process (so that the load generator has its own event loop), on a
 * fresh data directory, or on `existingDataDir`, which it then leaves in place.
 */
export async function startBuiltServer(
  port: number,
  env: Record<string, string> = {},
  existingDataDir?: string,
): Promise<BenchServer> {
  const dataDir = existingDataDir ?? mkdtempSync(join(resolve(process.env['BENCH_DIR'] ?? tmpdir()), 'baytaq-bench-'));
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the service alone.
  const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, resolve('dist/apps/registry/src/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      REGISTRY_DATA_DIR: dataDir,
      REGISTRY_ADMIN_KEY: BENCH_ADMIN_KEY,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`the service exited with ${code} before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('registry listening')) ready();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async close() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `task(i)` for i in [0, count) with `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
