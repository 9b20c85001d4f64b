import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/** The part of the client the adapter uses: what a test fake has to provide. */
export type KurrentClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;
