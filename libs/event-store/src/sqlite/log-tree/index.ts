export { auditLog, type AuditOptions, type AuditResult, describeDifference, type LogDifference } from './log-audit';
export { SqliteLogTreeReader } from './sqlite-log-tree-reader';
export { hasLogTree, storedRecord, StoredLogTree, type StoredEventRow } from './stored-log-tree';
export {
  canBeMirrored,
  LOG_TREE_MIRROR_FILE,
  LogTreeFollower,
  LogTreeMirror,
  mirrorDifference,
  type MirroredStore,
} from './log-tree-mirror';
