import { CsvFile, CsvSyntaxError, detectSeparator, type CsvRecord } from './csv-parser';

/** The records as the check's reading hands them over; the run is given the same, kept from it. */
const records = (text: string, separator: ',' | ';' = ',') => {
  const checked: CsvRecord[] = [];
  const file = CsvFile.check(Buffer.from(text), separator, (record) => checked.push(record));
  expect([...file.records()]).toEqual(checked);
  return checked;
};

describe('CSV parser', () => {
  it('splits plain records on LF and CRLF alike, numbering their lines', () => {
    expect(records('a,b,c\r\n1,2,3\n4,5,6')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('ends a record on a lone CR (old Mac files)', () => {
    expect(records('a,b\r1,2\r')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and embedded line breaks, keeping line numbers', () => {
    const text = 'name,note\n"Синт, Ай","say ""hi"""\n"two\r\nlines","x"\nlast,"y"\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Синт, Ай', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'x'] },
      { line: 5, fields: ['last', 'y'] },
    ]);
  });

  it('numbers lines across line breaks inside quotes, CRLF and lone CR alike, and across skipped lines', () => {
    const text = 'h1,h2\r\n"a\r\nb\rc",x\r\n\r\n"\n",\r\n\r\nlast,y\r\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a\r\nb\rc', 'x'] },
      { line: 9, fields: ['last', 'y'] },
    ]);
  });

  it('keeps empty fields, a trailing empty field and an empty quoted field', () => {
    expect(records('a;;"";\n', ';')).toEqual([{ line: 1, fields: ['a', '', '', ''] }]);
  });

  it('skips blank records (empty lines and rows of bare separators) without losing the line count', () => {
    expect(records('h1;h2\n\n;\r\n  ;  \nx;y\n', ';')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 5, fields: ['x', 'y'] },
    ]);
  });

  it('is lenient with quotes Excel or a hand edit leaves: text after a closing quote, a quote inside a bare field', () => {
    expect(records('"ab"c,d"e\n')).toEqual([{ line: 1, fields: ['"ab"c', 'd"e'] }]);
  });

  it('refuses a quoted field that is never closed, naming the line its record starts on', () => {
    const parse = () => records('a,b\n1,"open\nstill open\n');
    expect(parse).toThrow(CsvSyntaxError);
    expect(parse).toThrow('line 2: a quoted field is never closed');
    expect(() => records('a,b\n"x\r\ny",1\n\n\n2,"open\n')).toThrow('line 6: a quoted field is never closed');
  });

  it('numbers the lines of a long file, and keeps a value that begins with U+FEFF past its start', () => {
    const lines = ['\ufeffname;note'];
    const expected: CsvRecord[] = [{ line: 1, fields: ['name', 'note'] }];
    let line = 2;
    for (let i = 0; i < 4500; i++) {
      // Every seventh record spans two lines and is followed by an empty one; a BOM-like value is no BOM.
      if (i % 7 === 0) lines.push(`"Синт\r\n${i}";"x;""y"""\r\n`);
      else lines.push(`\ufeffTestov${i};${i}`);
      expected.push({ line, fields: i % 7 === 0 ? [`Синт\r\n${i}`, 'x;"y"'] : [`\ufeffTestov${i}`, `${i}`] });
      line += i % 7 === 0 ? 3 : 1;
    }
    expect(records(lines.join('\n'), ';')).toEqual(expected);
  });

  it('detects the separator from the header line, ignoring quoted text', () => {
    expect(detectSeparator('surname;given;iin\n1,2,3,4,5')).toBe(';');
    expect(detectSeparator('surname,given,iin\n1;2;3;4;5')).toBe(',');
    expect(detectSeparator('"a;b;c;d",x,y\n')).toBe(',');
  });

  it('drops a UTF-8 byte order mark before the header, and only that', () => {
    expect(records('\ufeffsurname,\ufeffgiven\n')).toEqual([{ line: 1, fields: ['surname', '\ufeffgiven'] }]);
  });
});
