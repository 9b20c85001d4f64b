import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem';
import type { WriteContext } from './write-context';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const IF_MATCH = /^(?:W\/)?"(\d{1,15})"$/;

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `If-Match: "<revision>"`, as the ETag of a single resource gives it. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = IF_MATCH.exec(value.trim());
  if (!match) {
    throw ProblemError.of(400, 'request.invalid_if_match', 'If-Match must be a quoted revision, e.g. "3"', {
      errors: [{ field: 'If-Match', code: 'format', message: 'expected "<revision>"' }],
    });
  }
  return Number(match[1]);
}

/** The metadata of a write from its request: actor, correlation, causation and If-Match. */
export function writeContextOf(request: FastifyRequest, actor: string, today: string): WriteContext {
  const given = header(request, 'x-correlation-id');
  if (given !== undefined && !CORRELATION_ID.test(given)) {
    throw ProblemError.of(
      400,
      'request.invalid_correlation_id',
      'X-Correlation-Id must be 1 to 128 of A-Z a-z 0-9 . _ : -',
    );
  }
  const ifMatch = parseIfMatch(header(request, 'if-match'));
  return {
    actor,
    correlationId: given ?? randomUUID(),
    causationId: String(request.id ?? randomUUID()),
    today,
    ...(ifMatch === undefined ? {} : { ifMatch }),
  };
}

/** A write route's request, reply and status, for `WriteAnswers.answer`. */
export interface WriteCall {
  request: FastifyRequest;
  reply: FastifyReply;
  /** The route's status (`@HttpCode`, else 201), kept with an idempotent answer. */
  status: number;
}

/** A write route's `WriteCall`: give it to `WriteAnswers.answer` with the write to run. */
export const Write = createParamDecorator((_: unknown, context: ExecutionContext): WriteCall => {
  const http = context.switchToHttp();
  const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
  return { request: http.getRequest<FastifyRequest>(), reply: http.getResponse<FastifyReply>(), status: status ?? 201 };
});
