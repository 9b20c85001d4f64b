import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { makeIin } from '@baytaq/domain';
import { client } from '../support/http';
import { TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { registeredIins, startGeneratedApp } from './run-generator';

describe('the app on a generated data directory', () => {
  let t: TestApp | undefined;
  let app: NestFastifyApplication;
  let iin: string;

  beforeAll(async () => {
    t = await startGeneratedApp(40, 3, (log) => (iin = registeredIins(log)[0]!));
    app = t.app;
  }, 60_000);
  afterAll(() => t?.close());

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
