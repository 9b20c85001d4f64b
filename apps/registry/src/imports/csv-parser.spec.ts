import { csvRecords, CsvSyntaxError, detectSeparator, stripBom } from './csv-parser';

const records = (text: string, separator: ',' | ';' = ',') => [...csvRecords(text, separator)];

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
    expect(records('"ab"c,d"e\n')).toEqual([{ line: 1, fields: ['abc', 'd"e'] }]);
  });

  it('refuses a quoted field that is never closed, naming the line it opens on', () => {
    const parse = () => records('a,b\n1,"open\nstill open\n');
    expect(parse).toThrow(CsvSyntaxError);
    expect(parse).toThrow('line 2: a quoted field is never closed');
  });

  it('detects the separator from the header line, ignoring quoted text', () => {
    expect(detectSeparator('surname;given;iin\n1,2,3,4,5')).toBe(';');
    expect(detectSeparator('surname,given,iin\n1;2;3;4;5')).toBe(',');
    expect(detectSeparator('"a;b;c;d",x,y\n')).toBe(',');
  });

  it('strips a UTF-8 byte order mark, and only that', () => {
    expect(stripBom('\ufeffsurname')).toBe('surname');
    expect(stripBom('surname')).toBe('surname');
  });
});
