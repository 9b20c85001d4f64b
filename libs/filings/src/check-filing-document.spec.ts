import { canonicalTimestamp, checkFilingDocument, InvalidFilingDocument } from './check-filing-document';
import { type FilingDocument, type FilingSection } from './filing-document';
import { sampleStructure } from './testing/sample-filings';

const doc = sampleStructure('ru');
const withSection = (section: Partial<FilingSection>): FilingDocument => ({
  ...doc,
  sections: [{ ...doc.sections[0]!, ...section }],
});
const firstRow = doc.sections[0]!.rows[0]!;

describe('checkFilingDocument', () => {
  it('accepts the sample documents', () => {
    expect(() => checkFilingDocument(doc)).not.toThrow();
  });

  it.each<[string, FilingDocument, RegExp]>([
    ['a non-finite number', withSection({ rows: [{ ...firstRow, memberCount: Number.NaN }] }), /memberCount/],
    [
      'an unknown code in an enumeration column',
      withSection({ rows: [{ ...firstRow, kind: 'club' }] }),
      /organisationKind/,
    ],
    ['a missing cell', withSection({ rows: [{ ...firstRow, head: undefined as unknown as null }] }), /head/],
    ['a column key that is not an identifier', withSection({ columns: [{ key: '1', label: 'total' }] }), /identifier/],
    [
      'a repeated column key',
      withSection({
        columns: [
          { key: 'a', label: 'total' },
          { key: 'a', label: 'bin' },
        ],
      }),
      /repeats/,
    ],
    ['a timestamp without a zone', { ...doc, knownAt: '2024-06-01T09:30:00' }, /knownAt/],
    ['an impossible date', { ...doc, asOf: '2024-02-30' }, /asOf/],
    ['a period ending before it starts', { ...doc, period: { from: '2024-02-01', to: '2024-01-01' } }, /period/],
    ['no sections', { ...doc, sections: [] }, /sections/],
    ['a party without a name', { ...doc, partyName: {} }, /party name/],
  ])('refuses %s', (_, invalid, message) => {
    expect(() => checkFilingDocument(invalid)).toThrow(InvalidFilingDocument);
    expect(() => checkFilingDocument(invalid)).toThrow(message);
  });

  it('names where the problem is', () => {
    const error = (() => {
      try {
        checkFilingDocument(withSection({ rows: [firstRow, { ...firstRow, memberCount: Infinity }] }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidFilingDocument);
    expect((error as InvalidFilingDocument).path).toBe('sections[0].rows[1].memberCount');
  });
});

describe('canonicalTimestamp', () => {
  it('spells an instant in UTC with milliseconds, and refuses what Date.parse would guess', () => {
    expect(canonicalTimestamp('2024-06-01T14:30:00+05:00')).toBe('2024-06-01T09:30:00.000Z');
    expect(() => canonicalTimestamp('June 1, 2024')).toThrow(InvalidFilingDocument);
    expect(() => canonicalTimestamp('2024-06-01')).toThrow(InvalidFilingDocument);
  });
});
