import { getMetadataStorage, IS_OPTIONAL } from 'class-validator';
import { nullIsAValue } from '../shared-dto/null-is-a-value';
import type { FieldError } from './problem';

type DtoClass = abstract new (...args: never[]) => unknown;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

interface Shape {
  /** Every property with a validation rule. */
  properties: string[];
  /** Those without `@IsOptional()` (or a `@ValidateIf`): they must be there. */
  required: Set<string>;
  /** Optional ones whose `null` is the property left out. */
  nullMeansAbsent: Set<string>;
  /** Nested request objects that are not lists: class-validator would take an array of them. */
  single: Set<string>;
}

const shapes = new WeakMap<DtoClass, Shape | null>();

/** What class-validator's decorators say about a request class's properties, read once per class. */
function shapeOf(type: DtoClass): Shape | null {
  let shape = shapes.get(type);
  if (shape !== undefined) return shape;
  const rules: ValidationMetadata[] = getMetadataStorage().getTargetValidationMetadatas(type, '', false, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  shape =
    byProperty.size === 0
      ? null
      : { properties: [...byProperty.keys()], required: new Set(), nullMeansAbsent: new Set(), single: new Set() };
  for (const [property, own] of byProperty) {
    const conditional = own.filter((rule) => rule.type === 'conditionalValidation');
    if (conditional.length === 0) shape!.required.add(property);
    if (conditional.some((rule) => rule.name === IS_OPTIONAL) && !nullIsAValue(type, property)) {
      shape!.nullMeansAbsent.add(property);
    }
    const nested = own.some((rule) => rule.type === 'nestedValidation');
    if (nested && Reflect.getMetadata('design:type', type.prototype as object, property) !== Array) {
      shape!.single.add(property);
    }
  }
  shapes.set(type, shape);
  return shape;
}

/** The property as if it had not been sent: the class's default when it has one, else absent. */
function leaveOut(values: Record<string, unknown>, property: string, type: DtoClass): void {
  const fallback = new (type as unknown as new () => Record<string, unknown>)()[property];
  if (fallback === undefined) delete values[property];
  else values[property] = fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Before validation, on a request object as class-transformer built it: removes each `null` sent
 * for an optional property (so that nothing past the HTTP layer meets a null it did not ask for),
 * and returns a `required` error for each required property left out or sent as `null`, and an
 * `isObject` error for a list where one nested object belongs, nested objects included. The walk
 * follows the request classes, a few levels deep, not the body.
 */
export function settleAbsentFields(request: object, path = ''): FieldError[] {
  // The prototype's constructor: a body may carry a `constructor` key of its own.
  const type = (Object.getPrototypeOf(request) as { constructor?: unknown } | null)?.constructor;
  const shape = typeof type === 'function' ? shapeOf(type as DtoClass) : null;
  if (!shape) return [];
  const values = request as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const property of shape.properties) {
    const field = `${path}${property}`;
    const value = values[property];
    if (value === null && shape.nullMeansAbsent.has(property)) leaveOut(values, property, type as DtoClass);
    else if (value === undefined || value === null) {
      if (shape.required.has(property)) errors.push({ field, code: 'required', message: `${field} is required` });
    } else if (Array.isArray(value) && shape.single.has(property)) {
      errors.push({ field, code: 'isObject', message: `${field} must be an object, not a list` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (isObject(item)) errors.push(...settleAbsentFields(item, `${field}.${i}.`));
      });
    } else if (isObject(value)) errors.push(...settleAbsentFields(value, `${field}.`));
  }
  return errors;
}
