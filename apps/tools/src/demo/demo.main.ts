import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../../registry/src/config/registry-config';
import { createApp } from '../../../registry/src/create-app';
import { loadSeedStory } from './load-seed-story';

/** `npm run demo`: the seed story into REGISTRY_DATA_DIR (or the KurrentDB of REGISTRY_STORE). */
async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const app = await createApp(config);
  try {
    const { applied, replayed } = await loadSeedStory(app);
    process.stdout.write(
      `${JSON.stringify({ level: 'info', msg: 'seed story loaded', applied, alreadyPresent: replayed, store: config.store, dataDir: config.dataDir })}\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? `invalid configuration: ${error.message}` : String((error as Error)?.stack ?? error);
  process.stderr.write(`baytaq-registry demo: ${message}\n`);
  process.exit(1);
});
