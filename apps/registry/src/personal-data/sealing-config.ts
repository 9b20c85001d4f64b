import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERASED_NAME, SEALED_FIELDS, STREAM_PREFIX } from '@baytaq/domain';
import { masterKeyBytes, type SealingConfig } from '@baytaq/event-store';
import { type RegistryConfig } from '../config/registry-config';

/** The key store: people's data keys, apart from the log. */
export const KEYS_FILE = 'keys.sqlite';
/** Where the master key is generated on first start when `REGISTRY_MASTER_KEY` is not set. */
export const MASTER_KEY_FILE = 'master.key';

/** The master key: `REGISTRY_MASTER_KEY`, or the one generated into the data directory on first start. */
function masterKey(config: RegistryConfig): string {
  if (config.masterKey) return config.masterKey;
  const file = join(config.dataDir, MASTER_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  const key = readFileSync(file, 'utf8').trim();
  try {
    masterKeyBytes(key);
  } catch {
    throw new Error(`${file} does not hold a master key (64 hex digits)`);
  }
  return key;
}

/**
 * How the store seals people's events: the domain's sealed fields and what an erased one reads
 * as (DOMAIN.md "Personal data and erasure"), the key store beside the log.
 */
export function sealingConfig(config: RegistryConfig): SealingConfig {
  return {
    keysFile: join(config.dataDir, KEYS_FILE),
    masterKey: masterKey(config),
    streamPrefix: STREAM_PREFIX.person,
    fields: SEALED_FIELDS,
    // `latinName` and `cardNumber` are left out: an erased one reads as absent.
    erased: { name: ERASED_NAME, personal: {} },
  };
}
