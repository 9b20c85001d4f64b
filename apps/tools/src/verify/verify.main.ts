import { ConfigError, loadConfig } from '../../../registry/src/config/registry-config';
import { verifyLog } from './verify-log';

/** `npm run verify`: exit 0 when the log, its tree and its checkpoints agree; 1 naming the first difference. */
function main(): void {
  const config = loadConfig(process.env);
  const tty = process.stdout.isTTY;
  let lastShown = 0;
  const outcome = verifyLog(config.dataDir, config.logKey, (done, total) => {
    if (!tty || Date.now() - lastShown < 200) return;
    lastShown = Date.now();
    process.stdout.write(
      `\rverifying the log: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} leaves\x1b[K`,
    );
  });
  if (tty) process.stdout.write('\r\x1b[K');
  const rate = Math.round(outcome.events / Math.max(outcome.seconds, 1e-9));
  const summary =
    `${outcome.events} events, tree of ${outcome.treeSize} leaves, ${outcome.checkpoints} kept checkpoints, ` +
    `${outcome.seconds.toFixed(1)} s (${rate} events/s)`;
  if (outcome.ok) {
    process.stdout.write(`log verified: ${summary}\n`);
    return;
  }
  process.stdout.write(`log NOT verified: ${outcome.problems[0]}\n`);
  for (const more of outcome.problems.slice(1, 20)) process.stdout.write(`  also: ${more}\n`);
  if (outcome.problems.length > 20) process.stdout.write(`  and ${outcome.problems.length - 20} more\n`);
  process.stdout.write(`${summary}\n`);
  process.exitCode = 1;
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
