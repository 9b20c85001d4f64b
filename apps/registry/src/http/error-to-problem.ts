import { HttpException } from '@nestjs/common';
import {
  DuplicateEventIdError,
  InvalidAppendError,
  InvalidPositionError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@baytaq/event-store';
import { DomainProblem } from '../commands/domain-problem';
import { problem, ProblemError, type FieldError, type ProblemDetails } from './problem';

export interface MappedError {
  problem: ProblemDetails;
  headers: Record<string, string>;
  /** True when the error is the service's fault and must be logged as such. */
  internal: boolean;
}

/**
 * Codes for HTTP errors raised without one: Nest turns Fastify's own errors (bad JSON, body too
 * large, bad media type, unknown route) into plain HttpExceptions before our filter sees them.
 */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'request.malformed',
  404: 'route.not_found',
  405: 'route.method_not_allowed',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
};

function httpExceptionProblem(error: HttpException): ProblemDetails {
  const status = error.getStatus();
  const response = error.getResponse();
  const body = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const errors = Array.isArray(body['errors']) ? (body['errors'] as FieldError[]) : undefined;
  const code = typeof body['code'] === 'string' ? body['code'] : (CODE_BY_STATUS[status] ?? `http.${status}`);
  return problem(status, code, error.message, errors ? { errors } : {});
}

/** Maps anything thrown while serving a request to a problem document. Unknown errors are 500. */
export function errorToProblem(error: unknown): MappedError {
  if (error instanceof ProblemError) return { problem: error.problem, headers: error.headers, internal: false };
  if (error instanceof HttpException) return { problem: httpExceptionProblem(error), headers: {}, internal: false };
  if (error instanceof DomainProblem) {
    const { code, message, details } = error.error;
    const field = typeof details?.['field'] === 'string' ? details['field'] : undefined;
    const extra = { ...(details ?? {}), ...(field ? { errors: [{ field, code, message }] } : {}) };
    return { problem: problem(error.status, code, message, extra), headers: {}, internal: false };
  }
  if (error instanceof WrongExpectedRevisionError) {
    const actual = error.actual === 'no_stream' ? undefined : String(error.actual);
    return {
      problem: problem(412, 'concurrency.stale_revision', error.message, { actualRevision: actual ?? null }),
      headers: actual === undefined ? {} : { etag: `"${actual}"` },
      internal: false,
    };
  }
  if (error instanceof DuplicateEventIdError) {
    return { problem: problem(409, 'event.id_reused', error.message), headers: {}, internal: false };
  }
  if (error instanceof InvalidAppendError || error instanceof InvalidPositionError) {
    return { problem: problem(400, 'request.invalid', error.message), headers: {}, internal: false };
  }
  if (error instanceof StoreUnavailableError) {
    return {
      problem: problem(503, 'store.unavailable', 'the event store is not reachable; retry later'),
      headers: { 'retry-after': '1' },
      internal: true,
    };
  }
  return {
    problem: problem(500, 'internal', 'an unexpected error occurred; it has been logged'),
    headers: {},
    internal: true,
  };
}
