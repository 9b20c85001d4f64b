import { createHash } from 'node:crypto';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { type FilingDocument } from '../../filing-document';
import { sampleLeadershipChanges, sampleMemberList, sampleStructure } from '../../testing/sample-filings';
import { dataHash } from '../render-json';
import { renderPdf } from './render-pdf';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const occurrences = (text: string, part: string) => text.split(part).length - 1;
// Cells wrap: the extracted text breaks lines where the PDF does.
const unwrapped = (text: string) => text.replace(/ *\n */g, ' ');

describe('renderPdf', () => {
  const threePages = sampleMemberList('ru', 95);

  it('gives the same bytes for the same document, and other bytes when issuedAt or a cell changes', async () => {
    const first = await renderPdf(threePages);
    const second = await renderPdf(structuredClone(threePages));
    expect(first.equals(second)).toBe(true);
    const reissued = await renderPdf({ ...threePages, issuedAt: '2024-06-03T10:15:00Z' });
    expect(sha256(reissued)).not.toBe(sha256(first));
    const [section] = threePages.sections;
    const edited: FilingDocument = {
      ...threePages,
      sections: [
        { ...section!, rows: [...section!.rows.slice(0, -1), { ...section!.rows.at(-1)!, cardNumber: 'T-999999' }] },
      ],
    };
    expect(sha256(await renderPdf(edited))).not.toBe(sha256(first));
  });

  it('dates the Info dictionary from issuedAt and derives the file /ID from it, not from the clock', async () => {
    const bytes = await renderPdf(threePages);
    const { info } = await pdfParse(bytes);
    expect(info).toMatchObject({ CreationDate: 'D:20240602101500Z', ModDate: 'D:20240602101500Z' });
    const text = bytes.toString('latin1');
    const id = /\/ID \[<([0-9a-f]+)> <\1>\]/.exec(text);
    expect(id).not.toBeNull();
    const later = (await renderPdf({ ...threePages, issuedAt: '2024-06-03T10:15:00Z' })).toString('latin1');
    expect(later).not.toContain(id![1]);
  });

  it('sets every text in DejaVu: no standard font that lacks Cyrillic', async () => {
    const text = (await renderPdf(sampleStructure('kk'))).toString('latin1');
    expect(text).not.toMatch(/Helvetica|Times|Courier/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed\b/);
  });

  it('shows the names, the data hash and "page N of M" on a document of three pages', async () => {
    const parsed = await pdfParse(await renderPdf(threePages));
    expect(parsed.numpages).toBe(3);
    expect(parsed.text).toContain('Тестов Тест Тестович');
    expect(parsed.text).toContain('Әміртаев Сынақ');
    expect(parsed.text).toContain(dataHash(threePages));
    for (const page of [1, 2, 3]) expect(parsed.text).toContain(`Страница ${page} из 3`);
    expect(parsed.text).toContain('По состоянию на 2024-06-01, по данным реестра на 2024-06-01 09:30:00 UTC');
    // The party, the title and the column headers repeat on every page.
    expect(occurrences(parsed.text, 'Список членов партии')).toBe(3);
    expect(occurrences(parsed.text, 'Номер партийного билета')).toBe(3);
    expect(occurrences(parsed.text, 'Партия «Сынақ» (тестовые данные)')).toBe(3);
    expect(parsed.text).toContain('T-000095');
  });

  it('renders the Kazakh labels and enumeration values of a Kazakh document', async () => {
    const doc = sampleStructure('kk');
    const text = unwrapped((await pdfParse(await renderPdf(doc))).text);
    for (const label of ['Партия құрылымы туралы мәліметтер', 'Өңір', 'Мүшелер саны', 'Негіздеме', 'Өңірлік филиал']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('2024-06-01 жағдай бойынша');
    expect(text).toContain('1 беттің 1-беті');
    expect(text).toContain(`Деректердің SHA-256 хеші: ${dataHash(doc)}`);
    expect(text).toContain('Барлығы: 21\u00a0652');
  });

  it('turns a table too wide for portrait A4 to landscape', async () => {
    const wide = (await renderPdf(sampleLeadershipChanges('en'))).toString('latin1');
    const narrow = (await renderPdf(sampleStructure('en'))).toString('latin1');
    expect(wide).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(narrow).toContain('/MediaBox [0 0 595.28 841.89]');
    const parsed = await pdfParse(Buffer.from(wide, 'latin1'));
    expect(parsed.text).toContain('Period: 2024-01-01 – 2024-06-01');
  });

  it('cuts a cell taller than a page, and repeats the column headers on every page it breaks to', async () => {
    const doc = sampleStructure('ru');
    const [table] = doc.sections;
    const overlong: FilingDocument = {
      ...doc,
      sections: [
        { ...table!, rows: [{ ...table!.rows[0]!, basis: 'Очень длинное основание. '.repeat(500) }, ...table!.rows] },
        { heading: 'Пустой раздел', columns: table!.columns, rows: [] },
      ],
    };
    const parsed = await pdfParse(await renderPdf(overlong));
    expect(parsed.numpages).toBe(2);
    // pdfkit adding a page on its own would leave that page without the repeated headers.
    expect(occurrences(parsed.text, 'Основание')).toBe(3);
    // pdf.js extracts the ellipsis in its compatibility form, three dots.
    expect(parsed.text).toMatch(/основание\.(…|\.{3})\n/);
    expect(occurrences(parsed.text, 'Очень длинное основание')).toBeLessThan(100);
    expect(parsed.text).toContain('Записей нет');
    expect(occurrences(unwrapped(parsed.text), 'Страница 2 из 2')).toBe(1);
  });

  // Issued filings are regenerated from their parameters later and must match byte for byte.
  // If this fails after a dependency upgrade (pdfkit, fontkit, DejaVu), old filings no longer regenerate.
  it('has not changed its bytes', async () => {
    expect(sha256(await renderPdf(sampleStructure('kk')))).toBe(
      '2706e870fee5e62b0bdc25c2f80d3422f5d0dded5eef04e6f020785c036af3f8',
    );
    expect(sha256(await renderPdf(sampleLeadershipChanges('ru')))).toBe(
      '4adacdae061679d949fb4703a495c8cce8a508d1759f0f2083df88cdddde5412',
    );
  });
});
