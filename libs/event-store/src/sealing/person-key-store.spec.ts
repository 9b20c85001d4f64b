import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonKeyStore } from './person-key-store';

const PERSON = '0b9e3d52-5a55-4a7e-9d61-1f0f6c7a0001';
const OTHER = '0b9e3d52-5a55-4a7e-9d61-1f0f6c7a0002';

function bytesOfFiles(file: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s)));
}

describe('PersonKeyStore', () => {
  let file: string;
  const master = randomBytes(32);
  beforeEach(() => {
    file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.sqlite');
  });

  it('keeps a generated key across reopening, wrapped: the raw key is in no file', () => {
    const keys = PersonKeyStore.open(file, master);
    expect(keys.key(PERSON)).toBeUndefined();
    keys.ensure([PERSON, PERSON]);
    const key = keys.key(PERSON)!;
    expect(key.enc).toHaveLength(32);
    expect(key.iv.equals(key.enc)).toBe(false);
    keys.close();
    const again = PersonKeyStore.open(file, master);
    expect(again.key(PERSON)!.enc.equals(key.enc)).toBe(true);
    again.close();
    expect(bytesOfFiles(file).includes(key.enc)).toBe(false);
  });

  it('refuses a master key that is not the one the store was made with', () => {
    PersonKeyStore.open(file, master).close();
    expect(() => PersonKeyStore.open(file, randomBytes(32))).toThrow(/master key does not open/);
  });

  it('destroys a key: no byte of it left in the files, the person and the time kept, never given a key again', () => {
    const keys = PersonKeyStore.open(file, master);
    keys.ensure([PERSON, OTHER]);
    const peek = new Database(file, { readonly: true });
    const wrapped = peek.prepare('SELECT wrapped FROM person_keys WHERE person_id = ?').pluck().get(PERSON) as Buffer;
    peek.close();
    expect(bytesOfFiles(file).includes(wrapped)).toBe(true);

    expect(keys.destroy(PERSON)).toBe(true);
    expect(keys.key(PERSON)).toBeNull();
    expect(keys.destroyed(PERSON)).toBe(true);
    expect(keys.destroy(PERSON)).toBe(false);
    expect(bytesOfFiles(file).includes(wrapped)).toBe(false);
    expect(bytesOfFiles(file).includes(wrapped.subarray(28))).toBe(false);
    keys.ensure([PERSON]);
    expect(keys.key(PERSON)).toBeNull();
    keys.close();

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT * FROM destroyed_keys').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toEqual([{ person_id: PERSON, destroyed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    const again = PersonKeyStore.open(file, master);
    expect(again.key(PERSON)).toBeNull();
    expect(again.key(OTHER)).toBeDefined();
    again.close();
  });

  it('a connection told that another destroyed a key forgets the key it had unwrapped', () => {
    const writer = PersonKeyStore.open(file, master);
    const reader = PersonKeyStore.open(file, master);
    writer.ensure([PERSON]);
    expect(reader.key(PERSON)).toBeTruthy();
    writer.destroy(PERSON);
    reader.forget(PERSON);
    expect(reader.key(PERSON)).toBeNull();
    writer.close();
    reader.close();
  });
});
