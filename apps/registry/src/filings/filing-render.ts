import { createHash } from 'node:crypto';
import { type FilingDocument, renderCsv, renderJson, renderPdf } from '@baytaq/filings';
import { type FilingFormat, type FilingRequest } from './filing-parameters';

const CONTENT_TYPES: Readonly<Record<FilingFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** A filing's bytes with what an HTTP answer and the issue record say about them. */
export interface RenderedFiling {
  bytes: Buffer;
  contentType: string;
  /** Hex SHA-256 of the bytes: what `FilingIssued` records and a regeneration must match. */
  sha256: string;
  /** Hex SHA-256 of the document's canonical JSON: what the PDF prints in its footer. */
  dataSha256: string;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function renderFiling(doc: FilingDocument, format: FilingFormat): Promise<RenderedFiling> {
  // The JSON form is the canonical data itself: its hash is the data hash, which the PDF prints.
  const json = renderJson(doc);
  const dataSha256 = sha256Hex(json);
  const bytes = format === 'json' ? json : format === 'pdf' ? await renderPdf(doc, dataSha256) : renderCsv(doc);
  return { bytes, contentType: CONTENT_TYPES[format], sha256: sha256Hex(bytes), dataSha256 };
}

/** `structure-2024-06-01-ru.pdf`: ASCII only, so the header needs no RFC 8187 encoding. */
export function filingFilename(request: FilingRequest, id?: string): string {
  const parts = [request.kind, request.parameters.asOf, request.lang, ...(id ? [id] : [])];
  return `${parts.join('-')}.${request.format}`;
}

/** RFC 9530 `Repr-Digest` of the representation: `sha-256=:<base64>:`. */
export function reprDigest(sha256: string): string {
  return `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`;
}
