import Database from 'better-sqlite3';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { GenerationalCache } from '../generational-cache';

/** A person's data key, and the key its synthetic IVs are derived with. */
export interface PersonKey {
  readonly enc: Buffer;
  readonly iv: Buffer;
}

/** Unwrapped keys kept in memory, per thread: between half of it and all of it. */
const KEYS_KEPT = 100_000;
const IV_INFO = 'baytaq person key: synthetic iv';
/** What the check row wraps: opening it proves the master key is the one the store was made with. */
const CHECK_AAD = 'baytaq key store check';

function wrap(master: Buffer, key: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, iv).setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

function unwrap(master: Buffer, wrapped: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, 12)).setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(12, 28));
  return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
}

/** The IV key is derived when first sealing with it: reads (a rebuild opens a key per person) never need it. */
class DataKey implements PersonKey {
  private derived: Buffer | undefined;
  constructor(readonly enc: Buffer) {}
  get iv(): Buffer {
    return (this.derived ??= Buffer.from(hkdfSync('sha256', this.enc, Buffer.alloc(0), IV_INFO, 32)));
  }
}

const personKey = (enc: Buffer): PersonKey => new DataKey(enc);

/**
 * People's data keys, each AES-256 and wrapped (AES-256-GCM) by the master key, in a SQLite file
 * of their own, apart from the log: destroying a key leaves the log as it is and makes the
 * person's sealed fields unreadable in it and in every copy of it. A destroyed key leaves only
 * the person's id and the time. `secure_delete` zeroes a deleted row's bytes in its page, and the
 * checkpoint that follows truncates the WAL, so no byte of the key stays in either file.
 * Several connections (threads) may open the file; each keeps what it unwrapped in memory.
 */
export class PersonKeyStore {
  private readonly cache = new GenerationalCache<string, PersonKey>(KEYS_KEPT);
  private readonly destroyedIds: Set<string>;
  private readonly select: Database.Statement<[string], { wrapped: Buffer }>;
  private readonly insert: Database.Statement<[string, Buffer, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly markDestroyed: Database.Statement<[string, string]>;

  private constructor(
    private readonly db: Database.Database,
    private readonly master: Buffer,
  ) {
    this.select = db.prepare('SELECT wrapped FROM person_keys WHERE person_id = ?');
    this.insert = db.prepare('INSERT OR IGNORE INTO person_keys (person_id, wrapped, created_at) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM person_keys WHERE person_id = ?');
    this.markDestroyed = db.prepare('INSERT OR IGNORE INTO destroyed_keys (person_id, destroyed_at) VALUES (?, ?)');
    this.destroyedIds = new Set(db.prepare('SELECT person_id FROM destroyed_keys').pluck().all() as string[]);
  }

  /** Opens (creating) the key store; refuses a master key that is not the one it was made with. */
  static open(file: string, master: Buffer): PersonKeyStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      db.exec(`
        CREATE TABLE IF NOT EXISTS key_store (id INTEGER PRIMARY KEY CHECK (id = 1), check_value BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS person_keys (
          person_id TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS destroyed_keys (person_id TEXT PRIMARY KEY, destroyed_at TEXT NOT NULL) WITHOUT ROWID;
      `);
      db.prepare('INSERT OR IGNORE INTO key_store (id, check_value) VALUES (1, ?)').run(
        wrap(master, Buffer.alloc(32), CHECK_AAD),
      );
      const check = db.prepare('SELECT check_value FROM key_store WHERE id = 1').pluck().get() as Buffer;
      try {
        unwrap(master, check, CHECK_AAD);
      } catch {
        throw new Error(`the master key does not open ${file}: it is not the key its data keys were wrapped with`);
      }
      return new PersonKeyStore(db, master);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The person's key; null once destroyed; undefined when they never had one. */
  key(personId: string): PersonKey | null | undefined {
    if (this.destroyedIds.has(personId)) return null;
    const cached = this.cache.get(personId);
    if (cached) return cached;
    const row = this.select.get(personId);
    if (!row) return this.isDestroyedOnDisk(personId) ? null : undefined;
    const key = personKey(unwrap(this.master, row.wrapped, personId));
    this.cache.set(personId, key);
    return key;
  }

  /**
   * Gives every person named who has no key and never had one a new key, all committed (and
   * synced) in one transaction before it returns: the events sealed under them commit after.
   */
  ensure(personIds: Iterable<string>): void {
    const missing = [...new Set(personIds)].filter((id) => this.key(id) === undefined);
    if (missing.length === 0) return;
    const now = new Date().toISOString();
    const fresh = missing.map((id) => ({ id, enc: randomBytes(32) }));
    this.db.transaction(() => {
      for (const { id, enc } of fresh) this.insert.run(id, wrap(this.master, enc, id), now);
    })();
    // Another connection may have written one first (INSERT OR IGNORE): what is stored is the key.
    for (const { id } of fresh) this.key(id);
  }

  /**
   * Deletes the key for good: the row zeroed (secure_delete), the WAL checkpointed into the file
   * and truncated, the file synced. True when there was a key; destroying twice is harmless.
   */
  destroy(personId: string): boolean {
    const had = this.db.transaction(() => {
      const changes = this.remove.run(personId).changes;
      this.markDestroyed.run(personId, new Date().toISOString());
      return changes > 0;
    })();
    this.forget(personId);
    this.truncateWal();
    const fd = openSync(this.db.name, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return had;
  }

  /** Drops what this connection knew of the key: it was destroyed (here or through another connection). */
  forget(personId: string): void {
    this.destroyedIds.add(personId);
    this.cache.delete(personId);
  }

  destroyed(personId: string): boolean {
    return this.key(personId) === null;
  }

  close(): void {
    this.db.close();
  }

  private isDestroyedOnDisk(personId: string): boolean {
    const found = this.db.prepare('SELECT 1 FROM destroyed_keys WHERE person_id = ?').get(personId) !== undefined;
    if (found) this.destroyedIds.add(personId);
    return found;
  }

  /** A reader of another thread may hold the WAL for a moment: the checkpoint is tried until it truncates. */
  private truncateWal(): void {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result?.busy === 0) return;
    }
    throw new Error(`${this.db.name}: the WAL could not be checkpointed after destroying a key`);
  }
}
