import { createHash } from 'node:crypto';
import { type FilingDocument } from '../filing-document';
import { sampleLeadershipChanges, sampleStructure } from '../testing/sample-filings';
import { dataHash, renderJson } from './render-json';

const withCell = (doc: FilingDocument, key: string, value: string | number | null): FilingDocument => ({
  ...doc,
  sections: doc.sections.map((s, i) =>
    i === 0 ? { ...s, rows: [{ ...s.rows[0]!, [key]: value }, ...s.rows.slice(1)] } : s,
  ),
});

describe('renderJson and dataHash', () => {
  const doc = sampleStructure('ru');

  it('gives the same bytes for the same document, and its hash is the SHA-256 of those bytes', () => {
    const bytes = renderJson(doc);
    expect(renderJson(structuredClone(doc)).equals(bytes)).toBe(true);
    expect(dataHash(doc)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(dataHash(doc)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes keys in a fixed order whatever order the document was built in, with no whitespace', () => {
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as unknown as FilingDocument;
    const shuffledRows = {
      ...reordered,
      sections: doc.sections.map((s) => ({
        ...s,
        rows: s.rows.map((r) => Object.fromEntries(Object.entries(r).reverse())),
      })),
    };
    const text = renderJson(shuffledRows).toString('utf8');
    expect(text).toBe(renderJson(doc).toString('utf8'));
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual([
      'schema',
      'kind',
      'lang',
      'partyName',
      'title',
      'asOf',
      'knownAt',
      'period',
      'issuedAt',
      'sections',
    ]);
    expect(Object.keys(parsed.sections[0].rows[0])).toEqual(doc.sections[0]!.columns.map((c) => c.key));
    expect(parsed.sections[0].rows[0].kind).toBe('party'); // codes, not labels
  });

  it('changes the hash when issuedAt or a single cell changes', () => {
    const base = dataHash(doc);
    expect(dataHash({ ...doc, issuedAt: '2024-06-02T10:15:01Z' })).not.toBe(base);
    expect(dataHash(withCell(doc, 'memberCount', 21001))).not.toBe(base);
    expect(dataHash(withCell(doc, 'head', 'Тестов Тест Тестович '))).not.toBe(base);
    expect(dataHash(withCell(doc, 'region', ''))).not.toBe(dataHash(withCell(doc, 'region', null)));
  });

  it('hashes one instant alike however its timestamp was spelled', () => {
    expect(dataHash({ ...doc, issuedAt: '2024-06-02T15:15:00+05:00' })).toBe(dataHash(doc));
    expect(JSON.parse(renderJson({ ...doc, knownAt: '2024-06-01T14:30+05:00' }).toString()).knownAt).toBe(
      '2024-06-01T09:30:00.000Z',
    );
  });

  it('keeps the period, and null where there is none', () => {
    expect(JSON.parse(renderJson(sampleLeadershipChanges('kk')).toString()).period).toEqual({
      from: '2024-01-01',
      to: '2024-06-01',
    });
    expect(JSON.parse(renderJson(doc).toString()).period).toBeNull();
  });

  it("carries the log's checkpoint, when the document has one, after issuedAt", () => {
    const logCheckpoint = { treeSize: 1042, rootHash: Buffer.alloc(32, 1).toString('base64') };
    const parsed = JSON.parse(renderJson({ ...doc, logCheckpoint }).toString());
    expect(Object.keys(parsed).slice(-3)).toEqual(['issuedAt', 'logCheckpoint', 'sections']);
    expect(parsed.logCheckpoint).toEqual(logCheckpoint);
  });

  // A filing's recorded hash must be reproducible later: if this changes, issued filings no longer verify.
  it('has not changed its canonical form', () => {
    expect(dataHash(doc)).toBe('f25315d74f9d3947f2c444f295cd833952777ba978e737a535b847046c304fbc');
  });
});
