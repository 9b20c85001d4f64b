import fc from 'fast-check';
import type { IdRef } from './id-pools';
import { hostileString, oddUnicode } from './hostile-values';
import { digits, idOf, plausibleDate, validShaped } from './schema-values';

/** A member file as sent: its text in parts (branch ids chosen late) and how it is wrapped. */
export interface UploadCase {
  kind: string;
  /** `text/csv`, a multipart form, or a media type the route does not read. */
  wrapping: 'csv' | 'multipart' | 'multipart-broken' | 'other-media';
  parts: Array<string | IdRef>;
}

const HEADER = 'surname,given,patronymic,iin,birthDate,citizenship,branch,admissionDate,cardNumber\n';

const row = fc
  .record({
    surname: fc.constantFrom('Синтетов', 'Testov', 'Тестова'),
    iin: validShaped({ type: 'string' }, 'iin') as fc.Arbitrary<string>,
    branch: idOf('organisation'),
    admitted: plausibleDate,
    card: digits(6).map((d) => `SYN-${d}`),
  })
  .map(({ surname, iin, branch, admitted, card }) => [
    `${surname},Синтетик,,${iin},,KZ,`,
    branch,
    `,${admitted},${card}\n`,
  ]);

const validFile = fc.array(row, { minLength: 1, maxLength: 4 }).map((rows) => [HEADER, ...rows.flat()]);

/** Files a careless export or a hostile client produces. */
const hostileFile: fc.Arbitrary<Array<string | IdRef>> = fc.oneof(
  fc
    .constantFrom('', '\uFEFF', 'surname\n', HEADER, 'a;b;c\n1;2;3\n', '"unterminated\n', HEADER.replace(/,/g, '\t'))
    .map((text): Array<string | IdRef> => [text]),
  fc.tuple(validFile, oddUnicode).map(([file, odd]) => [...file.slice(0, -1), `${odd}\n`]),
  hostileString.map((text): Array<string | IdRef> => [HEADER, `${text},${text},,,,KZ,x,2023-01-10,\n`]),
  fc.constant<Array<string | IdRef>>([HEADER, 'Синтетов,Синтетик,,900101300007,,KZ,x,2023-01-10,\n'.repeat(500)]),
);

export const validUploads: fc.Arbitrary<UploadCase> = validFile.map((parts) => ({
  kind: 'valid',
  wrapping: 'csv',
  parts,
}));

export const uploadCases: fc.Arbitrary<UploadCase> = fc.oneof(
  { weight: 4, arbitrary: validFile.map((parts) => ({ kind: 'valid', wrapping: 'csv' as const, parts })) },
  { weight: 2, arbitrary: validFile.map((parts) => ({ kind: 'valid', wrapping: 'multipart' as const, parts })) },
  { weight: 4, arbitrary: hostileFile.map((parts) => ({ kind: 'hostile-file', wrapping: 'csv' as const, parts })) },
  {
    weight: 1,
    arbitrary: validFile.map((parts) => ({
      kind: 'malformed-multipart',
      wrapping: 'multipart-broken' as const,
      parts,
    })),
  },
  { weight: 1, arbitrary: validFile.map((parts) => ({ kind: 'media-type', wrapping: 'other-media' as const, parts })) },
);

const BOUNDARY = 'fuzz-boundary-7d1c';

/** The body and content type of an upload, once its ids are chosen. */
export function uploadBody(upload: UploadCase, text: string): { contentType: string; payload: string } {
  switch (upload.wrapping) {
    case 'csv':
      return { contentType: 'text/csv', payload: text };
    case 'other-media':
      return { contentType: 'application/vnd.ms-excel', payload: text };
    case 'multipart':
    case 'multipart-broken': {
      const form =
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="members.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${text}\r\n--${BOUNDARY}--\r\n`;
      // A truncated form, or one whose boundary is not the declared one.
      const broken = text.length % 2 === 0 ? form.slice(0, form.length / 2) : form.replaceAll(BOUNDARY, 'other');
      return {
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        payload: upload.wrapping === 'multipart' ? form : broken,
      };
    }
  }
}
