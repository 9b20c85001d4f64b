import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { verifyLog } from '../../apps/tools/src/verify/verify-log';
import { CHECKPOINTS_FILE, CheckpointStore } from '../../apps/registry/src/log/checkpoint-store';
import { checkpointText } from '../../apps/registry/src/log/checkpoint-text';
import { loadLogSigner } from '../../apps/registry/src/log/log-signing-key';
import { signNote } from '../../apps/registry/src/log/signed-note';
import { SqliteLogTreeReader } from '@baytaq/event-store';
import { startTestApp, startTestAppIn } from '../support/test-app';

/**
 * Issue 14's tamper test on a real data directory (the seed story, written through the app, then
 * stopped): each tampering, done with better-sqlite3 on a copy, makes `npm run verify` (its module)
 * fail naming the right position, and the service refuse to start; untouched, both pass.
 */
describe('a tampered log', () => {
  let original: string;
  let events: number;
  const copies: string[] = [];

  beforeAll(async () => {
    const t = await startTestApp();
    await loadSeedStory(t.app);
    await t.app.close();
    original = t.dataDir;
    const db = new Database(join(original, 'registry.sqlite'));
    events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    // A kept checkpoint of the whole log, as the log module keeps them (its key, its note, its store).
    const tree = new SqliteLogTreeReader(db);
    const signer = loadLogSigner(original, undefined);
    const head = { size: tree.size(), root: tree.root(tree.size()) };
    const kept = CheckpointStore.open(join(original, CHECKPOINTS_FILE));
    kept.keep({
      ...head,
      note: signNote(checkpointText(signer.name, head), signer),
      keptAt: 'now',
      reason: 'shutdown',
    });
    kept.close();
    db.close();
  }, 120_000);

  afterAll(() => {
    for (const dir of [original, ...copies]) rmSync(dir, { recursive: true, force: true });
  });

  function tampered(change: (db: Database.Database) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'baytaq-tamper-'));
    copies.push(dir);
    cpSync(original, dir, { recursive: true });
    const db = new Database(join(dir, 'registry.sqlite'));
    change(db);
    db.close();
    return dir;
  }

  async function refusedStart(dir: string): Promise<string> {
    try {
      const t = await startTestAppIn(dir);
      await t.app.close();
    } catch (error) {
      return (error as Error).message;
    }
    return 'started';
  }

  it('untouched: verify passes every leaf, node and checkpoint, and the service starts', async () => {
    expect(events).toBeGreaterThan(20);
    const dir = tampered(() => undefined);
    const outcome = verifyLog(dir, undefined);
    expect(outcome).toMatchObject({ ok: true, problems: [], events, treeSize: events, checkpoints: 1 });
    expect(await refusedStart(dir)).toBe('started');
  }, 60_000);

  it('one event`s data changed: the position, as data changed', async () => {
    const dir = tampered((db) =>
      db.prepare(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE position = 12`).run(),
    );
    const outcome = verifyLog(dir, undefined);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]).toMatch(/^event at position 12: data changed/);
    expect(await refusedStart(dir)).toMatch(/does not match its Merkle tree: event at position 12: data changed/);
  }, 60_000);

  it('an event deleted: the position, as event missing', async () => {
    const dir = tampered((db) => db.prepare('DELETE FROM events WHERE position = 17').run());
    const outcome = verifyLog(dir, undefined);
    expect(outcome.problems[0]).toMatch(/^event at position 17: event missing/);
    expect(outcome.problems).toHaveLength(1);
    expect(await refusedStart(dir)).toMatch(/event at position 17: event missing/);
  }, 60_000);

  it('two events swapped: the first position, as order changed, naming the other', async () => {
    const dir = tampered((db) =>
      db.transaction(() => {
        db.prepare('UPDATE events SET position = -1 WHERE position = 9').run();
        db.prepare('UPDATE events SET position = 9 WHERE position = 14').run();
        db.prepare('UPDATE events SET position = 14 WHERE position = -1').run();
      })(),
    );
    const outcome = verifyLog(dir, undefined);
    expect(outcome.problems.slice(0, 2)).toEqual([
      expect.stringMatching(/^event at position 9: order changed \(it is the event the tree holds at position 14\)/),
      expect.stringMatching(/^event at position 14: order changed \(it is the event the tree holds at position 9\)/),
    ]);
    expect(await refusedStart(dir)).toMatch(/event at position 9: order changed/);
  }, 60_000);

  it('a checkpoint`s signature changed: the checkpoint, as signature invalid', async () => {
    const dir = tampered(() => undefined);
    const kept = new Database(join(dir, CHECKPOINTS_FILE));
    const { note } = kept.prepare('SELECT note FROM checkpoints').get() as { note: string };
    const signature = note.slice(note.lastIndexOf(' ') + 1, -1);
    const flipped = Buffer.from(signature, 'base64');
    flipped[flipped.length - 1] ^= 1;
    kept.prepare('UPDATE checkpoints SET note = ?').run(note.replace(signature, flipped.toString('base64')));
    kept.close();
    const outcome = verifyLog(dir, undefined);
    expect(outcome.problems).toEqual([
      expect.stringMatching(new RegExp(`^checkpoint of tree size ${events}: checkpoint signature invalid`)),
    ]);
    expect(await refusedStart(dir)).toMatch(/checkpoint signature invalid/);
  }, 60_000);
});
