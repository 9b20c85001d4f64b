import { ConfigError, loadConfig } from '../../../registry/src/config/registry-config';
import { type ReplayProgress } from '@baytaq/read-models';
import { rebuildReadModels } from './rebuild-read-models';

/** `npm run rebuild`: every read model again from the log, with progress on a terminal. */
function progressLine(p: ReplayProgress): string {
  const percent = p.total === 0 ? 100 : (100 * p.done) / p.total;
  return (
    `rebuilding read models: ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} events ` +
    `(${percent.toFixed(1)}%), ${Math.round(p.rate).toLocaleString('en')} events/s, ` +
    `${Math.ceil(p.secondsLeft)} s left`
  );
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  const outcome = await rebuildReadModels(config, (p) => {
    const now = Date.now();
    if (tty) process.stderr.write(`\r${progressLine(p)}\x1b[K`);
    else if (now - lastPrinted >= 5_000) {
      process.stderr.write(`${progressLine(p)}\n`);
      lastPrinted = now;
    }
  });
  if (tty) process.stderr.write('\n');
  const rate = outcome.events / Math.max(outcome.seconds, 1e-9);
  process.stdout.write(
    `rebuilt the read models from ${outcome.events} events in ${outcome.seconds.toFixed(1)} s ` +
      `(${Math.round(rate)} events/s)\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
