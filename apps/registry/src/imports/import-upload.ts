import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { RegistryConfig } from '../config/registry-config';
import { ProblemError } from '../http/problem';

export const IMPORT_UPLOAD_PATH = '/v1/imports/members';

/**
 * What the member import needs of Fastify, before the routes are registered: a `text/csv` body
 * as raw bytes, multipart uploads, and a body limit of its own on the upload route alone (every
 * other route keeps the small JSON limit).
 */
export async function registerImportUploads(app: NestFastifyApplication, config: RegistryConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url === IMPORT_UPLOAD_PATH && methods.includes('POST')) route.bodyLimit = config.importMaxBytes;
  });
  fastify.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Nest's adapter carries its own copy of Fastify's types; the plugin is typed against the root copy.
  const plugin = multipart as unknown as Parameters<NestFastifyApplication['register']>[0];
  await app.register(plugin, { limits: { fileSize: config.importMaxBytes, files: 1 } });
}

export interface Upload {
  bytes: Buffer;
  fileName: string | null;
  /** Form fields sent before the file (a form may carry `dryRun` that way). */
  fields: Record<string, string>;
}

const tooLarge = (maxBytes: number) =>
  ProblemError.of(413, 'request.too_large', `the file is larger than ${maxBytes} bytes`, { maxBytes });

/** The uploaded file: a `text/csv` body, or the single file of a multipart/form-data request. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (Buffer.isBuffer(request.body)) return { bytes: request.body, fileName: null, fields: {} };
  if (!request.isMultipart()) {
    throw ProblemError.of(415, 'request.unsupported_media_type', 'send the CSV as text/csv or multipart/form-data');
  }
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw ProblemError.of(422, 'import.no_file', 'the form carries no file');
    const bytes = await part.toBuffer();
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.fields)) {
      if (value && !Array.isArray(value) && value.type === 'field') fields[name] = String(value.value);
    }
    return { bytes, fileName: part.filename || null, fields };
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    // Busboy's complaints (no boundary, a truncated body) are the client's: never a 500.
    throw ProblemError.of(400, 'request.malformed_multipart', `the multipart body cannot be read: ${String(error)}`);
  }
}
