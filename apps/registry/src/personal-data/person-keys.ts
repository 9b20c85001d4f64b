/**
 * The registry's hold on people's data keys (the key store, outside the log). Erasure destroys a
 * key; every event sealed under it then reads with its personal fields replaced (`ERASED_NAME`,
 * no `personal`, no `cardNumber`).
 */
export interface PersonKeys {
  /**
   * Destroys the person's key for good: deleted, overwritten on disk and synced before it
   * resolves. True when there was a key to destroy; destroying twice is harmless.
   */
  destroy(personId: string): Promise<boolean>;
  /** Whether the person's key is gone (their sealed fields can no longer be read). */
  destroyed(personId: string): boolean;
}

export const PERSON_KEYS = Symbol('PERSON_KEYS');
