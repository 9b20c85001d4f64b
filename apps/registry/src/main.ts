import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/registry-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`baytaq-registry: invalid configuration: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(
    `${JSON.stringify({ level: 'info', msg: 'registry listening', url: `http://${config.host}:${port}`, docs: `http://${config.host}:${port}/docs`, store: config.store, dataDir: config.dataDir })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `baytaq-registry: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
