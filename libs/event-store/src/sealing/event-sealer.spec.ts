import { randomBytes } from 'node:crypto';
import { EventSealer, SealingError } from './event-sealer';
import type { PersonKey } from './person-key-store';

const PERSON = '0b9e3d52-5a55-4a7e-9d61-1f0f6c7a0001';
const STREAM = `person-${PERSON}`;
const EVENT = '4f1c2e6a-7b8d-4c9e-a0f1-000000000001';
const CONFIG = {
  streamPrefix: 'person-',
  fields: { PersonRegistered: ['name', 'latinName', 'personal'], MemberAdmitted: ['cardNumber'] },
  erased: { name: { surname: '[erased]', given: '[erased]' }, personal: {} },
};
const REGISTERED = {
  personId: PERSON,
  name: { surname: 'Синтетов', given: 'Тест' },
  latinName: { surname: 'Sintetov', given: 'Test' },
  citizenship: 'KZ',
  personal: { iin: '900101300017', birthDate: '1990-01-01', contacts: { phone: '+77010000000' } },
  effectiveDate: '2024-03-01',
};

function keys(): { key(id: string): PersonKey | null | undefined; destroyed: Set<string> } {
  const key = { enc: randomBytes(32), iv: randomBytes(32) };
  const destroyed = new Set<string>();
  return { key: (id) => (destroyed.has(id) ? null : id === PERSON ? key : undefined), destroyed };
}

describe('EventSealer', () => {
  it('seals the listed fields into one envelope and opens them again, key order and all', () => {
    const sealer = new EventSealer(CONFIG, keys());
    const stored = sealer.seal(STREAM, EVENT, 'PersonRegistered', REGISTERED);
    expect(Object.keys(stored)).toEqual(['personId', 'sealed', 'citizenship', 'effectiveDate']);
    expect(stored['sealed']).toEqual({ v: 1, iv: expect.any(String), ct: expect.any(String), tag: expect.any(String) });
    expect(Buffer.from((stored['sealed'] as { iv: string }).iv, 'base64')).toHaveLength(12);
    const text = JSON.stringify(stored);
    for (const secret of ['900101300017', 'Синтетов', 'Sintetov', '1990-01-01', '+77010000000']) {
      expect(text).not.toContain(secret);
    }
    const opened = sealer.unseal(STREAM, EVENT, 'PersonRegistered', JSON.parse(text));
    expect(JSON.stringify(opened)).toBe(JSON.stringify(REGISTERED));
  });

  it('is deterministic: the same event seals to the same bytes, another event id to others', () => {
    const sealer = new EventSealer(CONFIG, keys());
    const once = JSON.stringify(sealer.seal(STREAM, EVENT, 'PersonRegistered', REGISTERED));
    expect(JSON.stringify(sealer.seal(STREAM, EVENT, 'PersonRegistered', structuredClone(REGISTERED)))).toBe(once);
    const other = sealer.seal(STREAM, EVENT.replace(/1$/, '2'), 'PersonRegistered', REGISTERED);
    expect((other['sealed'] as { iv: string }).iv).not.toBe((JSON.parse(once).sealed as { iv: string }).iv);
  });

  it('refuses an envelope whose ciphertext or tag was altered, or that was moved to another event', () => {
    const sealer = new EventSealer(CONFIG, keys());
    const stored = sealer.seal(STREAM, EVENT, 'PersonRegistered', REGISTERED);
    const envelope = stored['sealed'] as { ct: string; tag: string };
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    const altered = (patch: object) => ({ ...stored, sealed: { ...envelope, ...patch } });
    expect(() => sealer.unseal(STREAM, EVENT, 'PersonRegistered', altered({ ct: flip(envelope.ct) }))).toThrow(
      SealingError,
    );
    expect(() => sealer.unseal(STREAM, EVENT, 'PersonRegistered', altered({ tag: flip(envelope.tag) }))).toThrow(
      /do not open/,
    );
    expect(() => sealer.unseal(STREAM, 'another-event', 'PersonRegistered', stored)).toThrow(SealingError);
  });

  it('reads a destroyed key as the replacement values, sealed or still in plain text', () => {
    const source = keys();
    const sealer = new EventSealer(CONFIG, source);
    const stored = sealer.seal(STREAM, EVENT, 'PersonRegistered', REGISTERED);
    const admitted = sealer.seal(STREAM, EVENT, 'MemberAdmitted', {
      organisationId: 'o',
      cardNumber: 'KZ-0001',
      effectiveDate: '2024-03-01',
    });
    source.destroyed.add(PERSON);
    const erased = {
      personId: PERSON,
      name: CONFIG.erased.name,
      personal: {},
      citizenship: 'KZ',
      effectiveDate: '2024-03-01',
    };
    expect(JSON.stringify(sealer.unseal(STREAM, EVENT, 'PersonRegistered', stored))).toBe(JSON.stringify(erased));
    expect(JSON.stringify(sealer.unseal(STREAM, EVENT, 'PersonRegistered', REGISTERED))).toBe(JSON.stringify(erased));
    expect(sealer.unseal(STREAM, EVENT, 'MemberAdmitted', admitted)).toEqual({
      organisationId: 'o',
      effectiveDate: '2024-03-01',
    });
    // Sealing after the key is gone stores the replacements: nothing personal is written.
    expect(JSON.stringify(sealer.seal(STREAM, EVENT, 'PersonRegistered', REGISTERED))).toBe(JSON.stringify(erased));
  });

  it('leaves events of other streams, of other types and without sealed fields as they are', () => {
    const sealer = new EventSealer(CONFIG, keys());
    const organisation = { name: { ru: 'Байтак' }, personal: { iin: '900101300017' } };
    expect(sealer.seal(`organisation-${PERSON}`, EVENT, 'PersonRegistered', organisation)).toBe(organisation);
    const transfer = { organisationId: 'o', effectiveDate: '2024-03-01' };
    expect(sealer.seal(STREAM, EVENT, 'MemberTransferred', transfer)).toBe(transfer);
    expect(sealer.seal(STREAM, EVENT, 'MemberAdmitted', transfer)).toBe(transfer);
    expect(sealer.unseal(STREAM, EVENT, 'MemberAdmitted', transfer)).toBe(transfer);
    // A plaintext event of a store not yet migrated reads as it was written.
    expect(sealer.unseal(STREAM, EVENT, 'PersonRegistered', REGISTERED)).toBe(REGISTERED);
  });

  it('refuses to seal for a person without a key', () => {
    const sealer = new EventSealer(CONFIG, keys());
    expect(() => sealer.seal('person-nobody', EVENT, 'PersonRegistered', REGISTERED)).toThrow(/has no key/);
  });
});
