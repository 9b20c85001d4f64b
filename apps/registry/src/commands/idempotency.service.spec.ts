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
    const first = await service.run('registrar-1', 'k-1', 'h', execute);
    const again = await service.run('registrar-1', 'k-1', 'h', execute);
    expect(first).toMatchObject({ status: 201, body: { run: 1 }, replayed: false });
    expect(again).toMatchObject({ status: 201, body: { run: 1 }, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses the same key with another body as 422', async () => {
    await service.run('registrar-1', 'k-1', 'h1', async () => ({ status: 200, body: {} }));
    const error = await service
      .run('registrar-1', 'k-1', 'h2', async () => ({ status: 200, body: {} }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toMatchObject({ status: 422, code: 'idempotency.key_reused' });
  });

  it('scopes keys by caller and keeps no answer of a failed request', async () => {
    await service.run('a', 'same', 'h', async () => ({ status: 200, body: { who: 'a' } }));
    const b = await service.run('b', 'same', 'h', async () => ({ status: 200, body: { who: 'b' } }));
    expect(b.body).toEqual({ who: 'b' });
    await expect(
      service.run('a', 'fails', 'h', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const retried = await service.run('a', 'fails', 'h', async () => ({ status: 201, body: { ok: true } }));
    expect(retried).toMatchObject({ replayed: false, body: { ok: true } });
  });

  it('gives racing first requests one answer', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map((n) => service.run('a', 'race', 'h', async () => ({ status: 201, body: { n } }))),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
  });

  it('refuses a malformed key with 400', () => {
    expect(() => service.scopeOf('a', 'has space')).toThrow(ProblemError);
    expect(() => service.scopeOf('a', '')).toThrow(ProblemError);
  });
});
