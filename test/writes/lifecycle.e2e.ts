import { randomUUID } from 'node:crypto';
import { makeIin } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus as ok } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/** The writes not covered elsewhere: abolition, personal details, suspension and reinstatement. */
describe('post and membership lifecycle', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let w: ReturnType<typeof registryWrites>;
  let store: EventStore;
  const party = randomUUID();
  const refusal = (a: { status: number; body: Record<string, unknown> }) => [a.status, a.body['code']];

  const member = (surname: string) => w.member(surname, party, '2022-10-01');

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    w = registryWrites(call);
    store = t.app.get(EVENT_STORE);
    await w.establishParty(party);
  });
  afterAll(() => t.close());

  it('abolishes a post, ending its running tenure; no tenure starts on it afterwards', async () => {
    const holder = await member('Упразднённый');
    const post = await w.createPost(party, 'secretary', 'Секретарь', '2022-10-01');
    const tenure = ok(await w.startTenure(post, holder, '2022-10-01'), 201)['id'];
    ok(await call('POST', `/v1/posts/${post}/abolition`, { effectiveDate: '2023-03-01' }));
    const ended = (await store.readStream(`organisation-${party}`)).find(
      (e) => e.type === 'TenureEnded' && e.data['tenureId'] === tenure,
    );
    expect(ended?.data).toMatchObject({ reason: 'post_abolished', effectiveDate: '2023-03-01' });
    expect(refusal(await w.startTenure(post, holder, '2023-04-01'))).toEqual([409, 'tenure.outside_post_lifetime']);
    expect(refusal(await call('POST', `/v1/posts/${post}/abolition`, { effectiveDate: '2023-05-01' }))).toEqual([
      409,
      'post.abolished',
    ]);
    expect(refusal(await call('POST', `/v1/posts/${randomUUID()}/abolition`, { effectiveDate: '2023-05-01' }))).toEqual(
      [404, 'post.not_found'],
    );
  });

  it('suspends and reinstates a membership; a suspended member cannot start a tenure', async () => {
    const person = await member('Приостановленный');
    const post = await w.createPost(party, 'member', 'Член бюро', '2022-10-01');
    ok(await call('POST', `/v1/people/${person}/membership/suspension`, { effectiveDate: '2023-02-01' }));
    expect(
      refusal(await call('POST', `/v1/people/${person}/membership/suspension`, { effectiveDate: '2023-02-10' })),
    ).toEqual([409, 'membership.already_suspended']);
    expect(refusal(await w.startTenure(post, person, '2023-02-15'))).toEqual([409, 'tenure.holder_suspended']);
    ok(await call('POST', `/v1/people/${person}/membership/reinstatement`, { effectiveDate: '2023-03-01' }));
    expect(
      refusal(await call('POST', `/v1/people/${person}/membership/reinstatement`, { effectiveDate: '2023-03-10' })),
    ).toEqual([409, 'membership.not_suspended']);
    ok(await w.startTenure(post, person, '2023-03-01'), 201);
    const outsider = ok(
      await call('POST', '/v1/people', { name: { surname: 'Внешний', given: 'Синтетик' }, citizenship: 'KZ' }),
      201,
    )['id'];
    expect(
      refusal(await call('POST', `/v1/people/${outsider}/membership/suspension`, { effectiveDate: '2023-02-01' })),
    ).toEqual([409, 'membership.not_member']);
  });

  it('changes personal details, reserving a new IIN, and refuses an empty change and an IIN of someone else', async () => {
    const first = await member('Детальный');
    const second = await member('Другой');
    const iin = makeIin('1985-02-02', 'male', 55);
    ok(await call('POST', `/v1/people/${first}/details`, { iin, reason: 'corrected', effectiveDate: '2023-01-01' }));
    const [changed] = (await store.readStream(`person-${first}`)).filter((e) => e.type === 'PersonDetailsChanged');
    expect(changed!.data).toMatchObject({ reason: 'corrected', personal: { iin } });
    expect(
      refusal(
        await call('POST', `/v1/people/${second}/details`, { iin, reason: 'corrected', effectiveDate: '2023-01-01' }),
      ),
    ).toEqual([409, 'iin.taken']);
    expect(
      refusal(await call('POST', `/v1/people/${first}/details`, { reason: 'changed', effectiveDate: '2023-01-01' })),
    ).toEqual([422, 'person.no_changes']);
    expect(
      (
        await call('POST', `/v1/people/${randomUUID()}/details`, {
          latinName: { surname: 'X', given: 'Y' },
          reason: 'changed',
          effectiveDate: '2023-01-01',
        })
      ).status,
    ).toBe(404);
  });

  it('enters history late: a tenure already over is recorded with its end, where an open one would collide', async () => {
    const [earlier, current] = [await member('Прежний'), await member('Нынешний')];
    const post = await w.createPost(party, 'chair', 'Председатель совета', '2022-10-01');
    ok(await w.startTenure(post, current, '2023-01-10'), 201);
    expect(refusal(await w.startTenure(post, earlier, '2022-10-01'))).toEqual([409, 'post.seats_exceeded']);
    const late = await call('POST', `/v1/posts/${post}/tenures`, {
      personId: earlier,
      effectiveDate: '2022-10-01',
      method: 'elected',
      end: { effectiveDate: '2023-01-10', reason: 'term_expired' },
    });
    ok(late, 201);
    const types = (await store.readStream(`organisation-${party}`))
      .filter((e) => e.data['personId'] === earlier)
      .map((e) => e.type);
    expect(types).toEqual(['TenureStarted', 'TenureEnded']);
  });

  it('refuses a date in the future with 422 date.in_future', async () => {
    const answer = await call('POST', `/v1/organisations/${party}/renamings`, {
      name: { ru: 'Будущее' },
      effectiveDate: '2999-01-01',
    });
    expect(refusal(answer)).toEqual([422, 'date.in_future']);
  });
});
