import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ReadGate } from './read-gate';

/** The header naming the log position the read models had reached when they answered. */
export const READ_POSITION_HEADER = 'log-position';

/**
 * Every read answer states the moment it is for in its body (`knownAt`), and the log position it
 * was read at in a header: a header, since a later read as known at the same moment gives the same
 * body while the log (and so the position read at) has moved on.
 */
@Injectable()
export class ReadPositionInterceptor implements NestInterceptor {
  constructor(private readonly gate: ReadGate) {}

  intercept(context: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'GET') return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body) => {
        const knownAt = isAnswer(body) ? body['knownAt'] : undefined;
        const position = typeof knownAt === 'string' ? this.gate.positionOf(knownAt) : undefined;
        if (position !== undefined) void reply.header(READ_POSITION_HEADER, position);
        return body;
      }),
    );
  }
}

const isAnswer = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && !Array.isArray(body);
