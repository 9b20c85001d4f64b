import { ReadTurns } from './read-turns';

/** Holds the thread as a page read would (the embedded store reads synchronously). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('ReadTurns', () => {
  it('runs one turn at a time, in the order taken: a stream that takes again queues behind the others', async () => {
    const turns = new ReadTurns();
    const order: string[] = [];
    let running = 0;
    const stream = async (name: string, pages: number) => {
      for (let page = 0; page < pages; page++) {
        await turns.take(async () => {
          running += 1;
          expect(running).toBe(1);
          await Promise.resolve();
          order.push(`${name}${page}`);
          running -= 1;
        });
      }
    };
    await Promise.all([stream('a', 3), stream('b', 2), stream('c', 1)]);
    expect(order).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'a2']);
  });

  it('lets the event loop serve other callbacks once a round has spent its budget', async () => {
    const served = async (budgetMs: number): Promise<number> => {
      const turns = new ReadTurns(budgetMs);
      const events: string[] = [];
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          turns.take(async () => {
            // Something else the loop has to do, arriving while the pages are read (a request, say).
            if (i === 0) setImmediate(() => events.push('other'));
            busy(2);
            events.push(`page ${i}`);
          }),
        ),
      );
      await new Promise((resolve) => setImmediate(resolve));
      return events.indexOf('other');
    };
    // 2 ms (or more, on a busy machine) a page, 5 ms a round: the other callback runs by the third page.
    const other = await served(5);
    expect(other).toBeGreaterThanOrEqual(1);
    expect(other).toBeLessThanOrEqual(3);
    // Without a budget every page is read before anything else.
    expect(await served(Number.POSITIVE_INFINITY)).toBe(10);
  });

  it("answers a failing turn's caller with its error and goes on with the others", async () => {
    const turns = new ReadTurns();
    const failing = turns.take(() => Promise.reject(new Error('store gone')));
    const throwing = turns.take((): Promise<void> => {
      throw new Error('no promise at all');
    });
    const fine = turns.take(() => Promise.resolve('page'));
    await expect(failing).rejects.toThrow('store gone');
    await expect(throwing).rejects.toThrow('no promise at all');
    await expect(fine).resolves.toBe('page');
    expect(turns.waiting).toBe(0);
  });
});
