import { type RegistryReads } from '@baytaq/read-models';
import { LATIN_SCRIPT_NOTE, primaryName, toPopolo } from './popolo.mapping';
import { popoloValidator } from './testing/popolo-validator';

type Facts = ReturnType<RegistryReads['popolo']['facts']>;

const Q = { asOf: '2024-06-01', knownAt: '2024-06-02T00:00:00.000Z' };

function facts(): Facts {
  return {
    organisations: [
      {
        id: 'org-branch',
        kind: 'regional_branch',
        parentId: 'org-party',
        kato: '350000000',
        from: '2023-01-10',
        to: '2025-01-01',
        names: [
          { from: '2023-01-10', to: '2024-01-01', name: { kk: 'Ескі атауы', ru: 'Старое название' } },
          { from: '2024-01-01', to: '2024-09-01', name: { kk: 'Жаңа атауы', ru: 'Новое название', en: 'New name' } },
          { from: '2024-09-01', to: null, name: { ru: 'Будущее название' } },
        ],
        bins: ['230140012345', '230140012345'],
      },
      {
        id: 'org-party',
        kind: 'party',
        parentId: null,
        kato: null,
        from: '2022-09-24',
        to: null,
        names: [{ from: '2022-09-24', to: null, name: { kk: 'Байтақ партиясы', en: 'Baytaq party' } }],
        bins: [],
      },
    ],
    posts: [
      {
        id: 'post-chair',
        organisationId: 'org-branch',
        title: { kk: 'Төраға', ru: 'Председатель', en: 'Chair' },
        role: 'chair',
        from: '2023-01-10',
        to: null,
      },
      {
        id: 'post-orphan',
        organisationId: 'org-gone',
        title: { ru: 'Пост' },
        role: 'member',
        from: '2023-01-10',
        to: null,
      },
    ],
    tenures: [
      {
        id: 't-1',
        postId: 'post-chair',
        organisationId: 'org-branch',
        personId: 'p-b',
        from: '2023-01-10',
        to: '2024-09-01',
      },
      { id: 't-2', postId: 'post-orphan', organisationId: 'org-gone', personId: 'p-c', from: '2023-01-10', to: null },
      { id: 't-3', postId: 'post-chair', organisationId: 'org-branch', personId: 'p-a', from: '2024-02-01', to: null },
    ],
    people: [
      { id: 'p-b', name: { surname: 'Казитов', given: 'Сейфул-Малик', patronymic: 'Туреханович' }, latinName: null },
      { id: 'p-c', name: { surname: 'Лишний', given: 'Тест' }, latinName: null },
    ],
  };
}

describe('the Popolo mapping', () => {
  it('names an organisation in Russian, else Kazakh, else English', () => {
    expect(primaryName({ kk: 'Байтақ', ru: 'Байтак', en: 'Baytaq' })).toBe('Байтак');
    expect(primaryName({ kk: 'Байтақ', en: 'Baytaq' })).toBe('Байтақ');
    expect(primaryName({ en: 'Baytaq' })).toBe('Baytaq');
    expect(primaryName({})).toBeNull();
  });

  it('maps an organisation: name on asOf, every language of every name adopted by then, KATO and BIN', () => {
    const [branch, party] = toPopolo(facts(), Q, false).organizations;
    expect(branch).toEqual({
      id: 'org-branch',
      name: 'Новое название',
      other_names: [
        { name: 'Ескі атауы', note: 'kk', start_date: '2023-01-10', end_date: '2024-01-01' },
        { name: 'Старое название', note: 'ru', start_date: '2023-01-10', end_date: '2024-01-01' },
        { name: 'Жаңа атауы', note: 'kk', start_date: '2024-01-01', end_date: '2024-09-01' },
        { name: 'Новое название', note: 'ru', start_date: '2024-01-01', end_date: '2024-09-01' },
        { name: 'New name', note: 'en', start_date: '2024-01-01', end_date: '2024-09-01' },
      ],
      identifiers: [
        { identifier: '350000000', scheme: 'KATO' },
        { identifier: '230140012345', scheme: 'BIN' },
      ],
      classification: 'regional_branch',
      parent_id: 'org-party',
      founding_date: '2023-01-10',
      dissolution_date: '2025-01-01',
    });
    expect(party).toEqual({
      id: 'org-party',
      name: 'Байтақ партиясы',
      other_names: [
        { name: 'Байтақ партиясы', note: 'kk', start_date: '2022-09-24' },
        { name: 'Baytaq party', note: 'en', start_date: '2022-09-24' },
      ],
      identifiers: [],
      classification: 'party',
      founding_date: '2022-09-24',
    });
  });

  it('gives an organisation whose every name was adopted after asOf its first name', () => {
    const f = facts();
    f.organisations[1]!.names = [{ from: '2024-07-01', to: null, name: { ru: 'Позже' } }];
    expect(toPopolo(f, Q, false).organizations[1]).toMatchObject({
      name: 'Позже',
      other_names: [{ name: 'Позже', note: 'ru', start_date: '2024-07-01' }],
    });
  });

  it('maps posts and tenures; a tenure keeps its whole term and its post role', () => {
    const out = toPopolo(facts(), Q, false);
    expect(out.posts).toEqual([
      {
        id: 'post-chair',
        label: 'Председатель',
        other_label: ['Төраға', 'Chair'],
        role: 'chair',
        organization_id: 'org-branch',
        start_date: '2023-01-10',
      },
    ]);
    expect(out.memberships).toEqual([
      {
        id: 't-1',
        person_id: 'p-b',
        organization_id: 'org-branch',
        post_id: 'post-chair',
        role: 'chair',
        start_date: '2023-01-10',
        end_date: '2024-09-01',
      },
      {
        id: 't-3',
        person_id: 'p-a',
        organization_id: 'org-branch',
        post_id: 'post-chair',
        role: 'chair',
        start_date: '2024-02-01',
      },
    ]);
  });

  it('keeps every reference resolvable: no post, tenure or person hanging off something left out', () => {
    const out = toPopolo(facts(), Q, true);
    expect(out.posts.map((p) => p.id)).toEqual(['post-chair']);
    expect(out.memberships.map((m) => m.id)).toEqual(['t-1', 't-3']);
    // p-c held only the left-out tenure; p-a holds one but has no record as known then: by id alone.
    expect(out.persons).toEqual([
      { id: 'p-a' },
      {
        id: 'p-b',
        name: 'Казитов Сейфул-Малик Туреханович',
        family_name: 'Казитов',
        given_name: 'Сейфул-Малик',
        patronymic_name: 'Туреханович',
      },
    ]);
    expect(out).toMatchObject({ asOf: Q.asOf, knownAt: Q.knownAt, history: true });
  });

  it('names a person in Cyrillic with the Latin form as another name, and nothing else about them', () => {
    const f = facts();
    // As if a row carried personal data: the mapping takes names field by field, so none of it gets through.
    f.people = [
      {
        id: 'p-a',
        name: { surname: 'Әміртай', given: 'Азаматхан' },
        latinName: { surname: 'Amirtai', given: 'Azamatkhan' },
        iin: '900101300017',
        birthDate: '1990-01-01',
        contacts: { phone: '+77000000000' },
      } as Facts['people'][number],
    ];
    const [person] = toPopolo(f, Q, false).persons;
    expect(person).toEqual({
      id: 'p-a',
      name: 'Әміртай Азаматхан',
      family_name: 'Әміртай',
      given_name: 'Азаматхан',
      other_names: [
        { name: 'Amirtai Azamatkhan', family_name: 'Amirtai', given_name: 'Azamatkhan', note: LATIN_SCRIPT_NOTE },
      ],
    });
  });

  it('produces items that validate against the Popolo schemas, which do refuse a malformed item', () => {
    const validate = popoloValidator();
    const out = toPopolo(facts(), Q, false);
    expect(validate('organization', out.organizations)).toEqual([]);
    expect(validate('post', out.posts)).toEqual([]);
    expect(validate('membership', out.memberships)).toEqual([]);
    expect(validate('person', out.persons)).toEqual([]);
    const broken = { ...out.organizations[0]!, founding_date: '10.01.2023', identifiers: [{ scheme: 'KATO' }] };
    expect(validate('organization', [broken])).toEqual([
      {
        index: 0,
        errors: expect.arrayContaining([
          "/identifiers/0 must have required property 'identifier'",
          expect.stringMatching(/^\/founding_date must match pattern/),
        ]) as unknown as string[],
      },
    ]);
    expect(validate('membership', [{ start_date: 'January 2023' }])).toHaveLength(1);
  });
});
