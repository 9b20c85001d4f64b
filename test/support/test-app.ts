import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RegistryConfig } from '../../apps/registry/src/config/registry-config';
import { createApp } from '../../apps/registry/src/create-app';

export interface TestApp {
  app: NestFastifyApplication;
  config: RegistryConfig;
  dataDir: string;
  close(): Promise<void>;
}

/** The real application on a real sqlite file in a fresh data directory, driven through Fastify's inject. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baytaq-app-'));
  const config = loadConfig({ REGISTRY_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
