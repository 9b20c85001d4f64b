import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withReadAhead } from './read-ahead';

describe('withReadAhead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baytaq-read-ahead-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers what the work answers, and throws what it throws, while the file is read', () => {
    const file = join(dir, 'store');
    writeFileSync(file, Buffer.alloc(1 << 20, 7));
    expect(withReadAhead(file, () => 42)).toBe(42);
    expect(() =>
      withReadAhead(file, () => {
        throw new Error('the work failed');
      }),
    ).toThrow('the work failed');
  });

  it('leaves the work alone when the file cannot be read', async () => {
    const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    // The work lasts long enough for the reader to fail meanwhile; its failure reaches no one (an
    // unhandled error event would fail this test).
    expect(withReadAhead(join(dir, 'missing'), () => (pause(500), 'done'))).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
});
