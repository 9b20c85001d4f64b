import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { StoreSealing } from '@baytaq/event-store';
import { KurrentDbEventStore } from '@baytaq/event-store/kurrentdb/kurrentdb-event-store';
import { CatchUpReadModels } from '@baytaq/read-models';
import { type RegistryConfig } from '../config/registry-config';
import { sealingConfig } from '../personal-data/sealing-config';
import { readModelsHandle, type Storage } from './event-store.provider';

export const READ_MODELS_FILE = 'read-models.sqlite';

/**
 * KurrentDB holds the log; this replica keeps its read models in a local file that follows it.
 * Closing the store also stops the follower and closes the file.
 */
export async function openKurrentStorage(config: RegistryConfig): Promise<Storage> {
  const remote = KurrentDbEventStore.fromConnectionString(
    config.kurrentDbUrl!,
    StoreSealing.open(sealingConfig(config)),
  );
  const models = CatchUpReadModels.open(join(config.dataDir, READ_MODELS_FILE), remote);
  await models.start();
  new Logger('read-models').log(`caught up with the log at ${models.position ?? 'its start'}`);
  return {
    store: remote,
    readModels: readModelsHandle(models),
    personKeys: remote.keys!,
    close: async () => {
      await models.close();
      await remote.close();
    },
  };
}
