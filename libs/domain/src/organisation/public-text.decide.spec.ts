import { type MeetingRecorded, meetingDecider, type RecordMeeting } from '../meeting/meeting.decider';
import { type ErrorCode } from '../shared/domain-error';
import { deciderSpec } from '../testing/given-when-then';
import {
  BRANCH_ID,
  branchEstablished,
  noDependants,
  PARTY_ID,
  partyFacts,
  postCreated,
  TODAY,
} from '../testing/fixtures';
import { type OrganisationCommand } from './organisation.commands';
import { organisationDecider } from './organisation.decider';

/**
 * Text that becomes public, in every command that records it, held to the one rule of texts
 * (shared/clean-text.ts), and numbers to their bounds: each refusal names the field and its code.
 */
const organisations = deciderSpec(organisationDecider);
const meetings = deciderSpec(meetingDecider);
const base = { today: TODAY };

const UNCLEAN: Array<[string, string, ErrorCode]> = [
  ['NUL', '\u0000', 'text.control_character'],
  ['an escape', '\u001b', 'text.control_character'],
  ['a lone surrogate', '\uD83C', 'text.lone_surrogate'],
  ['a right-to-left override', '\u202E', 'text.bidi_override'],
  ['a right-to-left isolate', '\u2067', 'text.bidi_override'],
];

type OrganisationCase = [string, (text: string) => OrganisationCommand, unknown[], object];

const establish = (name: Record<string, string>): OrganisationCommand => ({
  type: 'EstablishOrganisation',
  organisationId: BRANCH_ID,
  kind: 'body',
  parentId: PARTY_ID,
  bodyType: 'bureau',
  name,
  effectiveDate: '2023-01-10',
});

const ORGANISATION_TEXTS: OrganisationCase[] = [
  ['name.kk', (t) => establish({ kk: `Кеңес${t}`, ru: 'Совет' }), [], { parent: partyFacts }],
  ['name.ru', (t) => establish({ ru: `Со${t}вет` }), [], { parent: partyFacts }],
  ['name.en', (t) => establish({ ru: 'Совет', en: `${t}Council` }), [], { parent: partyFacts }],
  [
    'name.ru',
    (t) => ({ type: 'RenameOrganisation', name: { ru: `Филиал ${t}` }, effectiveDate: '2023-03-01' }),
    [branchEstablished()],
    {},
  ],
  [
    'authority',
    (t) => ({ type: 'RegisterOrganisation', authority: `Министерство${t}`, effectiveDate: '2023-02-01' }),
    [branchEstablished()],
    {},
  ],
  [
    'number',
    (t) => ({ type: 'RegisterOrganisation', authority: 'Министерство', number: `7${t}`, effectiveDate: '2023-02-01' }),
    [branchEstablished()],
    {},
  ],
  [
    'title.ru',
    (t) => ({
      type: 'CreatePost',
      postId: 'p',
      title: { ru: `Секретарь${t}` },
      role: 'secretary',
      effectiveDate: '2023-02-01',
    }),
    [branchEstablished()],
    {},
  ],
  [
    'basis.document',
    (t) => ({
      type: 'DissolveOrganisation',
      reason: 'decision',
      effectiveDate: '2024-01-01',
      basis: { document: `Решение №1${t}` },
    }),
    [branchEstablished()],
    { dependants: noDependants },
  ],
  [
    'reason',
    (t) => ({ type: 'RetractEvent', eventId: 'e2', reason: `entered ${t} in error` }),
    [branchEstablished(), postCreated('p')],
    {},
  ],
];

const record = (overrides: Partial<RecordMeeting> = {}): RecordMeeting => ({
  type: 'RecordMeeting',
  meetingId: 'meeting-0001',
  organisationId: partyFacts.organisationId,
  kind: 'conference',
  date: '2023-01-10',
  place: 'Темиртау',
  attendance: 128,
  protocolNumber: '1',
  agenda: ['Выборы председателя'],
  ...overrides,
});
const meetingContext = { today: TODAY, organisation: partyFacts };

const MEETING_TEXTS: Array<[string, (text: string) => Partial<RecordMeeting>]> = [
  ['place', (t) => ({ place: `Темир${t}тау` })],
  ['protocolNumber', (t) => ({ protocolNumber: `1${t}` })],
  ['agenda.1', (t) => ({ agenda: ['Отчёт', `Выборы${t}`] })],
];

describe('public text in organisation commands', () => {
  describe.each(ORGANISATION_TEXTS)('%s', (field, command, given, context) => {
    it.each(UNCLEAN)('is refused with %s', (_, bad, code) => {
      organisations
        .given(...(given as never[]))
        .when(command(bad), { ...base, ...context } as never)
        .thenError(code, { field });
    });
  });

  it('records names and titles in NFC, trimmed', () => {
    const decomposed = ' Ёлочный совет '.normalize('NFD');
    organisations
      .given()
      .when(establish({ ru: decomposed }), { ...base, parent: partyFacts })
      .then({
        type: 'OrganisationEstablished',
        data: {
          organisationId: BRANCH_ID,
          kind: 'body',
          parentId: PARTY_ID,
          name: { ru: 'Ёлочный совет' },
          bodyType: 'bureau',
          effectiveDate: '2023-01-10',
        },
      });
  });

  it('refuses a name longer than 300 characters once in NFC', () => {
    organisations
      .given()
      .when(establish({ ru: '\u0958'.repeat(151) }), { ...base, parent: partyFacts })
      .thenError('text.too_long', { field: 'name.ru', max: 300 });
  });

  it.each([
    [10_001, 'number.out_of_range'],
    [1e308, 'number.out_of_range'],
    [0, 'post.invalid_seats'],
    [2.5, 'post.invalid_seats'],
  ] as const)('refuses seats: %s with %s', (seats, code) => {
    organisations
      .given(branchEstablished())
      .when(
        { type: 'CreatePost', postId: 'p', title: { ru: 'Совет' }, role: 'member', seats, effectiveDate: '2023-02-01' },
        base,
      )
      .thenError(code, { field: 'seats' });
  });

  it('takes 10,000 seats, the most', () => {
    const command = {
      type: 'CreatePost',
      postId: 'p',
      title: { ru: 'Совет' },
      role: 'member',
      seats: 10_000,
      effectiveDate: '2023-02-01',
    } as const;
    expect(organisations.given(branchEstablished()).when(command, base).decision.ok).toBe(true);
  });

  it('refuses votes beyond 10,000,000, naming the side', () => {
    organisations
      .given(branchEstablished())
      .when(
        {
          type: 'DissolveOrganisation',
          reason: 'decision',
          effectiveDate: '2024-01-01',
          basis: { document: 'Решение', votes: { for: 1e308, against: 0, abstained: 0 } },
        },
        { ...base, dependants: noDependants },
      )
      .thenError('number.out_of_range', { field: 'basis.votes.for' });
  });

  it("records a basis's texts in NFC, trimmed", () => {
    const { decision } = organisations.given(branchEstablished()).when(
      {
        type: 'DissolveOrganisation',
        reason: 'decision',
        effectiveDate: '2024-01-01',
        basis: { document: ' Решение съезда '.normalize('NFD'), protocolNumber: ' 7-Й '.normalize('NFD') },
      },
      { ...base, dependants: noDependants },
    );
    expect(decision.ok && decision.events[0]!.data).toMatchObject({
      basis: { document: 'Решение съезда'.normalize('NFC'), protocolNumber: '7-Й'.normalize('NFC') },
    });
  });
});

describe('public text in meeting records', () => {
  describe.each(MEETING_TEXTS)('%s', (field, overrides) => {
    it.each(UNCLEAN)('is refused with %s', (_, bad, code) => {
      meetings
        .given()
        .when(record(overrides(bad)), meetingContext)
        .thenError(code, { field });
    });
  });

  it('records place, protocol number and agenda items in NFC, trimmed', () => {
    const nfd = (text: string) => text.normalize('NFD');
    const decision = meetings
      .given()
      .when(record({ place: nfd(' Қарағанды '), agenda: [nfd('Отчёт '), nfd('Йога')] }), meetingContext)
      .then({
        type: 'MeetingRecorded',
        data: {
          meetingId: 'meeting-0001',
          organisationId: partyFacts.organisationId,
          kind: 'conference',
          date: '2023-01-10',
          effectiveDate: '2023-01-10',
          place: 'Қарағанды',
          attendance: 128,
          protocolNumber: '1',
          agenda: ['Отчёт', 'Йога'],
        },
      });
    expect((decision.events[0] as MeetingRecorded).data.agenda[1]).toBe('Йога'.normalize('NFC'));
  });

  it.each([
    ['attendance', { attendance: 10_000_001 }, 'number.out_of_range'],
    ['attendance', { attendance: 1e308 }, 'number.out_of_range'],
    ['quorum', { quorum: 1e308 }, 'number.out_of_range'],
    ['attendance', { attendance: -1 }, 'field.invalid'],
    ['quorum', { quorum: 0.5 }, 'field.invalid'],
  ] as const)('refuses %s %j with %s', (field, overrides, code) => {
    meetings.given().when(record(overrides), meetingContext).thenError(code, { field });
  });
});
