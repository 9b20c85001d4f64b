import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@baytaq/event-store';
import type { RegistryConfig } from '../../../registry/src/config/registry-config';
import { sealingConfig } from '../../../registry/src/personal-data/sealing-config';
import { EVENT_STORE_FILE } from '../../../registry/src/store/event-store.provider';

/**
 * The one place the generator opens the store: `<data dir>/registry.sqlite`, the file the app
 * opens. Kept alone so that opening it the way the app does (with its projections) is a change
 * of this function only.
 */
export async function openGeneratorStore(config: RegistryConfig): Promise<EventStore> {
  return SqliteEventStore.open(join(config.dataDir, EVENT_STORE_FILE), { sealing: sealingConfig(config) });
}
