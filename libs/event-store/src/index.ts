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
export { readSince, type LogReader } from './read-since';
export { GenerationalCache } from './generational-cache';
