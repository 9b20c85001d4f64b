import { canonicalTimestamp } from '../../check-filing-document';
import { partyNameIn, type FilingDocument } from '../../filing-document';
import { phrase } from '../../labels';
import { type PdfFonts } from './pdf-fonts';

const MARGIN = 36;
const PARTY_SIZE = 8;
const TITLE_SIZE = 12;
const META_SIZE = 8;
const FOOTER_SIZE = 7;
const FOOTER_HEIGHT = 22;
const FOOTER_LINE = 8;
const HEADER_LINE_GAP = 3;
const GREY = '#555555';
const RULE = '#999999';

/** Where the header, the body and the footer sit: the same on every page of a document. */
export interface PageFrame {
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly bodyTop: number;
  readonly bodyBottom: number;
  readonly pageHeight: number;
}

interface HeaderLine {
  readonly text: string;
  readonly font: string;
  readonly size: number;
  readonly color: string;
  readonly height: number;
}

// Each line may wrap (a long title, a Kazakh moment line with a period): measured, never cut.
function headerLines(pdf: PDFKit.PDFDocument, doc: FilingDocument, fonts: PdfFonts, width: number): HeaderLine[] {
  const lines = [
    { text: partyNameIn(doc.partyName, doc.lang), font: fonts.regular, size: PARTY_SIZE, color: GREY },
    { text: doc.title, font: fonts.bold, size: TITLE_SIZE, color: 'black' },
    { text: momentLine(doc), font: fonts.regular, size: META_SIZE, color: GREY },
  ];
  return lines.map((line) => {
    pdf.font(line.font).fontSize(line.size);
    return { ...line, height: pdf.heightOfString(line.text, { width }) + HEADER_LINE_GAP };
  });
}

/** The document's frame: the header's height is measured once and is the same on every page. */
export function measurePageFrame(pdf: PDFKit.PDFDocument, doc: FilingDocument, fonts: PdfFonts): PageFrame {
  const width = pdf.page.width - 2 * MARGIN;
  const headerHeight = headerLines(pdf, doc, fonts, width).reduce((total, line) => total + line.height, 0);
  return {
    left: MARGIN,
    right: pdf.page.width - MARGIN,
    width,
    bodyTop: MARGIN + headerHeight + 12,
    bodyBottom: pdf.page.height - MARGIN - FOOTER_HEIGHT,
    pageHeight: pdf.page.height,
  };
}

/** The header of every page: party, title, and the moment in both times the data describes. */
export function drawHeader(pdf: PDFKit.PDFDocument, doc: FilingDocument, frame: PageFrame, fonts: PdfFonts): void {
  let y = MARGIN;
  for (const line of headerLines(pdf, doc, fonts, frame.width)) {
    pdf.font(line.font).fontSize(line.size).fillColor(line.color);
    pdf.text(line.text, frame.left, y, { width: frame.width, height: line.height });
    y += line.height;
  }
  pdf.fillColor('black');
  rule(pdf, frame, y + 4);
}

/**
 * The footer: the data's hash (so a paper copy can be matched to its data), "page N of M", and
 * the log's tree size and root as known at knownAt (so that the paper names what it rests on).
 */
export function drawFooter(
  pdf: PDFKit.PDFDocument,
  doc: FilingDocument,
  frame: PageFrame,
  fonts: PdfFonts,
  page: { readonly number: number; readonly of: number; readonly hash: string },
): void {
  const ruleY = frame.bodyBottom + 8;
  rule(pdf, frame, ruleY);
  pdf.font(fonts.regular).fontSize(FOOTER_SIZE).fillColor(GREY);
  const textY = ruleY + 5;
  pdf.text(phrase('dataHash', doc.lang, { hash: page.hash }), frame.left, textY, { lineBreak: false });
  const pageText = phrase('page', doc.lang, { page: page.number, pages: page.of });
  pdf.text(pageText, frame.right - pdf.widthOfString(pageText), textY, { lineBreak: false });
  if (doc.logCheckpoint) {
    const { treeSize, rootHash } = doc.logCheckpoint;
    const line = phrase('logCheckpoint', doc.lang, { size: treeSize, root: rootHash });
    pdf.text(line, frame.left, textY + FOOTER_LINE, { lineBreak: false });
  }
  pdf.fillColor('black');
}

function momentLine(doc: FilingDocument): string {
  const known = canonicalTimestamp(doc.knownAt)
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  const moment = `${phrase('asOf', doc.lang, { date: doc.asOf })}, ${phrase('knownAt', doc.lang, { time: known })}`;
  return doc.period ? `${moment}. ${phrase('period', doc.lang, { from: doc.period.from, to: doc.period.to })}` : moment;
}

// A width and a height keep pdfkit's line wrapper from ever adding a page on its own.
export function oneLine(width: number): PDFKit.Mixins.TextOptions {
  return { width, height: 1, ellipsis: true };
}

function rule(pdf: PDFKit.PDFDocument, frame: PageFrame, y: number): void {
  pdf.save().lineWidth(0.5).strokeColor(RULE).moveTo(frame.left, y).lineTo(frame.right, y).stroke().restore();
}
