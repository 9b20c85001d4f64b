import { ConfigError, loadConfig, type RegistryConfig } from '../../../registry/src/config/registry-config';
import { verifyLog, verifyMirroredLog, type VerifyOutcome } from './verify-log';

/** The embedded store's file; with REGISTRY_STORE=kurrentdb, $all against the mirror its follower hashed. */
async function verify(
  config: RegistryConfig,
  onProgress: (done: number, total: number) => void,
): Promise<VerifyOutcome> {
  if (config.store !== 'kurrentdb') return verifyLog(config.dataDir, config.logKey, onProgress);
  // Loaded only then, as the service loads it. No sealing: the tree hashes the events as the server holds them.
  const { KurrentDbEventStore } = await import('@baytaq/event-store/kurrentdb/kurrentdb-event-store');
  const store = KurrentDbEventStore.fromConnectionString(config.kurrentDbUrl!);
  try {
    return await verifyMirroredLog(config.dataDir, config.logKey, store, onProgress);
  } finally {
    await store.close();
  }
}

/** `npm run verify`: exit 0 when the log, its tree and its checkpoints agree; 1 naming the first difference. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const tty = process.stdout.isTTY;
  let lastShown = 0;
  const outcome = await verify(config, (done, total) => {
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
