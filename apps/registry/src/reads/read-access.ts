import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemError } from '../http/problem';

export function notFound(what: string, id: string): ProblemError {
  return ProblemError.of(404, `${what}.not_found`, `No ${what} ${id} is known to the registry`, { id });
}

/** A single resource's ETag: the revision of its stream as known at the time asked. */
export function setEtag(reply: FastifyReply, revision: number | null): void {
  if (revision !== null) void reply.header('ETag', `"${revision}"`);
}

/** The parameters every read takes. */
export function ApiTemporalQuery(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'asOf',
      required: false,
      description: 'YYYY-MM-DD: the day asked about (default: today, Asia/Almaty)',
    }),
    ApiQuery({
      name: 'knownAt',
      required: false,
      description: 'RFC 3339: answer from what was recorded by then (default: now)',
    }),
    ApiQuery({
      name: 'minPosition',
      required: false,
      description: "A write's position: wait (up to 5 s) until the read models have reached it, else 503",
    }),
  );
}

export function ApiPageQuery(fallback = 100): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiQuery({ name: 'limit', required: false, description: `At most 500 (default ${fallback})` }),
    ApiQuery({ name: 'cursor', required: false, description: 'The `next` cursor of the previous page' }),
  );
}
