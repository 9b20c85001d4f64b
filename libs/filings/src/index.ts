export * from './filing-document';
export * from './labels';
export { InvalidFilingDocument, canonicalTimestamp, checkFilingDocument } from './check-filing-document';
export { FILING_JSON_SCHEMA, dataHash, renderJson } from './render/render-json';
export { renderCsv } from './render/render-csv';
export { renderPdf } from './render/pdf/render-pdf';
export * from './builders';
