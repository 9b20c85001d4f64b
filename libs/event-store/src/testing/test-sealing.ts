import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SealingConfig } from '../sealing/sealing-config';

export const ERASED_NAME = { surname: '[erased]', given: '[erased]' };

/**
 * Sealing as the registry configures it (the domain's fields), with a new master key, keys.sqlite
 * in `dir`; people's streams start with `streamPrefix` (named by the caller: the domain names it).
 */
export function testSealing(dir: string, streamPrefix: string): SealingConfig {
  return {
    keysFile: join(dir, 'keys.sqlite'),
    masterKey: randomBytes(32).toString('hex'),
    streamPrefix,
    fields: { PersonRegistered: ['name', 'latinName', 'personal'], MemberAdmitted: ['cardNumber'] },
    erased: { name: ERASED_NAME, personal: {} },
  };
}
