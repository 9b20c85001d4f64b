import fc from 'fast-check';
import { canonicalJson, canonicalRecord, canonicalRecordOfText } from './canonical-record';

// Strings of any UTF-16 code units, lone surrogates and control characters included.
const anyText = fc.string({ unit: 'binary' });
const record = fc.record({
  eventId: anyText,
  stream: anyText,
  revision: fc.nat(),
  type: anyText,
  data: fc.jsonValue(),
  metadata: fc.jsonValue(),
  recordedAt: anyText,
});

describe('canonicalRecordOfText', () => {
  it('gives the RFC 8785 bytes of the record when its data and metadata texts are canonical', () => {
    fc.assert(
      fc.property(record, (r) => {
        const text = canonicalRecordOfText({
          ...r,
          dataJson: canonicalJson(r.data),
          metadataJson: canonicalJson(r.metadata),
        });
        expect(text).toBe(canonicalRecord(r));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives other bytes for a text that is not canonical (its members out of order)', () => {
    const r = {
      eventId: 'e',
      stream: 's',
      revision: 0,
      type: 't',
      data: { b: 1, a: 2 },
      metadata: {},
      recordedAt: 'x',
    };
    const text = canonicalRecordOfText({ ...r, dataJson: JSON.stringify(r.data), metadataJson: '{}' });
    expect(text).not.toBe(canonicalRecord(r));
    expect(canonicalRecord(r)).toContain('"data":{"a":2,"b":1}');
  });
});
