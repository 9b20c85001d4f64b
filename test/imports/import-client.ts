import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';

export const MEMBER_HEADER = 'surname,given,patronymic,iin,birthDate,citizenship,branch,admissionDate,cardNumber';

export interface ImportAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
}

export interface RejectedRow {
  row: number;
  line: number;
  field: string;
  code: string;
  message: string;
}

/** A multipart/form-data body with one file part (and fields before it), as a browser form sends it. */
export function multipartBody(file: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = `----baytaq-test-${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="members.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads and polls member imports through the real HTTP routes (Fastify inject). */
export function importClient(app: NestFastifyApplication, key: string) {
  const send = async (
    url: string,
    payload: Buffer | string,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<ImportAnswer> => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${key}`, 'content-type': contentType, ...headers },
      payload,
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };
  const get = async (url: string): Promise<ImportAnswer> => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };
  return {
    csv: (text: Buffer | string, query = '', headers: Record<string, string> = {}) =>
      send(`/v1/imports/members${query}`, text, 'text/csv; charset=utf-8', headers),
    form: (text: Buffer | string, fields: Record<string, string> = {}, query = '') => {
      const { payload, contentType } = multipartBody(text, fields);
      return send(`/v1/imports/members${query}`, payload, contentType);
    },
    get,
    /** Polls until the import is no longer running. */
    async finished(id: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const answer = await get(`/v1/imports/${id}`);
        if (answer.status !== 200) throw new Error(`GET import: ${answer.status} ${JSON.stringify(answer.body)}`);
        if (answer.body['status'] !== 'running') return answer.body;
        if (Date.now() > until) throw new Error(`import ${id} still running: ${JSON.stringify(answer.body['rows'])}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}

/** The rejected rows as [row, line, field, code], the part of a report a test pins exactly. */
export const rejections = (body: Record<string, unknown>): Array<[number, number, string, string]> =>
  (body['rejected'] as RejectedRow[]).map((r) => [r.row, r.line, r.field, r.code]);
