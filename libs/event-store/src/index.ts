export * from './event-store.port';
export * from './errors';
export { MemoryEventStore } from './memory/memory-event-store';
export {
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteWriterThreadOptions,
  type InlineProjection,
  type StoreKeys,
} from './sqlite/sqlite-event-store';
export { type SealingConfig, masterKeyBytes } from './sealing/sealing-config';
export { EventSealer, SealingError, type SealedEnvelope } from './sealing/event-sealer';
export { PersonKeyStore } from './sealing/person-key-store';
export { StoreSealing } from './sealing/store-sealing';
export { attachSealing, sealingOf } from './sealing/attached-sealing';
export { EVENT_COLUMNS, SqliteEventQueries } from './sqlite/sqlite-event-queries';
export { type ReportingProjectionFactory } from './sqlite/writer-protocol';
export { readSince, type LogReader } from './read-since';
export { GenerationalCache } from './generational-cache';
export { workerScript } from './worker-script';
export * from './sqlite/log-tree';
