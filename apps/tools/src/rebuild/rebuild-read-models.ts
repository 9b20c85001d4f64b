import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, StoreSealing } from '@baytaq/event-store';
import { CatchUpReadModels, EmbeddedReadModels, type ReplayProgress } from '@baytaq/read-models';
import { type RegistryConfig } from '../../../registry/src/config/registry-config';
import { sealingConfig } from '../../../registry/src/personal-data/sealing-config';
import { EVENT_STORE_FILE } from '../../../registry/src/store/event-store.provider';
import { READ_MODELS_FILE } from '../../../registry/src/store/kurrent-storage';

export interface RebuildOutcome {
  events: number;
  seconds: number;
}

/**
 * Drops every read model and replays the whole log into them. The embedded store is locked by
 * its one process, so the service must be stopped; with KurrentDB the local file is replaced.
 */
export async function rebuildReadModels(
  config: RegistryConfig,
  onProgress: (progress: ReplayProgress) => void,
): Promise<RebuildOutcome> {
  const started = process.hrtime.bigint();
  let events = 0;
  if (config.store === 'kurrentdb') {
    const { KurrentDbEventStore } = await import('@baytaq/event-store/kurrentdb/kurrentdb-event-store');
    const remote = KurrentDbEventStore.fromConnectionString(
      config.kurrentDbUrl!,
      StoreSealing.open(sealingConfig(config)),
    );
    const file = join(config.dataDir, READ_MODELS_FILE);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const models = CatchUpReadModels.open(file, remote);
    await models.start();
    events = models.eventsApplied;
    await models.close();
    await remote.close();
  } else {
    const store = SqliteEventStore.open(join(config.dataDir, EVENT_STORE_FILE), {
      sealing: sealingConfig(config),
      projection: (db) => {
        const models = EmbeddedReadModels.open(db, { rebuild: true, onProgress });
        events = models.eventsApplied;
        return models.inline;
      },
    });
    await store.close();
  }
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
