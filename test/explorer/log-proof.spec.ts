import { recordLeafHash as libraryLeafHash } from '@baytaq/integrity';
import { referencePath } from '../../libs/integrity/src/testing/rfc6962-reference';
import { signNote, signerFromSeed } from '../../apps/registry/src/log/signed-note';
import { openCheckpoint } from '../../apps/explorer/src/log/checkpoint-note';
import { fromBase64, leafHash, recordLeafHash, rootFromInclusion, toHex } from '../../apps/explorer/src/log/log-proof';

/** RFC 6962's test leaves and the roots of their prefixes (certificate-transparency's merkle_tree_test). */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
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
