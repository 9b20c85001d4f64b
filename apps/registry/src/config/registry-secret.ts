import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegistryConfig } from './registry-config';

export const IIN_SECRET_FILE = 'iin-hmac.key';

/**
 * The registry's HMAC secret (REGISTRY_IIN_SECRET, or generated on first start into the data
 * directory): it keys what must not be reversible into personal data, IIN reservation streams'
 * names first of all.
 */
export function registrySecret(config: RegistryConfig): Buffer {
  if (config.iinSecret) return Buffer.from(config.iinSecret, 'utf8');
  const file = join(config.dataDir, IIN_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

/** A key of its own for each use of the secret, so that one use's digests say nothing of another's. */
export function derivedSecret(config: RegistryConfig, purpose: string): Buffer {
  return createHmac('sha256', registrySecret(config)).update(purpose).digest();
}
