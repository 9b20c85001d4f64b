import { NoteError } from './signed-note';

/** A tree head: the size of the log and the RFC 6962 root of its first `size` leaves. */
export interface TreeHead {
  size: number;
  root: Buffer;
}

/** C2SP tlog-checkpoint note text: origin, decimal size, base64 root, each ending in a newline. */
export function checkpointText(origin: string, head: TreeHead): string {
  return `${origin}\n${head.size}\n${head.root.toString('base64')}\n`;
}

/** The origin and tree head of a checkpoint's text (extension lines, which this log never writes, refused). */
export function parseCheckpointText(text: string): TreeHead & { origin: string } {
  const lines = text.split('\n');
  const [origin = '', size = '', root = '', end] = lines;
  if (lines.length !== 4 || end !== '') throw new NoteError('checkpoint: expected origin, size and root lines');
  if (origin === '') throw new NoteError('checkpoint: the origin is empty');
  if (!/^(0|[1-9]\d{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new NoteError('checkpoint: the tree size must be a decimal number without leading zeros');
  }
  const bytes = Buffer.from(root, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== root) {
    throw new NoteError('checkpoint: the root must be the base64 of 32 bytes');
  }
  return { origin, size: Number(size), root: bytes };
}
