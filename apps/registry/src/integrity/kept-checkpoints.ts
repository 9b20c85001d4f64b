import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hash } from '@baytaq/integrity';
import { CHECKPOINTS_FILE, CheckpointStore, type KeptCheckpoint } from '../log/checkpoint-store';
import { parseCheckpointText } from '../log/checkpoint-text';
import { loadLogSigner, LOG_SIGNING_KEY_FILE } from '../log/log-signing-key';
import { type NoteVerifier, openNote } from '../log/signed-note';

/** The checkpoints the log kept, read only; none when the data directory has no checkpoint file yet. */
export function openKeptCheckpoints(dataDir: string): CheckpointStore | undefined {
  const file = join(dataDir, CHECKPOINTS_FILE);
  return existsSync(file) ? CheckpointStore.open(file, { readonly: true }) : undefined;
}

/** The key the checkpoints are checked with: REGISTRY_LOG_KEY when given, else the data directory's (never made here). */
export function logVerifier(dataDir: string, configured: string | undefined): NoteVerifier | undefined {
  if (configured === undefined && !existsSync(join(dataDir, LOG_SIGNING_KEY_FILE))) return undefined;
  return loadLogSigner(dataDir, configured);
}

/**
 * What is wrong with a kept checkpoint, or undefined: its signature, its note against its row, and
 * its root against the tree's (`rootOf` gives the root of a size, undefined beyond the tree).
 */
export function checkpointProblem(
  checkpoint: KeptCheckpoint,
  verifier: NoteVerifier | undefined,
  rootOf: (size: number) => Hash | undefined,
): string | undefined {
  const at = `checkpoint of tree size ${checkpoint.size}`;
  if (!verifier) return `${at}: checkpoint signature invalid (no log key to check it with)`;
  let head;
  try {
    head = parseCheckpointText(openNote(checkpoint.note, verifier));
  } catch (error) {
    return `${at}: checkpoint signature invalid (${(error as Error).message})`;
  }
  if (head.size !== checkpoint.size || !head.root.equals(checkpoint.root)) {
    return `${at}: its signed note says size ${head.size}, root ${head.root.toString('base64')}`;
  }
  const root = rootOf(checkpoint.size);
  if (!root) return `${at}: event missing (the tree is shorter than a signed checkpoint)`;
  if (!root.equals(head.root)) return `${at}: the tree's root of ${checkpoint.size} leaves is not the signed one`;
  return undefined;
}
