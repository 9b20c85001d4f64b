import { renderJson } from '../render/render-json';
import { type FilingMoment } from './filing-moment';
import { buildLeadershipChanges, type LeadershipTenure } from './leadership-changes';

const moment: FilingMoment = {
  lang: 'ru',
  partyName: { ru: 'Партия «Сынақ»' },
  asOf: '2099-01-01',
  knownAt: '2024-06-01T09:30:00Z',
  issuedAt: '2024-06-02T10:15:00Z',
};

const tenure = (id: string, over: Partial<LeadershipTenure>): LeadershipTenure => ({
  tenureId: id,
  postId: 'chair',
  organisationId: 'branch',
  postTitle: { ru: 'Председатель филиала' },
  name: null,
  method: 'elected',
  endReason: null,
  from: '2020-01-01',
  to: null,
  startBasis: null,
  endBasis: null,
  ...over,
});

const MEETING = 'meeting-1';
const tenures = [
  tenure('t3', {
    name: { surname: 'Сидоров', given: 'Сидор' },
    from: '2023-05-10',
    startBasis: { meetingId: MEETING, votes: { for: 97, against: 2, abstained: 1 } },
  }),
  tenure('t1', {
    name: { surname: 'Иванов', given: 'Иван', patronymic: 'Иванович' },
    to: '2023-03-01',
    endReason: 'resigned',
    endBasis: { document: 'Заявление' },
  }),
  tenure('t2', { name: { surname: 'Петров', given: 'Пётр' }, method: 'acting', from: '2023-03-15', to: '2023-05-10' }),
];
const data = (from: string, to: string) => ({
  period: { from, to },
  tenures,
  organisations: new Map([['branch', { ru: 'Тестовый филиал' }]]),
  meetings: new Map([
    [
      MEETING,
      {
        kind: 'conference',
        date: '2023-05-10',
        place: 'г. Тестовск',
        attendance: 100,
        quorum: 60,
        protocolNumber: '3',
      },
    ],
  ]),
});

describe('buildLeadershipChanges', () => {
  it('gives each change its previous and next holder, the ending alone when the seat stayed empty', () => {
    const doc = buildLeadershipChanges(moment, data('2023-01-01', '2023-12-31'));
    const rows = doc.sections[0]!.rows;
    expect(rows.map((r) => [r['effectiveDate'], r['previousHolder'], r['nextHolder'], r['method']])).toEqual([
      ['2023-03-01', 'Иванов Иван Иванович', null, null],
      ['2023-03-15', 'Иванов Иван Иванович', 'Петров Пётр', 'acting'],
      ['2023-05-10', 'Петров Пётр', 'Сидоров Сидор', 'elected'],
    ]);
    expect(rows[0]).toMatchObject({
      basis: 'Сложение полномочий; Заявление',
      meeting: null,
      quorum: null,
      votesFor: null,
    });
    expect(rows[2]).toMatchObject({
      organisation: 'Тестовый филиал',
      post: 'Председатель филиала',
      meeting: 'Конференция, 2023-05-10, присутствовало: 100',
      place: 'г. Тестовск',
      quorum: 60,
      protocolNumber: '3',
      votesFor: 97,
      votesAgainst: 2,
      votesAbstained: 1,
    });
    expect(doc).toMatchObject({ asOf: '2023-12-31', period: { from: '2023-01-01', to: '2023-12-31' } });
    expect(() => renderJson(doc)).not.toThrow();
  });

  it('counts both ends of the period in, and nothing outside it', () => {
    const rows = buildLeadershipChanges(moment, data('2023-03-02', '2023-03-15')).sections[0]!.rows;
    expect(rows.map((r) => [r['effectiveDate'], r['nextHolder']])).toEqual([['2023-03-15', 'Петров Пётр']]);
    const none = buildLeadershipChanges(moment, data('2021-01-01', '2022-12-31')).sections[0]!.rows;
    expect(none).toEqual([]);
  });
});
