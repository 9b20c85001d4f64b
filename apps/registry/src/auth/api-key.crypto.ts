import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Marks a string as a Baytaq key, so that secret scanners and people can recognise a leaked one. */
export const API_KEY_PREFIX = 'bq_';

/** 32 random bytes: enough entropy that a plain SHA-256 is a safe verifier (no slow KDF needed). */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The only form in which a key is ever stored: SHA-256, lowercase hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
