import { client } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

describe('one IIN, one person, also under concurrent registrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers exactly one of several people sent at once with the same IIN', async () => {
    const call = client(t.app, t.adminKey);
    const answers = await Promise.all(
      ['Бірінші', 'Екінші', 'Үшінші', 'Төртінші', 'Бесінші'].map((given) =>
        call('POST', '/v1/people', {
          name: { surname: 'Синтетов', given },
          iin: '900101300017',
          birthDate: '1990-01-01',
          citizenship: 'KZ',
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body['code'] === 'iin.taken')).toBe(true);
  });
});
