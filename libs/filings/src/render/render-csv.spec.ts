import { type FilingDocument } from '../filing-document';
import { FORMULA_CELL, sampleMemberList, sampleStructure, TRICKY_CELL } from '../testing/sample-filings';
import { renderCsv } from './render-csv';

/** An RFC 4180 reader written for the test, independent of the renderer: records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i += 2;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && next === '\n') {
      records.push([...fields, field]);
      fields = [];
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || fields.length > 0) records.push([...fields, field]);
  return records;
}

const csvText = (doc: FilingDocument) => renderCsv(doc).subarray(3).toString('utf8');

describe('renderCsv', () => {
  it('starts with the UTF-8 byte order mark and ends every record with CRLF', () => {
    const bytes = renderCsv(sampleStructure('ru'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Four records (header and three rows); a line break inside a quoted cell is the cell's own.
    expect(text.split('\r\n')).toHaveLength(5);
    expect(() => parseCsv(text)).not.toThrow();
  });

  it('heads the table with labels in the document language', () => {
    expect(parseCsv(csvText(sampleStructure('ru')))[0]).toEqual([
      'Организация',
      'Вид',
      'Регион',
      'БИН',
      'Руководитель',
      'Число членов',
      'Основание',
    ]);
    expect(parseCsv(csvText(sampleMemberList('kk', 2)))[0]).toEqual([
      '№',
      'Тегі, аты, әкесінің аты',
      'ЖСН',
      'Партияға кірген күні',
      'Партия билетінің нөмірі',
    ]);
  });

  it('quotes a cell with a comma, quotes and a newline so that it reads back unchanged', () => {
    const text = csvText(sampleStructure('ru'));
    expect(text).toContain('"Протокол №7, пункт ""2""\nвторая строка"');
    const records = parseCsv(text);
    expect(records).toHaveLength(4);
    expect(records.every((r) => r.length === 7)).toBe(true);
    expect(records[2]![6]).toBe(TRICKY_CELL);
    expect(records[1]).toEqual([
      'Партия «Сынақ»',
      'Партия',
      '',
      '000000000001',
      'Тестов Тест Тестович',
      '21000',
      'Съезд, протокол №1',
    ]);
  });

  it('defuses text that a spreadsheet would run as a formula, but not numbers', () => {
    const doc = sampleStructure('en');
    const records = parseCsv(csvText(doc));
    expect(records[3]![6]).toBe(`'${FORMULA_CELL}`);
    const negative: FilingDocument = {
      ...doc,
      sections: [
        { ...doc.sections[0]!, rows: [{ ...doc.sections[0]!.rows[0]!, memberCount: -5, head: '+7 700 000 0000' }] },
      ],
    };
    const [, row] = parseCsv(csvText(negative));
    expect(row![5]).toBe('-5');
    expect(row![4]).toBe("'+7 700 000 0000");
  });

  it('writes one table per section, separated by an empty line', () => {
    const doc = sampleStructure('ru');
    const twoSections: FilingDocument = {
      ...doc,
      sections: [doc.sections[0]!, sampleMemberList('ru', 1).sections[0]!],
    };
    const records = parseCsv(csvText(twoSections));
    expect(records.map((r) => r.length)).toEqual([7, 7, 7, 7, 1, 5, 5]);
    expect(records[4]).toEqual(['']);
    expect(records[5]![1]).toBe('Фамилия, имя, отчество');
    expect(records[6]![1]).toBe('Тестов Тест Тестович');
  });

  it('is the same bytes for the same document', () => {
    expect(renderCsv(sampleMemberList('kk', 50)).equals(renderCsv(sampleMemberList('kk', 50)))).toBe(true);
  });
});
