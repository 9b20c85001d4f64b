import type { MeetingCommand, OrganisationCommand, PersonCommand } from '@baytaq/domain';
import { nameBasedUuid } from '../../../registry/src/commands/deterministic-id';

/**
 * The seed story of DOMAIN.md, from the public news report in shared/seed-article.txt. Only what
 * the report says is recorded: no birth dates, IINs, protocol numbers, BINs or council members
 * are invented. Where a fact is missing the field is omitted, and where an entry rests on an
 * assumption its basis says so.
 */
export type SeedStep =
  | { key: string; stream: 'organisation'; id: string; command: OrganisationCommand; resourceId?: string }
  | { key: string; stream: 'person'; id: string; command: PersonCommand }
  | { key: string; stream: 'meeting'; id: string; command: MeetingCommand };

const id = (name: string): string => nameBasedUuid(`demo/${name}`);

export const SEED_IDS = {
  party: id('party'),
  region: id('karaganda-region'),
  karagandaCity: id('karaganda-city'),
  temirtauCity: id('temirtau-city'),
  temirtauMeeting: id('meeting-2023-01-10'),
  amirtai: id('person/amirtai'),
  kazitov: id('person/kazitov'),
  kuderinov: id('person/kuderinov'),
  kozlovsky: id('person/kozlovsky'),
} as const;

const S = SEED_IDS;
const FOUNDING = { document: 'Founding congress of the party, 24 September 2022' };
const MEETING = { meetingId: S.temirtauMeeting };
const MEETING_DAY = '2023-01-10';
/** The report does not give when the three were admitted: they are recorded as members from the meeting. */
const ADMITTED_AS_OF_MEETING = {
  meetingId: S.temirtauMeeting,
  document: 'Admission date not public; membership recorded as of the meeting of 10 January 2023',
};

function branch(
  key: string,
  orgId: string,
  parentId: string,
  kato: string,
  name: { kk: string; ru: string; en: string },
): SeedStep {
  return {
    key,
    stream: 'organisation',
    id: orgId,
    command: {
      type: 'EstablishOrganisation',
      organisationId: orgId,
      kind: key === 'region' ? 'regional_branch' : 'city_branch',
      parentId,
      kato,
      name,
      effectiveDate: MEETING_DAY,
      basis: MEETING,
    },
  };
}

function body(
  key: string,
  parentId: string,
  bodyType: 'political_council' | 'counting_commission',
  name: { kk: string; ru: string; en: string },
): SeedStep[] {
  const bodyId = id(`body/${key}`);
  const postId = id(`post/${key}/member`);
  return [
    {
      key: `body/${key}`,
      stream: 'organisation',
      id: bodyId,
      command: {
        type: 'EstablishOrganisation',
        organisationId: bodyId,
        kind: 'body',
        parentId,
        bodyType,
        name,
        effectiveDate: MEETING_DAY,
        basis: MEETING,
      },
    },
    {
      key: `post/${key}/member`,
      stream: 'organisation',
      id: bodyId,
      resourceId: postId,
      command: {
        type: 'CreatePost',
        postId,
        role: 'member',
        seats: null,
        title: { kk: `${name.kk} мүшесі`, ru: `Член: ${name.ru}`, en: `Member of the ${name.en}` },
        effectiveDate: MEETING_DAY,
        basis: MEETING,
      },
    },
  ];
}

function officer(
  key: string,
  orgId: string,
  personId: string,
  title: { kk: string; ru: string; en: string },
  date: string,
  basis: object,
  role: 'chair' | 'head' = 'chair',
): SeedStep[] {
  const postId = id(`post/${key}`);
  const tenureId = id(`tenure/${key}`);
  return [
    {
      key: `post/${key}`,
      stream: 'organisation',
      id: orgId,
      resourceId: postId,
      command: { type: 'CreatePost', postId, role, seats: 1, title, effectiveDate: date, basis },
    },
    {
      key: `tenure/${key}`,
      stream: 'organisation',
      id: orgId,
      resourceId: tenureId,
      command: { type: 'StartTenure', postId, tenureId, personId, method: 'elected', effectiveDate: date, basis },
    },
  ];
}

function person(
  key: string,
  personId: string,
  name: { surname: string; given: string; patronymic?: string },
  latinName: { surname: string; given: string; patronymic?: string },
  admission: { organisationId: string; effectiveDate: string; basis: object },
): SeedStep[] {
  return [
    {
      key: `person/${key}`,
      stream: 'person',
      id: personId,
      command: {
        type: 'RegisterPerson',
        personId,
        name,
        latinName,
        citizenship: 'KZ',
        effectiveDate: admission.effectiveDate,
      },
    },
    {
      key: `admission/${key}`,
      stream: 'person',
      id: personId,
      command: { type: 'AdmitMember', ...admission, ageAttested: true },
    },
  ];
}

export const SEED_STORY: SeedStep[] = [
  {
    key: 'party',
    stream: 'organisation',
    id: S.party,
    command: {
      type: 'EstablishOrganisation',
      organisationId: S.party,
      kind: 'party',
      name: { kk: 'Қазақстанның «Байтақ» жасылдар партиясы', en: 'Baytaq Green Party of Kazakhstan' },
      effectiveDate: '2022-09-24',
      basis: FOUNDING,
    },
  },
  {
    key: 'party/registration',
    stream: 'organisation',
    id: S.party,
    command: {
      type: 'RegisterOrganisation',
      authority: 'Министерство юстиции Республики Казахстан',
      effectiveDate: '2022-11-28',
    },
  },
  ...person(
    'amirtai',
    S.amirtai,
    { surname: 'Әміртай', given: 'Азаматхан' },
    { surname: 'Amirtai', given: 'Azamatkhan' },
    { organisationId: S.party, effectiveDate: '2022-09-24', basis: FOUNDING },
  ),
  ...officer(
    'party-chairman',
    S.party,
    S.amirtai,
    { kk: 'Партия төрағасы', ru: 'Председатель партии', en: 'Chairman of the party' },
    '2022-09-24',
    FOUNDING,
  ),
  {
    key: 'meeting/2023-01-10',
    stream: 'meeting',
    id: S.temirtauMeeting,
    command: {
      type: 'RecordMeeting',
      meetingId: S.temirtauMeeting,
      organisationId: S.party,
      kind: 'general_meeting',
      date: MEETING_DAY,
      place: 'Temirtau',
      attendance: 128,
      agenda: [
        'Establishment of the Karaganda regional branch',
        'Election of the counting commission',
        'Election of the regional and city political councils',
        'Election of the chairman of the regional branch and of the heads of the city branches',
      ],
    },
  },
  branch('region', S.region, S.party, '350000000', {
    kk: '«Байтақ» партиясының Қарағанды облыстық филиалы',
    ru: 'Карагандинский областной филиал партии «Байтақ»',
    en: 'Karaganda regional branch',
  }),
  // KATO codes of the two cities (Karaganda 351010000, Temirtau 352410000), in the Karaganda region.
  branch('karaganda-city', S.karagandaCity, S.region, '351010000', {
    kk: 'Қарағанды қалалық филиалы',
    ru: 'Карагандинский городской филиал',
    en: 'Karaganda city branch',
  }),
  branch('temirtau-city', S.temirtauCity, S.region, '352410000', {
    kk: 'Теміртау қалалық филиалы',
    ru: 'Темиртауский городской филиал',
    en: 'Temirtau city branch',
  }),
  ...body('counting-commission', S.region, 'counting_commission', {
    kk: 'Қарағанды облыстық филиалының санақ комиссиясы',
    ru: 'Счётная комиссия Карагандинского областного филиала',
    en: 'counting commission of the Karaganda regional branch',
  }),
  ...body('regional-council', S.region, 'political_council', {
    kk: 'Облыстық саяси кеңес',
    ru: 'Областной политический совет',
    en: 'regional political council',
  }),
  ...body('karaganda-council', S.karagandaCity, 'political_council', {
    kk: 'Қарағанды қалалық саяси кеңесі',
    ru: 'Карагандинский городской политический совет',
    en: 'Karaganda city political council',
  }),
  ...body('temirtau-council', S.temirtauCity, 'political_council', {
    kk: 'Теміртау қалалық саяси кеңесі',
    ru: 'Темиртауский городской политический совет',
    en: 'Temirtau city political council',
  }),
  ...person(
    'kazitov',
    S.kazitov,
    { surname: 'Казитов', given: 'Сейфул-Малик', patronymic: 'Туреханович' },
    { surname: 'Kazitov', given: 'Seiful-Malik', patronymic: 'Turekhanovich' },
    { organisationId: S.region, effectiveDate: MEETING_DAY, basis: ADMITTED_AS_OF_MEETING },
  ),
  ...person(
    'kuderinov',
    S.kuderinov,
    { surname: 'Кудеринов', given: 'Мурат', patronymic: 'Тасбулатович' },
    { surname: 'Kuderinov', given: 'Murat', patronymic: 'Tasbulatovich' },
    { organisationId: S.karagandaCity, effectiveDate: MEETING_DAY, basis: ADMITTED_AS_OF_MEETING },
  ),
  ...person(
    'kozlovsky',
    S.kozlovsky,
    { surname: 'Козловский', given: 'Артём', patronymic: 'Валерьевич' },
    { surname: 'Kozlovsky', given: 'Artyom', patronymic: 'Valerievich' },
    { organisationId: S.temirtauCity, effectiveDate: MEETING_DAY, basis: ADMITTED_AS_OF_MEETING },
  ),
  ...officer(
    'region-chairman',
    S.region,
    S.kazitov,
    { kk: 'Облыстық филиал төрағасы', ru: 'Председатель областного филиала', en: 'Chairman of the regional branch' },
    MEETING_DAY,
    MEETING,
  ),
  ...officer(
    'karaganda-head',
    S.karagandaCity,
    S.kuderinov,
    { kk: 'Қалалық филиал басшысы', ru: 'Руководитель городского филиала', en: 'Head of the city branch' },
    MEETING_DAY,
    MEETING,
    'head',
  ),
  ...officer(
    'temirtau-head',
    S.temirtauCity,
    S.kozlovsky,
    { kk: 'Қалалық филиал басшысы', ru: 'Руководитель городского филиала', en: 'Head of the city branch' },
    MEETING_DAY,
    MEETING,
    'head',
  ),
];
