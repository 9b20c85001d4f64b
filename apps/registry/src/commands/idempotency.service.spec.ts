import { MemoryEventStore } from '@baytaq/event-store';
import { ProblemError } from '../http/problem';
import { IdempotencyService } from './idempotency.service';

describe('IdempotencyService', () => {
  let store: MemoryEventStore;
  let service: IdempotencyService;
  beforeEach(() => {
    store = new MemoryEventStore();
    service = new IdempotencyService(store);
  });

  it('runs a request once and answers a repeat with the first answer', async () => {
    let runs = 0;
    const execute = async () => ({ status: 201, body: { id: 'x', run: ++runs } });
    const first = await service.run(service.request('registrar-1', 'k-1', 'h'), 'registrar-1', execute);
    const again = await service.run(service.request('registrar-1', 'k-1', 'h'), 'registrar-1', execute);
    expect(first).toMatchObject({ status: 201, body: { run: 1 }, replayed: false });
    expect(again).toMatchObject({ status: 201, body: { run: 1 }, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses the same key with another body as 422', async () => {
    await service.run(service.request('registrar-1', 'k-1', 'h1'), 'registrar-1', async () => ({
      status: 200,
      body: {},
    }));
    const error = await service
      .run(service.request('registrar-1', 'k-1', 'h2'), 'registrar-1', async () => ({ status: 200, body: {} }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toMatchObject({ status: 422, code: 'idempotency.key_reused' });
  });

  it('scopes keys by caller and keeps no answer of a failed request', async () => {
    await service.run(service.request('a', 'same', 'h'), 'a', async () => ({ status: 200, body: { who: 'a' } }));
    const b = await service.run(service.request('b', 'same', 'h'), 'b', async () => ({
      status: 200,
      body: { who: 'b' },
    }));
    expect(b.body).toEqual({ who: 'b' });
    await expect(
      service.run(service.request('a', 'fails', 'h'), 'a', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const retried = await service.run(service.request('a', 'fails', 'h'), 'a', async () => ({
      status: 201,
      body: { ok: true },
    }));
    expect(retried).toMatchObject({ replayed: false, body: { ok: true } });
  });

  it('makes racing requests with one key wait for the first and answer as it did', async () => {
    let runs = 0;
    const answers = await Promise.all(
      [1, 2, 3].map((n) =>
        service.run(service.request('a', 'race', 'h'), 'a', async () => {
          runs += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          return { status: 201, body: { n } };
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(answers.map((a) => a.body)).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(answers.map((a) => a.replayed)).toEqual([false, true, true]);
  });

  it('gives requests waiting on a first that failed the same refusal, and a reused key 422 at once', async () => {
    let release: () => void = () => undefined;
    const first = service.run(service.request('a', 'refused', 'h'), 'a', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      throw new Error('refused');
    });
    const waiting = service.run(service.request('a', 'refused', 'h'), 'a', async () => ({ status: 201, body: {} }));
    const reused = service.run(service.request('a', 'refused', 'other'), 'a', async () => ({ status: 201, body: {} }));
    await expect(reused).rejects.toMatchObject({ problem: { code: 'idempotency.key_reused' } });
    release();
    await expect(first).rejects.toThrow('refused');
    await expect(waiting).rejects.toThrow('refused');
  });

  it('refuses a malformed key with 400', () => {
    expect(() => service.request('a', 'has space', 'h')).toThrow(ProblemError);
    expect(() => service.request('a', '', 'h')).toThrow(ProblemError);
  });
});
