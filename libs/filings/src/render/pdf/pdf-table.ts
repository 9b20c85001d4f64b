import { type FilingLang, type FilingSection } from '../../filing-document';
import { columnLabel, phrase } from '../../labels';
import { cellText } from '../cell-text';
import { measureDemand, shareColumnWidths } from './pdf-column-widths';
import { type PdfFonts } from './pdf-fonts';
import { oneLine, type PageFrame } from './pdf-page-frame';

const CELL_SIZE = 8;
const HEADING_SIZE = 10;
const SUMMARY_SIZE = 9;
const PADDING = 3;
const LINE_GAP = 1;
const SECTION_GAP = 14;
const BORDER = '#999999';
const HEADER_FILL = '#eeeeee';
// A column wider than this wraps, so that one long cell cannot squeeze the others.
const WIDEST_NATURAL = 200;
const WIDEST_WORD = 90;

export interface TablePen {
  readonly pdf: PDFKit.PDFDocument;
  readonly frame: PageFrame;
  readonly fonts: PdfFonts;
  readonly lang: FilingLang;
  /** Adds a page (whose header and footer are drawn at the end) and answers where its body starts. */
  readonly newPage: () => number;
}

interface Row {
  readonly texts: readonly string[];
  readonly numeric: readonly boolean[];
}

/** Draws a section from `y` on, breaking pages between rows; answers where it ended. */
export function drawSection(pen: TablePen, section: FilingSection, y: number): number {
  const { pdf, frame, fonts } = pen;
  const header: Row = { texts: section.columns.map((c) => columnLabel(c.label, pen.lang)), numeric: [] };
  const rows: Row[] = section.rows.map((row) => {
    const values = section.columns.map((c) => row[c.key] ?? null);
    return {
      texts: values.map((v, i) => cellText(v, section.columns[i], pen.lang, 'grouped')),
      numeric: values.map((v) => typeof v === 'number'),
    };
  });
  const widths = columnWidths(pen, header, rows);
  const headerHeight = rowHeight(pen, header, widths, fonts.bold);
  const headingHeight = section.heading === undefined ? 0 : headingSize(pen, section.heading) + 4;
  const tallestRow = frame.bodyBottom - frame.bodyTop - headerHeight - headingHeight;

  const firstHeight = rows[0] ? Math.min(rowHeight(pen, rows[0], widths, fonts.regular), tallestRow) : CELL_SIZE * 2;
  if (y + headingHeight + headerHeight + firstHeight > frame.bodyBottom) y = pen.newPage();
  if (section.heading !== undefined) {
    pdf.font(fonts.bold).fontSize(HEADING_SIZE);
    pdf.text(section.heading, frame.left, y, { width: frame.width, height: headingHeight });
    y += headingHeight;
  }
  y = drawRow(pen, header, widths, y, headerHeight, fonts.bold, HEADER_FILL);
  for (const row of rows) {
    const height = Math.min(rowHeight(pen, row, widths, fonts.regular), tallestRow);
    if (y + height > frame.bodyBottom) {
      y = drawRow(pen, header, widths, pen.newPage(), headerHeight, fonts.bold, HEADER_FILL);
    }
    y = drawRow(pen, row, widths, y, height, fonts.regular);
  }
  if (rows.length === 0) {
    pdf.font(fonts.regular).fontSize(CELL_SIZE);
    pdf.text(phrase('noRows', pen.lang, {}), frame.left + PADDING, y + PADDING, { lineBreak: false });
    y += CELL_SIZE * 2;
  }
  return drawSummary(pen, section, y + 4) + SECTION_GAP;
}

function drawSummary(pen: TablePen, section: FilingSection, y: number): number {
  const { pdf, frame, fonts } = pen;
  for (const line of section.summary ?? []) {
    const lineHeight = SUMMARY_SIZE * 1.5;
    if (y + lineHeight > frame.bodyBottom) y = pen.newPage();
    const label = `${columnLabel(line.label, pen.lang)}: `;
    pdf.font(fonts.bold).fontSize(SUMMARY_SIZE).text(label, frame.left, y, { lineBreak: false });
    const labelWidth = pdf.widthOfString(label);
    const value = cellText(line.value, undefined, pen.lang, 'grouped');
    pdf.font(fonts.regular).text(value, frame.left + labelWidth, y, oneLine(frame.width - labelWidth));
    y += lineHeight;
  }
  return y;
}

function columnWidths(pen: TablePen, header: Row, rows: readonly Row[]): number[] {
  const { pdf, fonts } = pen;
  const limits = { natural: WIDEST_NATURAL, minimum: WIDEST_WORD };
  return shareColumnWidths(
    header.texts.map((label, column) => {
      pdf.font(fonts.bold).fontSize(CELL_SIZE);
      const ofHeader = measureDemand((t) => pdf.widthOfString(t), [label], PADDING, limits);
      pdf.font(fonts.regular).fontSize(CELL_SIZE);
      const texts = rows.map((row) => row.texts[column]!);
      const ofCells = measureDemand((t) => pdf.widthOfString(t), texts, PADDING, limits);
      return {
        natural: Math.max(ofHeader.natural, ofCells.natural),
        minimum: Math.max(ofHeader.minimum, ofCells.minimum),
      };
    }),
    pen.frame.width,
  );
}

function rowHeight(pen: TablePen, row: Row, widths: readonly number[], font: string): number {
  pen.pdf.font(font).fontSize(CELL_SIZE);
  const heights = row.texts.map((text, i) =>
    pen.pdf.heightOfString(text === '' ? ' ' : text, { width: widths[i]! - 2 * PADDING, lineGap: LINE_GAP }),
  );
  return Math.max(...heights) + 2 * PADDING;
}

function drawRow(
  pen: TablePen,
  row: Row,
  widths: readonly number[],
  y: number,
  height: number,
  font: string,
  fill?: string,
): number {
  const { pdf, frame } = pen;
  // One path for the row's borders, not one graphics state per cell: a long member list stays small.
  pdf.save().lineWidth(0.5);
  if (fill) pdf.rect(frame.left, y, frame.width, height).fill(fill);
  let x = frame.left;
  for (const width of widths) {
    pdf.rect(x, y, width, height);
    x += width;
  }
  pdf.stroke(BORDER).restore();
  pdf.font(font).fontSize(CELL_SIZE).fillColor('black');
  x = frame.left;
  row.texts.forEach((text, i) => {
    const width = widths[i]!;
    // Cells taller than a page are cut with an ellipsis: the JSON and the CSV keep them whole.
    if (text !== '') {
      pdf.text(text, x + PADDING, y + PADDING, {
        width: width - 2 * PADDING,
        height: height - 2 * PADDING + LINE_GAP,
        ellipsis: true,
        lineGap: LINE_GAP,
        align: row.numeric[i] ? 'right' : 'left',
      });
    }
    x += width;
  });
  return y + height;
}

function headingSize(pen: TablePen, heading: string): number {
  pen.pdf.font(pen.fonts.bold).fontSize(HEADING_SIZE);
  return pen.pdf.heightOfString(heading, { width: pen.frame.width });
}
