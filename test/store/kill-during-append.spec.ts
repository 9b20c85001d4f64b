import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@baytaq/event-store';

/**
 * kill -9 during appends: every append that had returned success in the child must be in the
 * file after reopening it.
 */
describe('sqlite store under kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baytaq-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['inline', 'thread'])('loses no acknowledged append (writer %s)', async (mode) => {
    const file = join(dir, `registry-${mode}.sqlite`);
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'append-forever.child.ts'), file, mode],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        cwd: join(__dirname, '..', '..'),
      },
    );
    const acknowledged: string[] = [];
    let buffer = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      acknowledged.push(...lines);
      if (acknowledged.length >= 3000 && !child.killed) child.kill('SIGKILL');
    });
    const signal = await exited;
    expect(signal).toBe('SIGKILL');
    // Lines still in the pipe were acknowledged too; the ones read are a subset of those.
    const store = SqliteEventStore.open(file);
    try {
      const stored = new Set((await store.readAll()).map((e) => e.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(3000);
      expect(lost).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
