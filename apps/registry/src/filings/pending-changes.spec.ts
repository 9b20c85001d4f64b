import { type FilingRecord } from './filing-parameters';
import { covers } from './pending-changes.service';

const filing = (kind: FilingRecord['kind'], parameters: FilingRecord['parameters']): FilingRecord => ({
  filingId: 'f',
  kind,
  parameters,
  format: 'pdf',
  lang: 'ru',
  sha256: '0'.repeat(64),
  dataSha256: '0'.repeat(64),
  byteLength: 1,
  issuedAt: '2024-06-01T10:00:00.000Z',
  actor: 'compliance-desk',
});
const T = '2024-06-01T09:00:00.000Z';

describe('which changes an issued filing covers', () => {
  it('a structure filing: structure changes recorded by its knownAt and effective by its asOf', () => {
    const structure = filing('structure', { asOf: '2024-06-01', knownAt: T });
    expect(covers(structure, 'structure', T, '2024-06-01')).toBe(true);
    expect(covers(structure, 'structure', '2024-06-01T09:00:00.001Z', '2024-01-01')).toBe(false);
    expect(covers(structure, 'structure', T, '2024-06-02')).toBe(false);
    expect(covers(structure, 'leadership', T, '2024-01-01')).toBe(false);
  });

  it('a leadership-changes filing: tenure changes recorded by its knownAt and effective within its period', () => {
    const leadership = filing('leadership-changes', {
      asOf: '2024-03-31',
      knownAt: T,
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(covers(leadership, 'leadership', T, '2024-01-01')).toBe(true);
    expect(covers(leadership, 'leadership', T, '2024-03-31')).toBe(true);
    expect(covers(leadership, 'leadership', T, '2023-12-31')).toBe(false);
    expect(covers(leadership, 'leadership', '2024-06-01T09:00:00.001Z', '2024-02-01')).toBe(false);
    expect(covers(leadership, 'structure', T, '2024-02-01')).toBe(false);
  });
});
