import fc from 'fast-check';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { TEST_ADMIN_KEY } from '../support/test-app';
import { fuzzSettings } from './fuzz-run';
import { FuzzTarget } from './fuzz-target';
import { withField } from './json-body';

/**
 * Issue 16, item 4: text that becomes public (organisation names, post titles, meeting texts)
 * refuses NUL and other controls, lone surrogates and bidirectional overrides, with 422 naming the
 * field, and appends nothing; numbers have sane bounds.
 */
interface PublicWrite {
  path: string;
  body: Record<string, unknown>;
  fields: string[][];
}

const WRITES: PublicWrite[] = [
  {
    path: '/v1/organisations',
    body: {
      kind: 'body',
      parentId: SEED_IDS.party,
      bodyType: 'bureau',
      name: { kk: 'Синтетов бюросы', ru: 'Бюро Синтетова', en: 'Synthetic bureau' },
      effectiveDate: '2023-02-01',
    },
    fields: [
      ['name', 'kk'],
      ['name', 'ru'],
      ['name', 'en'],
    ],
  },
  {
    path: `/v1/organisations/${SEED_IDS.region}/renamings`,
    body: { name: { kk: 'Тестов филиалы', ru: 'Филиал Тестова', en: 'Testov branch' }, effectiveDate: '2024-01-01' },
    fields: [
      ['name', 'kk'],
      ['name', 'ru'],
      ['name', 'en'],
    ],
  },
  {
    path: `/v1/organisations/${SEED_IDS.region}/posts`,
    body: { title: { ru: 'Секретарь', en: 'Secretary' }, role: 'secretary', effectiveDate: '2024-01-01' },
    fields: [
      ['title', 'ru'],
      ['title', 'en'],
    ],
  },
  {
    path: '/v1/meetings',
    body: {
      organisationId: SEED_IDS.region,
      kind: 'conference',
      date: '2024-01-01',
      place: 'Karaganda',
      attendance: 10,
      protocolNumber: '7',
      agenda: ['Synthetic item'],
    },
    fields: [['place'], ['protocolNumber'], ['agenda', '0']],
  },
];

const UNCLEAN: Array<[string, string]> = [
  ['NUL', '\u0000'],
  ['a control character', '\u0007'],
  ['a lone high surrogate', '\uD800'],
  ['a lone low surrogate', '\uDC00'],
  ['a right-to-left override', '\u202E'],
  ['a left-to-right isolate', '\u2066'],
];

const settings = fuzzSettings();
const cases = WRITES.flatMap((write) =>
  write.fields.flatMap((field) => UNCLEAN.map(([name, bad]) => ({ write, field, name, bad }))),
);

describe('fuzz: public text is clean (issue 16, item 4)', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await FuzzTarget.start();
  });
  afterAll(() => target?.close());

  const post = (path: string, body: unknown) =>
    target.send({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
      overSocket: false,
    });

  it.each(cases.map((c) => [`${c.write.path} ${c.field.join('.')} with ${c.name}`, c] as const))(
    '%s is refused with 422 naming the field, and nothing is appended',
    async (_, { write, field, bad }) => {
      // Where in the text the character sits is generated: at the start, inside, at the end.
      const [at] = fc.sample(fc.nat(8), { seed: settings.seed + field.length, numRuns: 1 });
      const clean = String(field.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], write.body));
      const text = `${clean.slice(0, at)}${bad}${clean.slice(at)}`;
      const before = await target.headPosition();
      const answer = await post(write.path, withField(write.body, field, text));
      const body = JSON.parse(answer.body) as { errors?: Array<{ field: string }> };
      expect({ status: answer.status, fields: (body.errors ?? []).map((e) => e.field) }).toEqual({
        status: 422,
        fields: expect.arrayContaining([field.join('.')]),
      });
      expect(await target.headPosition()).toBe(before);
    },
  );

  // Out of bounds (422) or not a whole number at all (400): either way refused, naming seats, appending nothing.
  it.each([1e308, 10_001, 1.5, -1])('refuses seats: %s naming seats', async (seats) => {
    const { path, body } = WRITES[2]!;
    const before = await target.headPosition();
    const answer = await post(path, { ...body, seats });
    const problem = JSON.parse(answer.body) as { errors?: Array<{ field: string }> };
    expect({ refused: [400, 422].includes(answer.status), fields: (problem.errors ?? []).map((e) => e.field) }).toEqual(
      {
        refused: true,
        fields: ['seats'],
      },
    );
    expect(await target.headPosition()).toBe(before);
  });

  it('accepts each of these writes with clean text', async () => {
    // The refusals above are about the text alone: the same bodies, clean, are accepted.
    for (const write of WRITES) {
      const { status } = await post(write.path, write.body);
      expect({ path: write.path, accepted: status === 200 || status === 201 }).toEqual({
        path: write.path,
        accepted: true,
      });
    }
  });

  it('stores a name given in NFD as NFC', async () => {
    const nfd = 'Қостанай Ёлка'.normalize('NFD');
    const answer = await post(WRITES[0]!.path, { ...WRITES[0]!.body, name: { ru: nfd } });
    expect(answer.status).toBe(201);
    const { id } = JSON.parse(answer.body) as { id: string };
    const read = await target.send({ method: 'GET', url: `/v1/organisations/${id}`, headers: {}, overSocket: false });
    expect(JSON.stringify(JSON.parse(read.body))).toContain('Қостанай Ёлка'.normalize('NFC'));
  });
});
