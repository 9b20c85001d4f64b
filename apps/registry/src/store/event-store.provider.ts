import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@baytaq/event-store';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';

export const EVENT_STORE_FILE = 'registry.sqlite';

/** The gRPC client is loaded only when the deployment uses KurrentDB. */
export async function openEventStore(config: RegistryConfig): Promise<EventStore> {
  if (config.store === 'kurrentdb') {
    const { KurrentDbEventStore } = await import('@baytaq/event-store/kurrentdb/kurrentdb-event-store');
    return KurrentDbEventStore.fromConnectionString(config.kurrentDbUrl!);
  }
  return SqliteEventStore.open(join(config.dataDir, EVENT_STORE_FILE));
}

/** Closes the store last, after the HTTP server has finished its in-flight requests. */
@Injectable()
export class EventStoreLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('event-store');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log('event store closed');
  }
}

export const eventStoreProvider = {
  provide: EVENT_STORE,
  inject: [REGISTRY_CONFIG],
  useFactory: (config: RegistryConfig): Promise<EventStore> => openEventStore(config),
};
