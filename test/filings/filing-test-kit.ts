import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { client, expectStatus } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

export type Call = ReturnType<typeof client>;

/** A filing's answer as bytes: `client` parses JSON, a PDF is not. */
export interface RawAnswer {
  status: number;
  bytes: Buffer;
  headers: Record<string, unknown>;
  json(): Record<string, unknown>;
}

export function rawGet(app: NestFastifyApplication, url: string, key?: string): Promise<RawAnswer> {
  return app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} }).then((r) => ({
    status: r.statusCode,
    bytes: r.rawPayload,
    headers: r.headers,
    json: () => JSON.parse(r.rawPayload.toString('utf8')) as Record<string, unknown>,
  }));
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A section of a filing's JSON, as the renderers write it. */
export interface JsonSection {
  heading: string | null;
  columns: Array<{ key: string; label: string; values: string | null }>;
  rows: Array<Record<string, string | number | null>>;
  summary: Array<{ label: string; value: string | number | null }>;
}

export const sectionsOf = (doc: Record<string, unknown>): JsonSection[] => doc['sections'] as JsonSection[];

/** The PDF's text with all whitespace gone: cells wrap names wherever the column ends. */
export async function squashedPdfText(bytes: Buffer): Promise<string> {
  return squash((await pdfParse(bytes)).text);
}
export const squash = (text: string): string => text.replace(/\s+/g, '');

export interface DemoRegistry {
  t: TestApp;
  admin: Call;
  compliance: Call;
  complianceKey: string;
  registrar: Call;
  registrarKey: string;
}

/** The app with the seed story, and a compliance key and a registrar key besides the admin's. */
export async function startDemoRegistry(env: Record<string, string> = {}): Promise<DemoRegistry> {
  const t = await startTestApp(env);
  await loadSeedStory(t.app);
  const admin = client(t.app, t.adminKey);
  const keyOf = async (name: string, roles: string[]) =>
    expectStatus(await admin('POST', '/v1/keys', { name, roles }), 201)['key'] as string;
  const complianceKey = await keyOf('compliance-desk', ['compliance']);
  const registrarKey = await keyOf('branch-office', ['registrar']);
  return {
    t,
    admin,
    compliance: client(t.app, complianceKey),
    complianceKey,
    registrar: client(t.app, registrarKey),
    registrarKey,
  };
}

/** A moment strictly between what was recorded before it and what is recorded after it. */
export async function momentBetween(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const at = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return at;
}
