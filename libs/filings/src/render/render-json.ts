import { createHash } from 'node:crypto';
import { canonicalTimestamp, checkFilingDocument } from '../check-filing-document';
import { type FilingDocument, type FilingSection } from '../filing-document';

/** Names the shape of the JSON, so that a reader of an old filing knows how to read it. */
export const FILING_JSON_SCHEMA = 'baytaq.filing/1';

/**
 * The document's data as canonical JSON: every key always present (absent is `null`), in the
 * order written here, rows' keys in column order, timestamps in UTC, no whitespace. Labels are
 * codes, not text: the hash identifies the data, whatever wording the renderers print.
 */
export function renderJson(doc: FilingDocument): Buffer {
  checkFilingDocument(doc);
  const data = {
    schema: FILING_JSON_SCHEMA,
    kind: doc.kind,
    lang: doc.lang,
    partyName: { kk: doc.partyName.kk ?? null, ru: doc.partyName.ru ?? null, en: doc.partyName.en ?? null },
    title: doc.title,
    asOf: doc.asOf,
    knownAt: canonicalTimestamp(doc.knownAt),
    period: doc.period ? { from: doc.period.from, to: doc.period.to } : null,
    issuedAt: canonicalTimestamp(doc.issuedAt),
    // Only when there is one: documents without it (filings issued before the log had a tree)
    // keep their bytes and their recorded hash.
    ...(doc.logCheckpoint
      ? { logCheckpoint: { treeSize: doc.logCheckpoint.treeSize, rootHash: doc.logCheckpoint.rootHash } }
      : {}),
    sections: doc.sections.map(canonicalSection),
  };
  return Buffer.from(JSON.stringify(data), 'utf8');
}

/** The hex SHA-256 of `renderJson(doc)`: the "SHA-256 of the data" the PDF prints and a filing records. */
export function dataHash(doc: FilingDocument): string {
  return createHash('sha256').update(renderJson(doc)).digest('hex');
}

function canonicalSection(section: FilingSection) {
  return {
    heading: section.heading ?? null,
    columns: section.columns.map((c) => ({ key: c.key, label: c.label, values: c.values ?? null })),
    // Keys were checked to be identifiers, never integer-like: objects keep them in insertion order.
    rows: section.rows.map((row) => Object.fromEntries(section.columns.map((c) => [c.key, row[c.key]]))),
    summary: (section.summary ?? []).map((line) => ({ label: line.label, value: line.value })),
  };
}
