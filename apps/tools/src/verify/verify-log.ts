import Database from 'better-sqlite3';
import { join } from 'node:path';
import { auditLog, describeDifference, hasLogTree } from '@baytaq/event-store';
import type { Hash } from '@baytaq/integrity';
import { checkpointProblem, logVerifier, openKeptCheckpoints } from '../../../registry/src/integrity/kept-checkpoints';
import { EVENT_STORE_FILE } from '../../../registry/src/store/event-store.provider';
import type { KeptCheckpoint } from '../../../registry/src/log/checkpoint-store';

export interface VerifyOutcome {
  /** Every leaf, node and kept checkpoint checked out. */
  ok: boolean;
  /** What differs, the first event position first; then what the checkpoints say. */
  problems: string[];
  events: number;
  treeSize: number;
  checkpoints: number;
  seconds: number;
}

/**
 * `npm run verify` (issue 14 item 5): every stored row hashed again and the whole tree with it,
 * compared with the stored nodes, and every kept checkpoint's signature and root. Read only, so it
 * runs beside the service as well as on a stopped store.
 */
export function verifyLog(
  dataDir: string,
  logKey: string | undefined,
  onProgress?: (done: number, total: number) => void,
): VerifyOutcome {
  const started = process.hrtime.bigint();
  const db = new Database(join(dataDir, EVENT_STORE_FILE), { readonly: true, fileMustExist: true });
  const kept = openKeptCheckpoints(dataDir);
  try {
    if (!hasLogTree(db)) throw new Error('the store has no log tree yet: the service builds it at its first start');
    const checkpoints: KeptCheckpoint[] = kept ? [...kept.all()] : [];
    const roots = new Map<number, Hash>();
    const audit = auditLog(db, {
      ...(onProgress ? { onProgress } : {}),
      hashOnThread: join(dataDir, EVENT_STORE_FILE),
      rootsAt: { sizes: checkpoints.map((c) => c.size), onRoot: (size, root) => roots.set(size, root) },
    });
    const verifier = logVerifier(dataDir, logKey);
    const problems = audit.differences.map(describeDifference);
    for (const checkpoint of checkpoints) {
      const problem = checkpointProblem(checkpoint, verifier, (size) => roots.get(size));
      if (problem) problems.push(problem);
    }
    return {
      ok: problems.length === 0,
      problems,
      events: audit.events,
      treeSize: audit.treeSize,
      checkpoints: checkpoints.length,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } finally {
    kept?.close();
    db.close();
  }
}
