import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { settleAbsentFields } from './absent-fields';
import type { FieldError } from './problem';
import { ProblemError } from './problem';

/** Flattens class-validator's tree into field paths like `basis.votes.for`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field, code, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function validationProblem(errors: FieldError[]): ProblemError {
  return ProblemError.of(400, 'request.validation_failed', `${errors.length} field(s) are invalid`, { errors });
}

const within = (field: string, settled: FieldError[]) =>
  settled.some((s) => field === s.field || field.startsWith(`${s.field}.`));

/**
 * DTO validation: unknown fields are refused, a `null` for an optional field is that field left
 * out, a required field left out (or `null`) is one `required` error rather than the complaints of
 * each of its rules (and a list for a nested object one `isObject`), and every failure is listed
 * with its path.
 */
class RegistryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (value !== undefined && value !== null && !isObject && metadata.metatype && this.toValidate(metadata)) {
      const message = `the ${metadata.type} must be a JSON object`;
      throw validationProblem([{ field: metadata.type, code: 'isObject', message }]);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const settled = settleAbsentFields(object);
    const invalid = fieldErrors(await super.validate(object, options)).filter((e) => !within(e.field, settled));
    if (settled.length + invalid.length > 0) throw validationProblem([...settled, ...invalid]);
    return [];
  }
}

export function registryValidationPipe(): ValidationPipe {
  return new RegistryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationProblem(fieldErrors(errors)),
  });
}
