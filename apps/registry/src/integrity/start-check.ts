import type Database from 'better-sqlite3';
import { auditLog, describeDifference, SqliteLogTreeReader } from '@baytaq/event-store';
import { checkpointProblem, logVerifier, openKeptCheckpoints } from './kept-checkpoints';

/** Leaves hashed again at every start at least, beyond those since the last checkpoint. */
export const START_CHECK_LEAVES = 16_384;

export class LogTreeMismatchError extends Error {
  constructor(detail: string) {
    super(
      `the log does not match its Merkle tree: ${detail}. The service does not start on a log that was changed; ` +
        '`npm run verify` checks the whole log',
    );
    this.name = 'LogTreeMismatchError';
  }
}

/**
 * Issue 14 item 6, at start: the last kept checkpoint verifies and is the stored tree's root of
 * its size, and the stored rows since it (and at least the last START_CHECK_LEAVES) hash to the
 * stored tree. What the checkpoint covers stands on its signature; `npm run verify` rehashes it all.
 */
export function checkLogTreeAtStart(db: Database.Database, dataDir: string, logKey: string | undefined): void {
  const tree = new SqliteLogTreeReader(db);
  const size = tree.size();
  const kept = openKeptCheckpoints(dataDir);
  let checkpointSize = size;
  try {
    const latest = kept?.latest();
    if (latest) {
      const problem = checkpointProblem(latest, logVerifier(dataDir, logKey), (s) =>
        s <= size ? tree.root(s) : undefined,
      );
      if (problem) throw new LogTreeMismatchError(problem);
      checkpointSize = latest.size;
    }
  } finally {
    kept?.close();
  }
  const fromLeaf = Math.max(0, Math.min(checkpointSize, size - START_CHECK_LEAVES));
  const first = auditLog(db, { fromLeaf }).differences[0];
  if (first) throw new LogTreeMismatchError(describeDifference(first));
}
