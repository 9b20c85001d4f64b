import { createHash } from 'node:crypto';
import { checkpointText, parseCheckpointText } from './checkpoint-text';
import {
  formatSignerKey,
  formatVerifierKey,
  NoteError,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signerFromSeed,
  signNote,
} from './signed-note';

// Vectors of golang.org/x/mod/sumdb/note/note_test.go (TestNewVerifier, TestSign, TestOpen) and
// the example of c2sp.org/signed-note: written by other implementations, not by this code.
const PETER_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VERIFIER = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_LINE =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_LINE =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const SPEC_VERIFIER = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

describe('C2SP signed notes', () => {
  it("signs Go's test text with Go's test key to Go's signed note, byte for byte", () => {
    const signer = parseSignerKey(PETER_SIGNER);
    expect(formatVerifierKey(signer)).toBe(PETER_VERIFIER);
    expect(formatSignerKey(signer)).toBe(PETER_SIGNER);
    expect(signNote(TEXT, signer)).toBe(`${TEXT}\n${PETER_LINE}`);
  });

  it('opens notes signed by other implementations, each key finding its own line among others', () => {
    expect(openNote(SPEC_NOTE, parseVerifierKey(SPEC_VERIFIER))).toBe('This is an example message.\n');
    const both = `${TEXT}\n${PETER_LINE}${ENOCH_LINE}`;
    expect(openNote(both, parseVerifierKey(PETER_VERIFIER))).toBe(TEXT);
    expect(openNote(both, parseVerifierKey(ENOCH_VERIFIER))).toBe(TEXT);
  });

  it('computes the key id as SHA-256(name || 0x0A || 0x01 || public key)[:4]', () => {
    const seed = Buffer.alloc(32, 7);
    const signer = signerFromSeed('baytaq-registry/test', seed);
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from('baytaq-registry/test\n'), Buffer.of(1), signer.publicKey]))
      .digest()
      .subarray(0, 4);
    expect(signer.keyId.equals(expected)).toBe(true);
    expect(signer.publicKey).toHaveLength(32);
  });

  it('refuses a changed text, a changed signature, a note by another key, and mangled keys', () => {
    const peter = parseVerifierKey(PETER_VERIFIER);
    expect(() => openNote(`${TEXT.replace('problem', 'question')}\n${PETER_LINE}`, peter)).toThrow(/does not verify/);
    expect(() => openNote(`${TEXT}\n${PETER_LINE.replace('ZInNI', 'ZInNJ')}`, peter)).toThrow(/does not verify/);
    expect(() => openNote(SPEC_NOTE, peter)).toThrow(/not signed by PeterNeumann/);
    expect(() => openNote(TEXT, peter)).toThrow(NoteError);
    expect(() => parseVerifierKey(PETER_VERIFIER.replace('c74f20a3', 'c74f20a4'))).toThrow(/key id/);
    expect(() => parseVerifierKey(PETER_VERIFIER.replace('+AR', '+ZR'))).toThrow(/Ed25519/);
    expect(() => parseVerifierKey(PETER_VERIFIER.slice(0, -4))).toThrow(NoteError);
    expect(() => parseSignerKey(PETER_SIGNER.replace('c74f20a3', '00000000'))).toThrow(/key id/);
    expect(() => signNote('no newline', parseSignerKey(PETER_SIGNER))).toThrow(/newline/);
  });

  it('writes and reads a C2SP checkpoint text, refusing leading zeros and short roots', () => {
    const root = createHash('sha256').update('').digest();
    const text = checkpointText('baytaq-registry/test', { size: 20852163, root });
    expect(text).toBe(`baytaq-registry/test\n20852163\n${root.toString('base64')}\n`);
    expect(parseCheckpointText(text)).toEqual({ origin: 'baytaq-registry/test', size: 20852163, root });
    expect(() => parseCheckpointText(text.replace('20852163', '020852163'))).toThrow(/leading zeros/);
    expect(() => parseCheckpointText(`o\n1\n${root.subarray(1).toString('base64')}\n`)).toThrow(/32 bytes/);
  });
});
