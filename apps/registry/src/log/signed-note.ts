import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, in the encodings of Go's
 * golang.org/x/mod/sumdb/note: verifier key `<name>+<hex key id>+<base64(0x01 || public key)>`,
 * signer key `PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>`, signature line
 * `— <name> <base64(key id || signature)>`, key id = SHA-256(name || 0x0A || 0x01 || public key)[:4].
 */

const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
/** RFC 8410 wrappings of a raw 32-byte Ed25519 key, so that Node's crypto takes it as DER. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface NoteVerifier {
  name: string;
  keyId: Buffer;
  publicKey: Buffer;
}

export interface NoteSigner extends NoteVerifier {
  privateKey: KeyObject;
}

/** Why a note or a key was refused: the message says what is wrong with it. */
export class NoteError extends Error {
  override readonly name = 'NoteError';
}

export function keyId(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.of(ED25519), publicKey]))
    .digest()
    .subarray(0, 4);
}

/** Non-empty, no Unicode space, no plus: what the spec allows a key name to be. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

const strictBase64 = (text: string): Buffer | undefined => {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
};

/** Splits `<name>+<hex id>+<base64 0x01||key>` and checks the id against the name and key. */
function parseKeyParts(text: string, what: string): { name: string; keyId: Buffer; key: Buffer } {
  const parts = text.split('+');
  // The base64 may itself hold '+': the name and the id cannot, so they are the first two parts.
  const [name = '', idHex = ''] = parts;
  const key = strictBase64(parts.slice(2).join('+'));
  if (parts.length < 3 || !isKeyName(name)) throw new NoteError(`${what}: expected <name>+<key id>+<base64 key>`);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new NoteError(`${what}: the key id must be 8 lower-case hex digits`);
  if (!key || key.length !== 33 || key[0] !== ED25519) {
    throw new NoteError(`${what}: the key must be base64 of 0x01 and 32 bytes (Ed25519)`);
  }
  return { name, keyId: Buffer.from(idHex, 'hex'), key: key.subarray(1) };
}

export function parseVerifierKey(text: string): NoteVerifier {
  const { name, keyId: id, key } = parseKeyParts(text, 'verifier key');
  if (!id.equals(keyId(name, key))) throw new NoteError('verifier key: the key id does not match the name and key');
  return { name, keyId: id, publicKey: key };
}

export function formatVerifierKey(v: NoteVerifier): string {
  return `${v.name}+${v.keyId.toString('hex')}+${Buffer.concat([Buffer.of(ED25519), v.publicKey]).toString('base64')}`;
}

/** A signer from the seed of an Ed25519 key (RFC 8032's 32-byte private key). */
export function signerFromSeed(name: string, seed: Buffer): NoteSigner {
  if (!isKeyName(name)) throw new NoteError('signer key: the name must be non-empty, without spaces or "+"');
  if (seed.length !== 32) throw new NoteError('signer key: an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = Buffer.from(spki.subarray(SPKI_PREFIX.length));
  return { name, keyId: keyId(name, publicKey), publicKey, privateKey };
}

export function parseSignerKey(text: string): NoteSigner {
  if (!text.startsWith('PRIVATE+KEY+')) throw new NoteError('signer key: expected PRIVATE+KEY+<name>+<key id>+<key>');
  const { name, keyId: id, key } = parseKeyParts(text.slice('PRIVATE+KEY+'.length), 'signer key');
  const signer = signerFromSeed(name, key);
  if (!id.equals(signer.keyId)) throw new NoteError('signer key: the key id does not match the name and key');
  return signer;
}

export function formatSignerKey(signer: NoteSigner): string {
  const seed = signer.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  const encoded = Buffer.concat([Buffer.of(ED25519), seed]).toString('base64');
  return `PRIVATE+KEY+${signer.name}+${signer.keyId.toString('hex')}+${encoded}`;
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('note: the text must end in a newline');
  // Controls other than newline are forbidden in a note (and would let a text forge a signature line).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) throw new NoteError('note: the text holds a control character');
  }
}

/** The text, a blank line and the signer's signature line. */
export function signNote(text: string, signer: NoteSigner): string {
  checkText(text);
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  const encoded = Buffer.concat([signer.keyId, signature]).toString('base64');
  return `${text}\n${SIGNATURE_PREFIX}${signer.name} ${encoded}\n`;
}

/**
 * The text of a note whose signature by `verifier` verifies. Signatures of other keys are
 * ignored, as the spec requires; none by this key, or one that fails, refuses the note.
 */
export function openNote(note: string, verifier: NoteVerifier): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteError('note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  checkText(text);
  let verified = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const bytes = match ? strictBase64(match[2]!) : undefined;
    if (!match || !bytes || bytes.length < 5)
      throw new NoteError(`note: malformed signature line ${JSON.stringify(line)}`);
    if (match[1] !== verifier.name || !bytes.subarray(0, 4).equals(verifier.keyId)) continue;
    const publicKey = createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, verifier.publicKey]),
      format: 'der',
      type: 'spki',
    });
    if (!verify(null, Buffer.from(text, 'utf8'), publicKey, bytes.subarray(4))) {
      throw new NoteError(`note: the signature of ${verifier.name} does not verify`);
    }
    verified = true;
  }
  if (!verified) throw new NoteError(`note: not signed by ${verifier.name}+${verifier.keyId.toString('hex')}`);
  return text;
}
