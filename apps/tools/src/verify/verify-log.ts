import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  auditLog,
  describeDifference,
  hasLogTree,
  LOG_TREE_MIRROR_FILE,
  mirrorDifference,
  type MirroredStore,
} from '@baytaq/event-store';
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
  /** The file whose rows and tree are verified: the embedded store's, or KurrentDB's mirror. */
  file = EVENT_STORE_FILE,
): VerifyOutcome {
  const started = process.hrtime.bigint();
  const db = new Database(join(dataDir, file), { readonly: true, fileMustExist: true });
  const kept = openKeptCheckpoints(dataDir);
  try {
    if (!hasLogTree(db)) throw new Error('the store has no log tree yet: the service builds it at its first start');
    const checkpoints: KeptCheckpoint[] = kept ? [...kept.all()] : [];
    const roots = new Map<number, Hash>();
    const audit = auditLog(db, {
      ...(onProgress ? { onProgress } : {}),
      hashOnThread: join(dataDir, file),
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

/**
 * KurrentDB mode: `$all` as the server holds it, compared event by event with the mirror the
 * service's follower hashed (LOG_TREE_MIRROR_FILE), then the mirror verified as the embedded store
 * is. Events the follower has not reached yet are not a difference: the tree never claimed them.
 */
export async function verifyMirroredLog(
  dataDir: string,
  logKey: string | undefined,
  store: MirroredStore,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyOutcome> {
  const started = process.hrtime.bigint();
  const mirror = new Database(join(dataDir, LOG_TREE_MIRROR_FILE), { readonly: true, fileMustExist: true });
  let difference: string | undefined;
  try {
    difference = await mirrorDifference(mirror, store, Number.MAX_SAFE_INTEGER);
  } finally {
    mirror.close();
  }
  const outcome = verifyLog(dataDir, logKey, onProgress, LOG_TREE_MIRROR_FILE);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!difference) return { ...outcome, seconds };
  return { ...outcome, ok: false, problems: [difference, ...outcome.problems], seconds };
}
