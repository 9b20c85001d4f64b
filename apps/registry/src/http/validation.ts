import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** DTO validation: unknown fields are refused, and every failure is listed with its path. */
export function registryValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = fieldErrors(errors);
      return ProblemError.of(400, 'request.validation_failed', `${list.length} field(s) are invalid`, {
        errors: list,
      });
    },
  });
}
