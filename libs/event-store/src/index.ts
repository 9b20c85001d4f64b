export * from './event-store.port';
export * from './errors';
export { MemoryEventStore } from './memory/memory-event-store';
export {
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteWriterThreadOptions,
  type InlineProjection,
} from './sqlite/sqlite-event-store';
export { SqliteEventQueries } from './sqlite/sqlite-event-queries';
export { type ReportingProjectionFactory } from './sqlite/writer-protocol';
export { readSince, type LogReader } from './read-since';
export { GenerationalCache } from './generational-cache';
export { workerScript } from './worker-script';
