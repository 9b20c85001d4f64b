import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/registry-config';
import { createApp } from './create-app';
import { processLogger } from './logging/process-logger';

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
  const logger = processLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  // Whatever LOG_LEVEL says, like the first admin key: it is how a supervisor learns the port is open.
  logger
    .child({ context: 'main' }, { level: 'info' })
    .info({ url, docs: `${url}/docs`, store: config.store, dataDir: config.dataDir }, 'registry listening');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `baytaq-registry: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
