import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorToProblem } from './error-to-problem';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** Longer URLs are 414; past Node's 16 KiB for the request line and headers together, 431. */
export const MAX_URL_LENGTH = 8192;

/** Every error a handler throws leaves as RFC 9457 problem details. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

/** The service's faults are logged on the request's logger, so that the line carries its `reqId`. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const mapped = errorToProblem(error);
  if (mapped.internal) request.log.error({ err: error }, 'request failed');
  void reply
    .status(mapped.problem.status)
    .headers(mapped.headers)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...mapped.problem, ...(request.url.length <= MAX_URL_LENGTH ? { instance: request.url } : {}) });
}
