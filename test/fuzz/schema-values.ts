import fc from 'fast-check';
import { makeIin } from '@baytaq/domain';
import { fieldIdKind, IdRef, type IdKind } from './id-pools';
import type { Schema } from './openapi-routes';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_FIELDS = new Set(['effectiveDate', 'date', 'birthDate', 'asOf', 'from', 'to']);

/** Days the seed story and the registry's life span: writes on them can pass the domain's rules. */
export const plausibleDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2022-09-24', '2022-11-28', '2023-01-10', '2023-01-11', '2024-02-01'),
  fc
    .date({ min: new Date('2022-09-24T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

export const plausibleTimestamp: fc.Arbitrary<string> = fc
  .date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** An id of a kind: a real one most of the time, otherwise a fresh UUID or a real id of another kind. */
export function idOf(kind: IdKind): fc.Arbitrary<IdRef> {
  const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  return fc.oneof(
    { weight: 6, arbitrary: fraction.map((pick) => new IdRef({ real: kind, pick })) },
    { weight: 2, arbitrary: fc.uuid({ version: 4 }).map((fresh) => new IdRef({ fresh })) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          otherKind: fc.constantFrom<IdKind>('organisation', 'person', 'post', 'meeting', 'event'),
          pick: fraction,
        })
        .map((choice) => new IdRef(choice)),
    },
  );
}

/** Obviously synthetic people and places. */
const SYNTHETIC_TEXT = fc.oneof(
  fc.constantFrom('Синтетов', 'Testov', 'Тестова', 'Синтетик', 'Testuly', 'Sintetik', 'Қарағанды', 'Temirtau'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі '), minLength: 1, maxLength: 24 }),
);

const iin = fc
  .record({ birth: plausibleDate, sex: fc.constantFrom<'male' | 'female'>('male', 'female'), serial: fc.nat(9_999) })
  .map(({ birth, sex, serial }) => {
    const year = Number(birth.slice(0, 4)) - 40;
    return makeIin(`${year}${birth.slice(4)}`.replace('-02-29', '-02-28'), sex, serial);
  });

/** `n` decimal digits (stringMatching would do, but is slow to generate under Jest). */
export const digits = (n: number) =>
  fc.bigInt({ min: 0n, max: 10n ** BigInt(n) - 1n }).map((v) => String(v).padStart(n, '0'));

/** Strings the service reads with a meaning of its own, by field name. */
function namedString(name: string, schema: Schema): fc.Arbitrary<unknown> | undefined {
  const idKind = fieldIdKind(name);
  if (idKind) return idOf(idKind);
  if (name === 'id' && schema.format === 'uuid') return fc.uuid({ version: 4 }).map((fresh) => new IdRef({ fresh }));
  if (DATE_FIELDS.has(name) || (typeof schema.example === 'string' && DATE.test(schema.example))) return plausibleDate;
  if (name === 'knownAt') return plausibleTimestamp;
  if (name === 'iin') return iin;
  if (name === 'kato') return fc.tuple(fc.constantFrom('35', '71', '75', '79'), digits(7)).map(([a, b]) => a + b);
  if (name === 'bin') return digits(12);
  if (name === 'citizenship') return fc.constantFrom('KZ', 'RU', 'UZ', 'kz', 'XX');
  if (name === 'email') return fc.emailAddress();
  return undefined;
}

/** A value shaped as the schema asks (what a well-meaning client sends), ids left as `IdRef` to choose late. */
export function validShaped(schema: Schema, name = ''): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.nullable && schema.type === 'object') return fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null));
  if (schema.properties) return validObject(schema);
  switch (schema.type) {
    case 'object':
      return fc.constant({});
    case 'array':
      return fc.array(validShaped(schema.items ?? {}, name), { maxLength: 3 });
    case 'number':
    case 'integer':
      return fc.integer({ min: 0, max: 200 });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return namedString(name, schema) ?? fc.oneof(SYNTHETIC_TEXT, fc.constant(schema.example ?? 'Синтетов'));
    default:
      return namedString(name, schema) ?? fc.constant(schema.example ?? 'Синтетов');
  }
}

function validObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [field, property] of Object.entries(properties)) model[field] = validShaped(property, field);
  const requiredKeys = (schema.required ?? []).filter((field) => field in properties);
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A field of a body, reached by its path, with the schema that describes it. */
export interface FieldAt {
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Every field the schema describes, at every depth of its objects (arrays' items as `0`). */
export function fieldsOf(schema: Schema, prefix: string[] = []): FieldAt[] {
  const fields: FieldAt[] = [];
  const required = new Set(schema.required ?? []);
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, field];
    fields.push({ path, schema: property, required: required.has(field) });
    if (property.type === 'object' || property.properties) fields.push(...fieldsOf(property, path));
    if (property.type === 'array' && property.items?.properties)
      fields.push(...fieldsOf(property.items, [...path, '0']));
  }
  return fields;
}
