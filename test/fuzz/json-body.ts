import { IdRef } from './id-pools';
import { RawJson } from './hostile-values';

/** Resolves an `IdRef` to the id sent. */
export type IdResolver = (ref: IdRef) => string;

/**
 * JSON text of a generated body: ids chosen now, `RawJson` written as it stands, and keys such as
 * `__proto__` kept as own fields (they are what a hostile client sends).
 */
export function jsonText(value: unknown, resolveId: IdResolver): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof IdRef) return JSON.stringify(resolveId(value));
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item, resolveId)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([key, field]) => `${JSON.stringify(key)}:${jsonText(field, resolveId)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawJson);

/** A copy of the body with the field at `path` set, making the objects (or arrays, for `0`) on the way. */
export function withField(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '0') {
    const list = Array.isArray(body) ? [...(body as unknown[])] : [];
    list[0] = withField(list[0], rest, value);
    return list;
  }
  const copy: Record<string, unknown> = isObject(body) ? { ...body } : {};
  Object.defineProperty(copy, head, {
    value: withField(copy[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A copy of the body without the field at `path`. */
export function withoutField(body: unknown, path: string[]): unknown {
  const [head, ...rest] = path as [string, ...string[]];
  if (head === undefined) return body;
  if (Array.isArray(body)) return body.map((item, i) => (String(i) === head ? withoutField(item, rest) : item));
  if (!isObject(body)) return body;
  if (rest.length > 0) return { ...body, [head]: withoutField(body[head], rest) };
  const copy = { ...body };
  delete copy[head];
  return copy;
}

/** The body with each field that names an id of a known kind given a generated `IdRef` instead. */
export function withIds(body: unknown, idFor: (field: string) => IdRef | undefined): unknown {
  if (Array.isArray(body)) return body;
  if (!isObject(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([field, value]) => {
      const ref = idFor(field);
      if (ref && typeof value === 'string') return [field, ref];
      if (ref && Array.isArray(value)) return [field, value.map(() => ref)];
      return [field, withIds(value, idFor)];
    }),
  );
}

/** At most `max` characters of a body, for a finding that must stay readable. */
export function excerpt(payload: string | Buffer | undefined, max = 300): string {
  if (payload === undefined) return '(none)';
  const text = Buffer.isBuffer(payload) ? payload.toString('latin1') : payload;
  const shown = JSON.stringify(text.length > max ? text.slice(0, max) : text);
  return text.length > max ? `${shown}… (${text.length} characters)` : shown;
}
