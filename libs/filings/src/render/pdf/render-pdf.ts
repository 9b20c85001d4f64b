import PDFDocument from 'pdfkit';
import { canonicalTimestamp, checkFilingDocument } from '../../check-filing-document';
import { partyNameIn, type FilingDocument, type FilingLang } from '../../filing-document';
import { dataHash } from '../render-json';
import { pdfFonts } from './pdf-fonts';
import { drawFooter, drawHeader, measurePageFrame } from './pdf-page-frame';
import { drawSection, type TablePen } from './pdf-table';

// Beyond this many columns a table does not fit portrait A4 legibly.
const PORTRAIT_COLUMNS = 7;
const PDF_LANG: Readonly<Record<FilingLang, string>> = { ru: 'ru-KZ', kk: 'kk-KZ', en: 'en' };

/**
 * The document as an A4 PDF, the same bytes for the same document on every run and machine:
 * - the Info dates come from `issuedAt`, never the clock; pdfkit derives the file /ID from the
 *   Info dictionary (an MD5 of its values), so a fixed Info gives a fixed /ID;
 * - pdfkit's font subset tags derive from the font's id in the document (F1, F2), not randomness;
 * - streams are not compressed: Node's zlib output changed between releases and can differ by
 *   CPU, and a filing must be regenerable byte for byte long after it was issued.
 * What still changes the bytes: another pdfkit, fontkit or DejaVu version (all pinned in the lock).
 */
/** `hash`: the document's data hash (`dataHash`), for a caller that has it already. */
export function renderPdf(doc: FilingDocument, hash = dataHash(doc)): Promise<Buffer> {
  checkFilingDocument(doc);
  const fonts = pdfFonts();
  const issuedAt = new Date(canonicalTimestamp(doc.issuedAt));
  const widest = Math.max(...doc.sections.map((s) => s.columns.length));
  const pageOptions = {
    size: 'A4',
    layout: widest > PORTRAIT_COLUMNS ? 'landscape' : 'portrait',
    margin: 36,
  } as const;
  const pdf = new PDFDocument({
    ...pageOptions,
    // The default font would be Helvetica, which has no Cyrillic: DejaVu from the first page on.
    font: fonts.regular,
    bufferPages: true,
    compress: false,
    lang: PDF_LANG[doc.lang],
    displayTitle: true,
    info: {
      Title: doc.title,
      Author: partyNameIn(doc.partyName, doc.lang),
      Creator: 'Baytaq Registry',
      Producer: 'PDFKit',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const written = collect(pdf);

  const frame = measurePageFrame(pdf, doc, fonts);
  const pen: TablePen = {
    pdf,
    frame,
    fonts,
    lang: doc.lang,
    newPage: () => {
      pdf.addPage(pageOptions);
      return frame.bodyTop;
    },
  };
  let y = frame.bodyTop;
  for (const section of doc.sections) y = drawSection(pen, section, y);

  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    drawHeader(pdf, doc, frame, fonts);
    drawFooter(pdf, doc, frame, fonts, { number: index - start + 1, of: count, hash });
  }
  pdf.end();
  return written;
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
