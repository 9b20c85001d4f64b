import { makeIin } from '@baytaq/domain';

/** Example bodies for the OpenAPI document: the seed story's shapes, with synthetic ids and people. */
const PARTY = '3f1c2b7e-9a4d-5c3b-8e2f-1a2b3c4d5e6f';
const MEETING = '7a9d0c1e-2b3f-5a4c-9d8e-0f1a2b3c4d5e';
const PERSON = '5b8e1f2a-3c4d-5e6f-8a9b-0c1d2e3f4a5b';
const BASIS = { meetingId: MEETING, protocolNumber: '1', votes: { for: 120, against: 3, abstained: 5 } };

export const WRITE_EXAMPLES = {
  establish: {
    kind: 'regional_branch',
    parentId: PARTY,
    name: { kk: 'Қарағанды облыстық филиалы', ru: 'Карагандинский областной филиал', en: 'Karaganda regional branch' },
    kato: '350000000',
    effectiveDate: '2023-01-10',
    basis: BASIS,
  },
  register: {
    authority: 'Министерство юстиции Республики Казахстан',
    number: 'SYN-0001',
    bin: '221140000001',
    effectiveDate: '2022-11-28',
  },
  rename: {
    name: { kk: 'Жаңа атауы', ru: 'Новое название', en: 'New name' },
    effectiveDate: '2023-07-22',
    basis: BASIS,
  },
  dissolve: { effectiveDate: '2024-03-01', reason: 'decision', basis: BASIS },
  createPost: {
    title: { kk: 'Филиал төрағасы', ru: 'Председатель филиала', en: 'Chairman of the branch' },
    role: 'chair',
    seats: 1,
    effectiveDate: '2023-01-10',
  },
  abolish: { effectiveDate: '2024-01-01', basis: BASIS },
  startTenure: { personId: PERSON, effectiveDate: '2023-01-10', method: 'elected', basis: BASIS },
  endTenure: { effectiveDate: '2024-05-15', reason: 'resigned', basis: { document: 'Letter of resignation' } },
  registerPerson: {
    name: { surname: 'Синтетов', given: 'Тестбек', patronymic: 'Примерұлы' },
    latinName: { surname: 'Sintetov', given: 'Testbek', patronymic: 'Primeruly' },
    iin: makeIin('1990-01-01', 'male', 101),
    birthDate: '1990-01-01',
    citizenship: 'KZ',
  },
  details: { name: { surname: 'Синтетова', given: 'Тестбике' }, reason: 'corrected', effectiveDate: '2024-02-01' },
  admit: { organisationId: PARTY, effectiveDate: '2023-01-10', cardNumber: 'SYN-000123', basis: BASIS },
  transfer: { organisationId: PARTY, effectiveDate: '2024-01-15', basis: { document: 'Application of 2024-01-10' } },
  suspend: { effectiveDate: '2024-02-01', basis: { document: 'Decision of the bureau' } },
  reinstate: { effectiveDate: '2024-04-01', basis: { document: 'Decision of the bureau' } },
  terminate: { effectiveDate: '2024-06-01', reason: 'resigned', basis: { document: 'Letter of resignation' } },
  meeting: {
    organisationId: PARTY,
    kind: 'general_meeting',
    date: '2023-01-10',
    place: 'Temirtau',
    attendance: 128,
    quorum: 100,
    protocolNumber: '1',
    agenda: ['Establishment of the Karaganda regional branch', 'Election of the chairman of the regional branch'],
  },
  retract: { reason: 'Entered for the wrong branch' },
  erase: {
    reason: 'The subject withdrew consent and asked for their data to be destroyed',
    legalBasis: 'Law of RK No. 94-V "On Personal Data and Their Protection"',
  },
} as const;

export type WriteExample = keyof typeof WRITE_EXAMPLES;
