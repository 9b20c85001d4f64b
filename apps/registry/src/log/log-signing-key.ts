import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSignerKey, parseSignerKey, signerFromSeed, type NoteSigner } from './signed-note';

export const LOG_SIGNING_KEY_FILE = 'log-signing.key';

/**
 * The log's origin and key name when the key is generated: `baytaq-registry/` and 16 hex digits
 * drawn once. It is the log's identity, kept in the key file with the key, so it outlives restarts;
 * a rotated key given by REGISTRY_LOG_KEY keeps the log's identity by carrying the same name.
 */
export const ORIGIN_PREFIX = 'baytaq-registry/';

/** REGISTRY_LOG_KEY when given (validated by the configuration), else the data directory's key, made on first start. */
export function loadLogSigner(dataDir: string, configured: string | undefined): NoteSigner {
  if (configured !== undefined) return parseSignerKey(configured);
  const file = join(dataDir, LOG_SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const signer = signerFromSeed(`${ORIGIN_PREFIX}${randomBytes(8).toString('hex')}`, randomBytes(32));
    writeFileSync(file, `${formatSignerKey(signer)}\n`, { mode: 0o600, flag: 'wx' });
  }
  try {
    return parseSignerKey(readFileSync(file, 'utf8').trim());
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
