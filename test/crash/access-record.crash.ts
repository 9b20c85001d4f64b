import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileService } from './compiled-service';
import { CRASH_ADMIN_KEY, RegistryProcess } from './registry-process';

const READS = 40;

/**
 * The access record is on disk before the answer it records leaves (API.md, "Personal data": never
 * lost on a crash of the read). The service runs as a process of its own; a compliance key reads
 * a person READS times, 8 at once, and the moment the last answer is in, the process is killed with
 * SIGKILL (no shutdown hook, nothing flushed). Started again on the same data directory, the record
 * must hold every read that was answered, by its request id.
 */
describe('access record: kill -9 right after personal reads were answered', () => {
  let serviceDir: string;
  let dataDir: string;
  let service: RegistryProcess | undefined;

  beforeAll(() => {
    serviceDir = compileService();
    dataDir = mkdtempSync(join(tmpdir(), 'baytaq-access-crash-'));
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(serviceDir, { recursive: true, force: true });
  });

  const call = async (method: string, url: string, key: string, body?: unknown, requestId?: string) => {
    const res = await fetch(`${service!.url}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  it('finds every answered read in the record after the restart', async () => {
    service = await RegistryProcess.start(serviceDir, dataDir);
    const compliance = (await call('POST', '/v1/keys', CRASH_ADMIN_KEY, { name: 'desk', roles: ['compliance'] }))[
      'key'
    ] as string;
    const person = (
      await call('POST', '/v1/people', CRASH_ADMIN_KEY, {
        name: { surname: 'Крашова', given: 'Синтетика' },
        birthDate: '1990-04-04',
        citizenship: 'KZ',
      })
    )['id'] as string;

    const answered: string[] = [];
    let next = 0;
    const reader = async () => {
      while (next < READS) {
        const requestId = `crash-read-${next++}`;
        await call('GET', `/v1/people/${person}`, compliance, undefined, requestId);
        answered.push(requestId);
      }
    };
    await Promise.all(Array.from({ length: 8 }, reader));
    expect(await service.killNine()).toBe('SIGKILL');

    service = await RegistryProcess.start(serviceDir, dataDir);
    const page = await call('GET', `/v1/audit/access?personId=${person}&limit=500`, CRASH_ADMIN_KEY);
    const recorded = (page['items'] as Array<{ requestId: string; actor: string }>).map((e) => e.requestId);
    expect([...recorded].sort()).toEqual([...answered].sort());
    expect(answered).toHaveLength(READS);
  }, 120_000);
});
