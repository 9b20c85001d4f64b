import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorToProblem } from './error-to-problem';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** Every error a handler throws leaves as RFC 9457 problem details. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const mapped = errorToProblem(error);
  if (mapped.internal) {
    logger.error({ msg: 'request failed', reqId: request.id, error: String(error), stack: (error as Error)?.stack });
  }
  void reply
    .status(mapped.problem.status)
    .headers(mapped.headers)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...mapped.problem, instance: request.url });
}
