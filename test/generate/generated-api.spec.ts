import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIin } from '@baytaq/domain';
import { client } from '../support/http';
import { startTestAppIn, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { readLog, runGenerator, TEST_IIN_SECRET } from './run-generator';

describe('the app on a generated data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baytaq-gen-api-'));
  let t: TestApp | undefined;
  let app: NestFastifyApplication;
  let iin: string;

  beforeAll(async () => {
    const run = runGenerator(['--members', '40', '--seed', '3', '--data-dir', dataDir]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const registered = (await readLog(dataDir)).find((e) => e.type === 'PersonRegistered')!;
    iin = (registered.data['personal'] as { iin: string }).iin;
    t = await startTestAppIn(dataDir, { REGISTRY_IIN_SECRET: TEST_IIN_SECRET });
    app = t.app;
  }, 60_000);
  afterAll(async () => {
    if (t) await t.close();
    else rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to register a second person with a generated IIN (409 iin.taken), and takes a new one', async () => {
    const call = client(app, TEST_ADMIN_KEY);
    const person = (withIin: string) => ({
      name: { surname: 'Синтдубль', given: 'Тест' },
      citizenship: 'KZ',
      iin: withIin,
    });
    const duplicate = await call('POST', '/v1/people', person(iin));
    expect([duplicate.status, duplicate.body['code']]).toEqual([409, 'iin.taken']);
    const fresh = await call('POST', '/v1/people', person(makeIin('1999-12-31', 'male', 4321)));
    expect(fresh.status).toBe(201);
  });
});
