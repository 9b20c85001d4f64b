import { recordLeafHash as libraryLeafHash } from '@baytaq/integrity';
import { CT_LEAVES_HEX, CT_ROOTS_HEX } from '../../libs/integrity/src/testing/ct-test-vectors';
import { referencePath } from '../../libs/integrity/src/testing/rfc6962-reference';
import { signNote, signerFromSeed } from '../../apps/registry/src/log/signed-note';
import { openCheckpoint } from '../../apps/explorer/src/log/checkpoint-note';
import { fromBase64, leafHash, recordLeafHash, rootFromInclusion, toHex } from '../../apps/explorer/src/log/log-proof';

const LEAVES = CT_LEAVES_HEX;
const ROOTS = CT_ROOTS_HEX;
const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const leaves = LEAVES.map((hex) => Buffer.from(hex, 'hex'));

describe("the explorer's log verifier (WebCrypto, no Node module)", () => {
  it('walks every audit path of the RFC 6962 test trees to the published root', async () => {
    for (let size = 1; size <= LEAVES.length; size++) {
      for (let index = 0; index < size; index++) {
        const path = referencePath(index, leaves.slice(0, size)).map((h: Buffer) => new Uint8Array(h));
        const root = await rootFromInclusion(index, size, await leafHash(bytes(LEAVES[index]!)), path);
        expect([size, index, root && toHex(root)]).toEqual([size, index, ROOTS[size - 1]]);
      }
    }
  });

  it('refuses a path for another leaf, a wrong size or a leaf beyond the tree', async () => {
    const path = referencePath(2, leaves).map((h: Buffer) => new Uint8Array(h));
    const other = await rootFromInclusion(3, 8, await leafHash(bytes(LEAVES[2]!)), path);
    expect(other && toHex(other)).not.toBe(ROOTS[7]);
    // A tree of 4 leaves has paths of 2 hashes: 3 cannot be one.
    expect(await rootFromInclusion(2, 4, await leafHash(bytes(LEAVES[2]!)), path)).toBeNull();
    expect(await rootFromInclusion(8, 8, await leafHash(bytes(LEAVES[2]!)), path)).toBeNull();
  });

  it('hashes a record as the registry does (RFC 8785 JCS, whatever the key order)', async () => {
    const record = {
      recordedAt: '2026-01-01T00:00:00.000Z',
      type: 'OrganisationRenamed',
      data: { name: { ru: 'Синтетов', en: 'Testov' }, n: 1e21 },
      metadata: { actor: 'test' },
      stream: 'organisation-1',
      revision: 3,
      eventId: '00000000-0000-4000-8000-000000000001',
    };
    expect(toHex(await recordLeafHash(record))).toBe(libraryLeafHash(record).toString('hex'));
  });

  it("opens a checkpoint only with its key's valid Ed25519 signature", async () => {
    const signer = signerFromSeed('baytaq-test', Buffer.alloc(32, 7));
    const key = `baytaq-test+${signer.keyId.toString('hex')}+${Buffer.concat([Buffer.of(1), signer.publicKey]).toString('base64')}`;
    const note = signNote(`baytaq-test\n8\n${Buffer.from(ROOTS[7]!, 'hex').toString('base64')}\n`, signer);
    const opened = await openCheckpoint(note, key);
    expect([opened.size, toHex(opened.root), opened.signatureChecked]).toEqual([8, ROOTS[7], true]);
    await expect(openCheckpoint(note.replace('\n8\n', '\n9\n'), key)).rejects.toThrow('does not verify');
    const otherKey = signerFromSeed('baytaq-test', Buffer.alloc(32, 8));
    const other = `baytaq-test+${otherKey.keyId.toString('hex')}+${Buffer.concat([Buffer.of(1), otherKey.publicKey]).toString('base64')}`;
    await expect(openCheckpoint(note, other)).rejects.toThrow('not signed by baytaq-test');
    expect(fromBase64('AAE=')).toEqual(Uint8Array.of(0, 1));
  });
});
