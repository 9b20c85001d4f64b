import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, type SealingConfig, SqliteEventStore, type EventStore } from '@baytaq/event-store';
import {
  MirroredReadModels,
  type ReadModelState,
  type RegistryReads,
  WRITER_THREAD_READ_MODELS,
} from '@baytaq/read-models';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { PERSON_KEYS, type PersonKeys } from '../personal-data/person-keys';
import { sealingConfig } from '../personal-data/sealing-config';

export const EVENT_STORE_FILE = 'registry.sqlite';
export const READ_MODELS = Symbol('READ_MODELS');
const STORAGE = Symbol('REGISTRY_STORAGE');

/** What the read endpoints need: the queries, and how far the read models have got in the log. */
export interface ReadModelsHandle {
  reads: RegistryReads;
  /** The position of the last event the read models have committed; undefined before the first. */
  position(): string | undefined;
  /** How many events of the log the read models have applied since they were built. */
  eventsApplied(): number;
  /** When the last event the read models hold was recorded; undefined when not known (nothing since start). */
  recordedAt(): string | undefined;
}

export interface Storage {
  store: EventStore;
  readModels: ReadModelsHandle;
  /** People's data keys: the store seals their personal data under them. */
  personKeys: PersonKeys;
  /** Stops what follows the log, then closes the store. */
  close(): Promise<void>;
}

/**
 * The embedded store and its read models in one file: the projections run in each append's
 * transaction, in the store's writer thread, while this thread reads through its own connection.
 */
export async function openEmbeddedStorage(
  file: string,
  sealing: SealingConfig,
  onProgress?: (line: string) => void,
  options: { logTree?: boolean } = {},
): Promise<Storage> {
  const readModels = new MirroredReadModels();
  const store = await SqliteEventStore.openWithWriterThread(file, {
    sealing,
    ...(options.logTree === false ? { logTree: false } : {}),
    projection: {
      ...WRITER_THREAD_READ_MODELS,
      onReport: (report) => readModels.receive(report),
      ...(onProgress ? { onProgress } : {}),
    },
  });
  readModels.attach(store.db);
  return { store, readModels: readModelsHandle(readModels), personKeys: store.keys!, close: () => store.close() };
}

/** The handle the read endpoints use, over read models fed either way. */
export function readModelsHandle(models: ReadModelState & { reads: RegistryReads }): ReadModelsHandle {
  return {
    reads: models.reads,
    position: () => models.position ?? undefined,
    eventsApplied: () => models.eventsApplied,
    recordedAt: () => models.recordedAt ?? undefined,
  };
}

/** The gRPC client is loaded only when the deployment uses KurrentDB. */
async function openStorage(config: RegistryConfig): Promise<Storage> {
  if (config.store === 'kurrentdb') {
    const { openKurrentStorage } = await import('./kurrent-storage');
    return openKurrentStorage(config);
  }
  const logger = new Logger('read-models');
  return openEmbeddedStorage(
    join(config.dataDir, EVENT_STORE_FILE),
    sealingConfig(config),
    (line) => logger.log(line),
    {
      logTree: config.logTree,
    },
  );
}

/** Closes the store last, after the HTTP server has finished its in-flight requests. */
@Injectable()
export class EventStoreLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('event-store');

  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
    this.logger.log('event store closed');
  }
}

export const storageProviders = [
  { provide: STORAGE, inject: [REGISTRY_CONFIG], useFactory: (config: RegistryConfig) => openStorage(config) },
  { provide: EVENT_STORE, inject: [STORAGE], useFactory: (s: Storage) => s.store },
  { provide: READ_MODELS, inject: [STORAGE], useFactory: (s: Storage) => s.readModels },
  { provide: PERSON_KEYS, inject: [STORAGE], useFactory: (s: Storage) => s.personKeys },
];
