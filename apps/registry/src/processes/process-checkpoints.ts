import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const PROCESS_CHECKPOINTS_FILE = 'processes.sqlite';

/**
 * Where each process has got to in the log, in a file of its own beside the store (the store's
 * file has one writer, its writer thread). A checkpoint a crash loses is harmless: the process
 * reads those events again and appends nothing twice, since its event ids derive from the event
 * that caused them. In KurrentDB mode each replica keeps its own, for the same reason.
 */
export class ProcessCheckpoints {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { position: string }>;
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(dataDir: string | null) {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir ? join(dataDir, PROCESS_CHECKPOINTS_FILE) : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS process_checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL)');
    this.select = this.db.prepare('SELECT position FROM process_checkpoints WHERE name = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO process_checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position',
    );
  }

  get(name: string): string | undefined {
    return this.select.get(name)?.position;
  }

  set(name: string, position: string): void {
    this.upsert.run(name, position);
  }

  close(): void {
    this.db.close();
  }
}
