import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RegistryConfig } from '../../apps/registry/src/config/registry-config';
import { createApp } from '../../apps/registry/src/create-app';

/** The admin key test apps start with (REGISTRY_ADMIN_KEY): synthetic, never a real secret. */
export const TEST_ADMIN_KEY = 'bq_TEST-ONLY-synthetic-admin-key-0000000000';

export interface TestApp {
  app: NestFastifyApplication;
  config: RegistryConfig;
  /** An admin API key of the app: send it as `authorization: Bearer <adminKey>`. Empty when the test turned REGISTRY_ADMIN_KEY off. */
  adminKey: string;
  dataDir: string;
  close(): Promise<void>;
}

/** The real application on a real sqlite file in a fresh data directory, driven through Fastify's inject. */
export function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestAppIn(mkdtempSync(join(tmpdir(), 'baytaq-app-')), env);
}

/** The same on a data directory that holds a store already (a generated party, say); `close` removes it. */
export async function startTestAppIn(dataDir: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    REGISTRY_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    REGISTRY_ADMIN_KEY: TEST_ADMIN_KEY,
    ...env,
  });
  const app = await createApp(config);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    adminKey: config.adminKey ?? '',
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
