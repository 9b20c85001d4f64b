import { makeIin } from '@baytaq/domain';
import { renderJson } from '../render/render-json';
import { type FilingMoment } from './filing-moment';
import { buildMemberList, type MemberListEntry } from './member-list';
import { nameSortKey } from './name-order';

const moment: FilingMoment = {
  lang: 'kk',
  partyName: { kk: '«Сынақ» партиясы' },
  asOf: '2024-06-01',
  knownAt: '2024-06-01T09:30:00Z',
  issuedAt: '2024-06-02T10:15:00Z',
};
const CITY = { kk: 'Қалалық филиал', ru: 'Городской филиал' };
const member = (personId: string, surname: string, serial: number): MemberListEntry => ({
  personId,
  name: { surname, given: 'Сынақ' },
  iin: makeIin('1990-01-01', 'male', serial),
  admissionDate: '2023-01-10',
  cardNumber: `T-${serial}`,
  organisation: CITY,
});

describe('name order', () => {
  it('sorts Kazakh and Russian names by the Kazakh alphabet, not by code point', () => {
    const names = ['Бекова', 'Әбенов', 'Ёлкин', 'Абенов', 'Елкин', 'Жуков', 'Ан Б', 'Ана'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Абенов', 'Ан Б', 'Ана', 'Әбенов', 'Бекова', 'Елкин', 'Ёлкин', 'Жуков']);
  });
});

describe('buildMemberList', () => {
  it('lists the members alphabetically with IIN, admission date and card number, and counts them', () => {
    const doc = buildMemberList(moment, {
      organisation: CITY,
      includesSubBranches: false,
      members: [member('p1', 'Бекова', 3), member('p2', 'Әбенов', 2), member('p3', 'Абенов', 1)],
    });
    const [section] = doc.sections;
    expect(section!.heading).toBe('Қалалық филиал');
    expect(section!.columns.map((c) => c.key)).toEqual(['rowNumber', 'fullName', 'iin', 'admissionDate', 'cardNumber']);
    expect(section!.rows).toEqual([
      {
        rowNumber: 1,
        fullName: 'Абенов Сынақ',
        iin: makeIin('1990-01-01', 'male', 1),
        admissionDate: '2023-01-10',
        cardNumber: 'T-1',
      },
      expect.objectContaining({ rowNumber: 2, fullName: 'Әбенов Сынақ' }),
      expect.objectContaining({ rowNumber: 3, fullName: 'Бекова Сынақ' }),
    ]);
    expect(section!.summary).toEqual([{ label: 'total', value: 3 }]);
    expect(() => renderJson(doc)).not.toThrow();
  });

  it("names each member's branch when the list covers sub-branches, and orders namesakes by IIN", () => {
    const doc = buildMemberList(moment, {
      organisation: { kk: 'Облыстық филиал' },
      includesSubBranches: true,
      members: [member('p9', 'Бекова', 9), member('p8', 'Бекова', 8)],
    });
    const [section] = doc.sections;
    expect(section!.heading).toBe('Облыстық филиал, төменгі филиалдарымен қоса');
    expect(section!.rows.map((r) => [r['cardNumber'], r['organisation']])).toEqual([
      ['T-8', 'Қалалық филиал'],
      ['T-9', 'Қалалық филиал'],
    ]);
  });
});
