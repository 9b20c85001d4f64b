import fc from 'fast-check';
import { jsonBodies, validBodies, type BodyCase } from './body-cases';
import { badPathSegment } from './hostile-values';
import { type IdPools, IdRef, OWN_KEY_NAME, pathIdKind, type IdKind } from './id-pools';
import { excerpt, jsonText } from './json-body';
import type { Method, Route } from './openapi-routes';
import { badQueryValue, encodeQueryText, rawQueryJunk, validQueryValue, type QueryValue } from './query-values';
import { idOf } from './schema-values';
import { badHeader, validHeaders, type HeaderCase } from './header-cases';
import { uploadBody, uploadCases, validUploads, type UploadCase } from './upload-cases';

/** One request as sent: everything needed to send it again. */
export interface FuzzRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** An endless answer (Server-Sent Events) cannot go through inject: it is read over a socket. */
  overSocket: boolean;
}

/** A generated case: the route, the kind of input, and the request once ids are chosen among real ones. */
export interface FuzzCase {
  route: Route;
  kind: string;
  build(pools: IdPools): FuzzRequest;
}

interface Parts {
  kind: string;
  path: Array<string | IdRef>;
  query: Array<[string, QueryValue]>;
  rawQuery?: string;
  headers: HeaderCase;
  body?: BodyCase | UploadCase;
}

/** An id the pools do not know yet reads as a UUID made of the fraction that picked it. */
function fallbackUuid(fraction: number): string {
  const hex = Math.floor(fraction * 0xffffffffffff)
    .toString(16)
    .padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function resolveId(pools: IdPools, ref: IdRef): string {
  const { choice } = ref;
  if ('fresh' in choice) return choice.fresh;
  const kind: IdKind = 'real' in choice ? choice.real : choice.otherKind;
  return pools.pick(kind, choice.pick) ?? fallbackUuid(choice.pick);
}

function pathValue(route: Route): fc.Arbitrary<string | IdRef> {
  const kind = pathIdKind(route.template);
  if (kind !== 'key') return idOf(kind);
  const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  return fc.oneof(
    fraction.map((pick) => new IdRef({ real: 'key', pick })),
    fc
      .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 3, maxLength: 20 })
      .filter((name) => name !== OWN_KEY_NAME),
  );
}

function validQuery(route: Route): fc.Arbitrary<Array<[string, QueryValue]>> {
  const entries = route.query.map((p) =>
    p.required
      ? validQueryValue(p).map((v) => [[p.name, v]] as Array<[string, QueryValue]>)
      : fc
          .option(validQueryValue(p), { freq: 2 })
          .map((v) => (v === null ? [] : [[p.name, v] as [string, QueryValue]])),
  );
  return fc.tuple(...entries).map((lists) => lists.flat());
}

/** Every kind of body the route can be sent, and the valid ones the cases hostile elsewhere carry. */
function bodies(
  route: Route,
): { all: fc.Arbitrary<BodyCase | UploadCase>; valid: fc.Arbitrary<BodyCase | UploadCase> } | undefined {
  if (!route.body) return undefined;
  if (!route.body.mediaTypes.includes('application/json')) return { all: uploadCases, valid: validUploads };
  const { schema, example } = route.body;
  return {
    all: jsonBodies(schema, example),
    valid: validBodies(schema, example).map((value) => ({ kind: 'valid', value })),
  };
}

/** Every kind of input for one route: one part hostile at a time, the others as a client would send them. */
export function routeCases(route: Route): fc.Arbitrary<FuzzCase> {
  const path = fc.tuple(...route.path.map(() => pathValue(route)));
  const query = validQuery(route);
  const headers = validHeaders(route);
  const body = bodies(route);
  const base = fc.record({ path, query, headers, body: body?.valid ?? fc.constant(undefined) });
  const bodyVariants = fc.record({ path, query, headers, body: body?.all ?? fc.constant(undefined) });
  const variants: Array<{ weight: number; arbitrary: fc.Arbitrary<Parts> }> = [
    {
      weight: body ? 12 : 6,
      arbitrary: bodyVariants.map((p) => ({ ...p, kind: p.body ? `body:${p.body.kind}` : 'valid' })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(base, badHeader(route)).map(([p, h]) => ({ ...p, headers: h, kind: `header:${h.kind}` })),
    },
  ];
  if (route.path.length > 0) {
    variants.push({
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.array(badPathSegment, { minLength: route.path.length, maxLength: route.path.length }))
        .map(([p, segments]) => ({ ...p, path: segments, kind: 'bad-path' })),
    });
  }
  const names = [...route.query.map((q) => q.name), 'unknownParam'];
  variants.push({
    weight: route.method === 'GET' ? 5 : 1,
    arbitrary: fc
      .tuple(
        base,
        fc.constantFrom(...names).chain((name) => badQueryValue(name).map((v) => [name, v] as [string, QueryValue])),
      )
      .map(([p, bad]) => ({ ...p, query: [...p.query.filter(([n]) => n !== bad[0]), bad], kind: 'bad-query' })),
  });
  variants.push({
    weight: 1,
    arbitrary: fc.tuple(base, rawQueryJunk).map(([p, rawQuery]) => ({ ...p, rawQuery, kind: 'bad-query-encoding' })),
  });
  return fc
    .oneof(...variants)
    .map((parts) => ({ route, kind: parts.kind, build: (pools) => build(route, parts, pools) }));
}

function build(route: Route, parts: Parts, pools: IdPools): FuzzRequest {
  const id = (value: string | IdRef) => (value instanceof IdRef ? resolveId(pools, value) : value);
  let index = 0;
  const path = route.template.replace(/\{[^}]+\}/g, () => {
    const value = parts.path[index++]!;
    return value instanceof IdRef ? encodeURIComponent(id(value)) : value;
  });
  const query = parts.query.flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [id(value)]).map((v) => `${encodeQueryText(name)}=${encodeQueryText(v)}`),
  );
  if (parts.rawQuery) query.push(parts.rawQuery);
  const url = query.length > 0 ? `${path}?${query.join('&')}` : path;
  const headers = Object.fromEntries(Object.entries(parts.headers.values).map(([name, v]) => [name, id(v)]));
  const request: FuzzRequest = {
    method: route.method,
    url,
    headers,
    overSocket: route.template === '/v1/events/stream',
  };
  if (!parts.body) return request;
  const { payload, contentType } = payloadOf(parts.body, (ref) => resolveId(pools, ref));
  request.payload = payload;
  if (!('content-type' in headers) && contentType) headers['content-type'] = contentType;
  if (headers['content-type'] === '(none)') delete headers['content-type'];
  return request;
}

function payloadOf(
  body: BodyCase | UploadCase,
  resolve: (ref: IdRef) => string,
): { payload: string | Buffer; contentType?: string } {
  if ('wrapping' in body) {
    const text = body.parts.map((part) => (part instanceof IdRef ? resolve(part) : part)).join('');
    return uploadBody(body, text);
  }
  if ('raw' in body) return { payload: body.raw, contentType: 'application/json' };
  return { payload: jsonText(body.value, resolve), contentType: 'application/json' };
}

/** The request as a finding shows it: enough to send it again. */
export function describeRequest(request: FuzzRequest): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${excerpt(value, 80)}`)
    .join('; ');
  return `${request.method} ${excerpt(request.url, 200)} [${headers}] body ${excerpt(request.payload)}`;
}
