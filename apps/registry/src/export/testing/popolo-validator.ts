import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Popolo schemas kept in the repository (draft-03, unchanged from popolo-spec). */
export const POPOLO_SCHEMA_DIR = join(__dirname, '..', 'popolo-schemas');
export const POPOLO_SCHEMA_ID = (name: string) => `http://www.popoloproject.com/schemas/${name}.json#`;

type Schema = { [keyword: string]: unknown };

/**
 * Ajv speaks draft-06 and later, not draft-03. The files use only two draft-03 forms that differ:
 * the root's `id` (now `$id`) and a property's boolean `required` (now a list on the object).
 */
export function fromDraft03(schema: Schema): Schema {
  const { $schema: _draft, id, ...rest } = schema;
  const out: Schema = { ...rest, ...(typeof id === 'string' ? { $id: id } : {}) };
  return liftRequired(out);
}

function liftRequired(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (out['properties'] && typeof out['properties'] === 'object') {
    const required: string[] = [];
    const properties: Record<string, Schema> = {};
    for (const [name, property] of Object.entries(out['properties'] as Record<string, Schema>)) {
      const { required: isRequired, ...kept } = property;
      if (isRequired === true) required.push(name);
      properties[name] = liftRequired(kept);
    }
    out['properties'] = properties;
    if (required.length > 0) out['required'] = required;
  }
  if (out['items'] && typeof out['items'] === 'object') out['items'] = liftRequired(out['items'] as Schema);
  return out;
}

/** An Ajv holding every Popolo schema under its `id`, so that the `$ref`s between them resolve. */
export function popoloAjv(): Ajv {
  // Strict, so that a keyword the translation missed is an error rather than silently ignored.
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(POPOLO_SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(fromDraft03(JSON.parse(readFileSync(join(POPOLO_SCHEMA_DIR, file), 'utf8')) as Schema));
  }
  return ajv;
}

export type PopoloKind = 'person' | 'organization' | 'post' | 'membership' | 'event';

/** Validates items against one Popolo schema; answers the errors of each invalid item, by index. */
export function popoloValidator(ajv: Ajv = popoloAjv()) {
  const validators = new Map<PopoloKind, ValidateFunction>();
  const validatorOf = (kind: PopoloKind) => {
    let validate = validators.get(kind);
    if (!validate) {
      validate = ajv.getSchema(POPOLO_SCHEMA_ID(kind));
      if (!validate) throw new Error(`no Popolo schema ${kind}`);
      validators.set(kind, validate);
    }
    return validate;
  };
  return (kind: PopoloKind, items: unknown[]): Array<{ index: number; errors: string[] }> =>
    items.flatMap((item, index) => {
      const validate = validatorOf(kind);
      if (validate(item)) return [];
      return [{ index, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`) }];
    });
}
