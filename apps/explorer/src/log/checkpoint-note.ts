import { type Bytes, fromBase64, sameBytes } from './log-proof';

/**
 * A C2SP tlog-checkpoint signed note, opened in the browser: the verifier key
 * `<name>+<hex key id>+<base64(0x01 || Ed25519 key)>`, the signature line `— <name> <base64(id || sig)>`.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Bytes;
  /** Whether the Ed25519 signature was checked here: false only where WebCrypto has no Ed25519. */
  signatureChecked: boolean;
}

export class CheckpointError extends Error {}

async function keyIdOf(name: string, key: Bytes): Promise<Bytes> {
  const bytes = new Uint8Array([...new TextEncoder().encode(`${name}\n`), 0x01, ...key]);
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)).subarray(0, 4);
}

/** WebCrypto's key type, named so in the DOM and in Node alike. */
type VerifyKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

async function importKey(raw: Bytes): Promise<VerifyKey | null> {
  try {
    return await globalThis.crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if ((error as Error).name === 'NotSupportedError') return null;
    throw error;
  }
}

/** The checkpoint whose signature by `verifierKey` verifies; anything else throws saying why. */
export async function openCheckpoint(note: string, verifierKey: string): Promise<Checkpoint> {
  const [name = '', idHex = '', ...rest] = verifierKey.trim().split('+');
  const keyBytes = fromBase64(rest.join('+'));
  if (keyBytes.length !== 33 || keyBytes[0] !== 0x01) throw new CheckpointError('the key is not an Ed25519 key');
  const key = keyBytes.slice(1);
  const id = await keyIdOf(name, key);
  if (idHex !== Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('')) {
    throw new CheckpointError('the key id does not match the key');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new CheckpointError('the note has no signature');
  const text = note.slice(0, split + 1);
  const [origin = '', sizeText = '', rootText = ''] = text.split('\n');
  if (!/^\d+$/.test(sizeText)) throw new CheckpointError('the note has no tree size');
  const signature = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => /^\u2014 (\S+) (\S+)$/u.exec(line))
    .map((m) => (m && m[1] === name ? fromBase64(m[2]!) : null))
    .find((bytes) => bytes !== null && sameBytes(bytes.subarray(0, 4), id));
  if (!signature) throw new CheckpointError(`the note is not signed by ${name}`);
  const cryptoKey = await importKey(key);
  if (cryptoKey) {
    const data = new TextEncoder().encode(text);
    const valid = await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, signature.slice(4), data);
    if (!valid) throw new CheckpointError(`the signature of ${name} does not verify`);
  }
  return { origin, size: Number(sizeText), root: fromBase64(rootText), signatureChecked: cryptoKey !== null };
}
