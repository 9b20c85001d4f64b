/**
 * What sealing needs to know. Plain data, so that it crosses to the writer thread and a rebuild's
 * folding threads; the store learns the sealed fields from here, never from the domain.
 */
export interface SealingConfig {
  /** The key store's file (`keys.sqlite` beside the log). */
  keysFile: string;
  /** The master key that wraps every data key: 32 bytes, as 64 hex digits. */
  masterKey: string;
  /** People's streams are `<streamPrefix><personId>`; events of other streams are never sealed. */
  streamPrefix: string;
  /** Per event type, the fields of its data that are sealed. */
  fields: Readonly<Record<string, readonly string[]>>;
  /** What a sealed field reads as once its key is destroyed; a field not named here reads as absent. */
  erased: Readonly<Record<string, unknown>>;
}

/** The master key as bytes: refuses anything but 32 bytes written as 64 hex digits. */
export function masterKeyBytes(hex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('a master key is 32 bytes written as 64 hex digits');
  return Buffer.from(hex, 'hex');
}
