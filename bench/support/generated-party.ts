import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** How many members the generated party of the read-side benchmarks has (BENCH_MEMBERS). */
export const GENERATED_MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 1_000_000);

/**
 * The data directory of the generated party: BENCH_DATA_DIR, or one per member count in BENCH_DIR
 * or the temp directory. Benchmarks keep and reuse it: generating a million members takes minutes.
 */
export const GENERATED_DATA_DIR = resolve(
  process.env['BENCH_DATA_DIR'] ?? join(process.env['BENCH_DIR'] ?? tmpdir(), `baytaq-reads-${GENERATED_MEMBERS}`),
);

export const GENERATED_STORE_FILE = join(GENERATED_DATA_DIR, 'registry.sqlite');

/** Generates the party with the built generator unless its store is there already. */
export function ensureGeneratedParty(out: (line: string) => void): void {
  if (existsSync(GENERATED_STORE_FILE)) {
    out(`reusing ${GENERATED_DATA_DIR}`);
    return;
  }
  out(`generating ${GENERATED_MEMBERS} members into ${GENERATED_DATA_DIR} ...`);
  const generator = 'dist/apps/tools/src/generate/generate.main.js';
  const args = [generator, '--members', String(GENERATED_MEMBERS), '--data-dir', GENERATED_DATA_DIR];
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the generator exited with ${run.status}`);
}
