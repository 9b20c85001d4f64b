import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { client, expectStatus, type Answer } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Public text through the real app: organisation, post and meeting texts with a control
 * character, a lone surrogate or a bidirectional override, or too long once in NFC, and numbers
 * beyond their bounds, are refused with 422, the field and the code, and nothing is appended.
 */
type Write = { path: string; body: (text: string) => Record<string, unknown>; field: string };

const S = SEED_IDS;
const WRITES: Write[] = [
  {
    path: '/v1/organisations',
    field: 'name.kk',
    body: (t) => ({
      kind: 'body',
      parentId: S.party,
      bodyType: 'bureau',
      name: { kk: `Синтетов${t} бюросы`, ru: 'Бюро Синтетова' },
      effectiveDate: '2023-02-01',
    }),
  },
  {
    path: `/v1/organisations/${S.region}/renamings`,
    field: 'name.en',
    body: (t) => ({ name: { ru: 'Филиал Тестова', en: `Testov ${t}branch` }, effectiveDate: '2024-01-01' }),
  },
  {
    path: `/v1/organisations/${S.temirtauCity}/registrations`,
    field: 'authority',
    body: (t) => ({ authority: `Департамент юстиции${t}`, effectiveDate: '2024-01-01' }),
  },
  {
    path: `/v1/organisations/${S.region}/posts`,
    field: 'title.ru',
    body: (t) => ({ title: { ru: `Секретарь${t}` }, role: 'secretary', effectiveDate: '2024-01-01' }),
  },
  {
    path: `/v1/organisations/${S.region}/posts`,
    field: 'basis.document',
    body: (t) => ({
      title: { ru: 'Казначей' },
      role: 'treasurer',
      effectiveDate: '2024-01-01',
      basis: { document: `Протокол${t} №7` },
    }),
  },
  {
    path: '/v1/meetings',
    field: 'place',
    body: (t) => ({
      organisationId: S.region,
      kind: 'conference',
      date: '2024-01-01',
      place: `Кара${t}ганда`,
      attendance: 10,
    }),
  },
  {
    path: '/v1/meetings',
    field: 'agenda.0',
    body: (t) => ({
      organisationId: S.region,
      kind: 'conference',
      date: '2024-01-01',
      place: 'Караганда',
      attendance: 10,
      agenda: [`Выборы${t}`],
    }),
  },
];

const UNCLEAN: Array<[string, string, string]> = [
  ['NUL', '\u0000', 'text.control_character'],
  ['a line feed', '\n', 'text.control_character'],
  ['a lone surrogate', '\uDFFF', 'text.lone_surrogate'],
  ['U+202E', '\u202E', 'text.bidi_override'],
  ['U+2066', '\u2066', 'text.bidi_override'],
  // 151 code points that NFC writes as 302: within the request's 300, beyond the registry's.
  ['151 × U+0958', '\u0958'.repeat(151), 'text.too_long'],
];

describe('public text is clean (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestApp();
    await loadSeedStory(t.app);
    store = t.app.get(EVENT_STORE);
    call = client(t.app, t.adminKey);
  });
  afterAll(() => t.close());

  async function refused(path: string, body: unknown): Promise<Answer> {
    const head = await store.headPosition();
    const answer = await call('POST', path, body);
    expect(await store.headPosition()).toBe(head);
    return answer;
  }

  const cases = WRITES.flatMap((w) =>
    UNCLEAN.map(([name, bad, code]): [string, Write, string, string] => [`${w.field} with ${name}`, w, bad, code]),
  );
  // Too long once in NFC only where the registry's maximum is the request's 300 (names, titles, authority, place).
  const applicable = cases.filter(([, w, , code]) => code !== 'text.too_long' || !/^(basis|agenda)/.test(w.field));

  it.each(applicable)('refuses %s with 422, the field and the code, appending nothing', async (_, write, bad, code) => {
    const answer = await refused(write.path, write.body(bad));
    expect([answer.status, answer.body['code'], answer.body['errors']]).toEqual([
      422,
      code,
      [expect.objectContaining({ field: write.field, code })],
    ]);
  });

  it('refuses a retraction whose reason holds a right-to-left override, appending nothing', async () => {
    const post = expectStatus(
      await call('POST', `/v1/organisations/${S.region}/posts`, {
        title: { ru: 'Синтетов пост' },
        role: 'other',
        effectiveDate: '2024-01-01',
      }),
      201,
    );
    const eventId = (post['eventIds'] as string[])[0]!;
    const answer = await refused(`/v1/events/${eventId}/retraction`, { reason: 'ошибка \u202Eвводa' });
    expect([answer.status, answer.body['code'], answer.body['errors']]).toEqual([
      422,
      'text.bidi_override',
      [expect.objectContaining({ field: 'reason' })],
    ]);
  });

  it('refuses 10,001 seats with number.out_of_range, and takes 10,000', async () => {
    const post = (seats: number) => ({ title: { ru: 'Совет' }, role: 'member', seats, effectiveDate: '2024-01-01' });
    const answer = await refused(`/v1/organisations/${S.region}/posts`, post(10_001));
    expect([answer.status, answer.body['code'], answer.body['errors']]).toEqual([
      422,
      'number.out_of_range',
      [expect.objectContaining({ field: 'seats', code: 'number.out_of_range' })],
    ]);
    expect((await call('POST', `/v1/organisations/${S.region}/posts`, post(10_000))).status).toBe(201);
  });

  it('records a name sent in NFD in NFC', async () => {
    const nfd = 'Ёлочное бюро Синтетова'.normalize('NFD');
    const created = expectStatus(
      await call('POST', '/v1/organisations', {
        kind: 'body',
        parentId: S.party,
        bodyType: 'bureau',
        name: { ru: nfd },
        effectiveDate: '2023-02-01',
      }),
      201,
    );
    const read = expectStatus(await call('GET', `/v1/organisations/${String(created['id'])}`));
    expect(JSON.stringify(read)).toContain('Ёлочное бюро Синтетова'.normalize('NFC'));
    expect(JSON.stringify(read)).not.toContain(nfd);
  });
});
