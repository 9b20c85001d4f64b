import fc from 'fast-check';
import { fieldIdKind, type IdKind, type IdRef } from './id-pools';
import { deepJson, hostileNumber, hostileString, longString, oddUnicode, wrongType } from './hostile-values';
import { withField, withIds, withoutField } from './json-body';
import type { Schema } from './openapi-routes';
import { fieldsOf, idOf, validShaped, type FieldAt } from './schema-values';

/** A generated JSON body: parsed-shaped (`value`) or raw bytes, with the kind of input it is. */
export type BodyCase = { kind: string; value: unknown } | { kind: string; raw: string | Buffer };

const ID_KINDS: IdKind[] = ['organisation', 'person', 'meeting'];

/** The document's example with its ids chosen among real ones: it reaches the domain more often than not. */
function exampleWithIds(example: unknown): fc.Arbitrary<unknown> {
  const refs = fc.record(
    Object.fromEntries(ID_KINDS.map((kind) => [kind, idOf(kind)])) as Record<IdKind, fc.Arbitrary<IdRef>>,
  );
  return refs.map((ref) => withIds(example, (field) => (fieldIdKind(field) ? ref[fieldIdKind(field)!] : undefined)));
}

/** A field's path and a value for it, on top of a valid-shaped body. */
function mutated(
  valid: fc.Arbitrary<unknown>,
  fields: FieldAt[],
  kind: string,
  value: (field: FieldAt) => fc.Arbitrary<unknown>,
): fc.Arbitrary<BodyCase> | undefined {
  if (fields.length === 0) return undefined;
  return fc
    .tuple(valid, fc.constantFrom(...fields))
    .chain(([body, field]) => value(field).map((v) => ({ kind, value: withField(body, field.path, v) })));
}

const EXTRA_KEYS = fc.oneof(
  fc.constantFrom('x', '__proto__', 'constructor', 'prototype', '', ' id', 'ID', 'toString', '$where'),
  oddUnicode,
);

const MALFORMED_JSON = fc.constantFrom(
  '',
  '{',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '\uFEFF{}',
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{"a":1e99999}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x41"}',
  '{"a":NaN}',
  '{"a":undefined}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
);

/** Bytes that are not UTF-8: overlong forms, CESU-8 surrogates, a cut-off sequence, Latin-1. */
const BAD_BYTES = fc.constantFrom(
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
  Buffer.from('{"name":{"ru":"Caf\xe9"}}', 'latin1'),
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
);

const isString = (field: FieldAt) => field.schema.type === 'string' || field.schema.type === undefined;
const isNumber = (field: FieldAt) =>
  ['number', 'integer'].includes(field.schema.type ?? '') || field.schema.nullable === true;

/** A body a client following the documentation sends: generated from the schema, or the example with real ids. */
export function validBodies(schema: Schema | undefined, example: unknown): fc.Arbitrary<unknown> {
  const shape = schema ?? { type: 'object' };
  return example === undefined ? validShaped(shape) : fc.oneof(validShaped(shape), exampleWithIds(example));
}

/** Every kind of JSON body the issue lists, for one request schema. */
export function jsonBodies(schema: Schema | undefined, example: unknown): fc.Arbitrary<BodyCase> {
  const shape = schema ?? { type: 'object' };
  const valid = validBodies(schema, example);
  const fields = fieldsOf(shape);
  const kinds: Array<[number, fc.Arbitrary<BodyCase> | undefined]> = [
    [8, valid.map((value) => ({ kind: 'valid', value }))],
    [
      3,
      mutated(
        valid,
        fields.filter((f) => !f.required),
        'null-optional',
        () => fc.constant(null),
      ),
    ],
    [
      1,
      mutated(
        valid,
        fields.filter((f) => f.required),
        'null-required',
        () => fc.constant(null),
      ),
    ],
    [3, mutated(valid, fields, 'wrong-type', (f) => wrongType(f.schema.type))],
    [
      2,
      fields.some((f) => f.required)
        ? fc
            .tuple(valid, fc.constantFrom(...fields.filter((f) => f.required)))
            .map(([body, f]) => ({ kind: 'missing-required', value: withoutField(body, f.path) }))
        : undefined,
    ],
    [
      2,
      fc
        .tuple(
          valid,
          fc.constantFrom<string[]>([], ...fields.filter((f) => f.schema.properties).map((f) => f.path)),
          EXTRA_KEYS,
          hostileString,
        )
        .map(([body, at, key, v]) => ({ kind: 'extra-field', value: withField(body, [...at, key], v) })),
    ],
    [
      3,
      fc
        .tuple(valid, fc.constantFrom<string[]>(['x'], ...fields.map((f) => f.path)), deepJson)
        .map(([body, at, deep]) => ({
          kind: 'deep-nesting',
          value: withField(body, at, deep),
        })),
    ],
    [2, mutated(valid, fields.filter(isString), 'long-string', () => longString)],
    [4, mutated(valid, fields.filter(isString), 'unicode', () => oddUnicode)],
    [3, mutated(valid, fields.filter(isNumber), 'number', () => hostileNumber)],
    [1, mutated(valid, fields, 'number', () => hostileNumber)],
    [1, MALFORMED_JSON.map((raw) => ({ kind: 'malformed-json', raw }))],
    [1, BAD_BYTES.map((raw) => ({ kind: 'bad-utf8', raw }))],
    [1, deepJson.map((deep) => ({ kind: 'deep-nesting', value: deep }))],
    [1, fc.array(valid, { minLength: 1, maxLength: 2 }).map((value) => ({ kind: 'not-an-object', value }))],
  ];
  return fc.oneof(
    ...kinds
      .filter((entry): entry is [number, fc.Arbitrary<BodyCase>] => entry[1] !== undefined)
      .map(([weight, arbitrary]) => ({ weight, arbitrary })),
  );
}
