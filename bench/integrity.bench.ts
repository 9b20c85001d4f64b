/**
 * npm run bench:integrity (issue 14): the cost of the log's tree on commands (integrity-commands),
 * then the verify and proof-latency targets of integrity-verify.bench.ts when it is there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommandCost } from './integrity-commands.bench';

async function main(): Promise<void> {
  await runCommandCost();
  const verifyPart = join(__dirname, 'integrity-verify.bench.ts');
  if (existsSync(verifyPart)) {
    const { runVerifyTargets } = (await import(verifyPart)) as { runVerifyTargets(): Promise<void> };
    await runVerifyTargets();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
