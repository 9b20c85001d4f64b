import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { request as httpRequest } from 'node:http';
import { type PersonalDataRegistry } from './personal-data-fixture';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/** Every GET path of the OpenAPI document the app serves, with its parameters. */
export async function getOperations(app: NestFastifyApplication): Promise<Array<[string, Operation]>> {
  const doc = (await app.inject({ method: 'GET', url: '/docs-json' })).json() as {
    paths: Record<string, { get?: Operation }>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [[path, ops.get] as [string, Operation]] : []));
}

export const isEventStream = (operation: Operation): boolean =>
  Object.values(operation.responses ?? {}).some((r) => r.content && 'text/event-stream' in r.content);

/**
 * The URLs to ask of a GET path: its path parameters filled with every id of the fixture that
 * such a path names, and its required query parameters with values that reach personal data
 * where any could be. A path or a required parameter this does not know fails the test that
 * asks: a new endpoint must say how to reach it, so that it is swept too.
 */
export function urlsOf(path: string, operation: Operation, d: PersonalDataRegistry, eventId: string): string[] {
  const { ids } = d;
  const people = [ids.officer, ids.member, ids.applicant, ids.imported];
  const pathIds: Array<[RegExp, string[]]> = [
    [/^\/v1\/organisations\/\{id\}/, [ids.party, ids.branch]],
    [/^\/v1\/people\/\{id\}/, people],
    [/^\/v1\/posts\/\{id\}/, [ids.post]],
    [/^\/v1\/tenures\/\{id\}/, [ids.tenure]],
    [/^\/v1\/meetings\/\{id\}/, [ids.meeting]],
    [/^\/v1\/imports\/\{id\}/, [ids.import]],
    [/^\/v1\/filings\/\{id\}/, [ids.filing, ids.memberListFiling]],
  ];
  const queries: Record<string, string[]> = {
    '/v1/people': [OFFICER_Q, ...NAME_QUERIES],
    '/v1/filings/leadership-changes': ['from=2023-01-01'],
    '/v1/filings/member-list': [`organisationId=${ids.branch}`, `organisationId=${ids.party}`],
    '/v1/events': ['limit=500'],
    '/v1/log/entries': ['start=0&end=1000'],
    '/v1/log/proofs/inclusion': [`eventId=${eventId}`],
    '/v1/log/proofs/consistency': ['from=1&to=2'],
    '/v1/audit/access': [''],
  };
  const required = (operation.parameters ?? []).filter((p) => p.required);
  const pathParams = required.filter((p) => p.in === 'path').map((p) => p.name);
  let filled = [path];
  if (pathParams.length > 0) {
    const known = pathIds.find(([pattern]) => pattern.test(path));
    if (!known || pathParams.some((name) => name !== 'id')) {
      throw new Error(`${path}: no fixture ids for its path parameters ${pathParams.join(', ')}: add them here`);
    }
    filled = known[1].map((id) => path.replace('{id}', id));
  }
  const queryNames = required.filter((p) => p.in === 'query').map((p) => p.name);
  const given = queries[path];
  if (queryNames.length > 0 && (!given || !queryNames.every((name) => given.every((q) => q.includes(`${name}=`))))) {
    throw new Error(`${path}: no values for its required query parameters ${queryNames.join(', ')}: add them here`);
  }
  return filled.flatMap((url) => (given ?? ['']).map((q) => (q ? `${url}?${q}` : url)));
}

const OFFICER_Q = `q=${encodeURIComponent('Синтетов')}`;
const NAME_QUERIES = ['Приватова', 'Заявкина', 'Импортова', 'Офицерий'].map((n) => `q=${encodeURIComponent(n)}`);

/** What an answer is, as text: the body as sent, for a scan of its bytes. */
export interface Got {
  status: number;
  text: string;
}

export async function getText(app: NestFastifyApplication, url: string, key: string | undefined): Promise<Got> {
  const res = await app.inject({
    method: 'GET',
    url,
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });
  return { status: res.statusCode, text: res.body };
}

/** A Server-Sent Events stream, read for `ms` from a real socket (inject would wait for its end). */
export function readStreamFor(baseUrl: string, path: string, key: string | undefined, ms = 800): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      { headers: key === undefined ? {} : { authorization: `Bearer ${key}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', () => undefined);
        setTimeout(() => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, text });
        }, ms);
      },
    );
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
  });
}

/** The answer without its echo of the search the caller sent (`"q": "…"`), which is no disclosure. */
export function withoutEcho(url: string, text: string): string {
  const q = new URL(url, 'http://registry').searchParams.get('q');
  return q === null ? text : text.replaceAll(`"q":${JSON.stringify(q)}`, '');
}

/** The personal values an answer holds, and the personal field names its JSON has. */
export function personalIn(text: string, values: readonly string[], fieldNames: readonly string[]): string[] {
  const found: string[] = values.filter((v) => text.includes(v));
  for (const name of fieldNames) if (text.includes(`"${name}":`)) found.push(`field ${name}`);
  return found;
}
