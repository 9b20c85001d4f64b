import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problem, PROBLEM_CONTENT_TYPE, ProblemError, type ProblemDetails } from './problem';
import { MAX_URL_LENGTH, sendProblem } from './problem-details.filter';

/** How long a refused connection is read (and its bytes dropped) before it is destroyed. */
const LINGER_MS = 5000;

const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function clientProblem(error: Error & { code?: string }): ProblemDetails {
  const code = error.code ?? '';
  if (code === 'HPE_HEADER_OVERFLOW') {
    return problem(431, 'request.headers_too_large', 'the request line and headers exceed 16 KiB together');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problem(408, 'request.timeout', 'the request was not received in time');
  }
  if (code.includes('CHUNK')) {
    return problem(400, 'request.malformed_chunked', 'the chunked transfer coding of the body cannot be read');
  }
  return problem(400, 'request.malformed_http', `the request is not well-formed HTTP/1.1 (${code || error.message})`);
}

const answered = new WeakSet<Socket>();

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers over the limit, a bad
 * chunked body, garbage): a problem document written on the socket, which is then closed
 * gracefully. Destroying it at once, as Node and Fastify do, resets the connection when the client
 * is still sending, and a client that is sent a reset may lose the answer before it reads it.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
  answered.add(socket);
  const details = clientProblem(error);
  const body = JSON.stringify(details);
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${details.status} ${STATUS_CODES[details.status]}\r\n` +
        `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.on('error', () => undefined);
  socket.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** Fastify's `frameworkErrors`: a path with a bad percent-encoding, or a path parameter over its limit. */
export function answerFrameworkError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  const refusal =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? ProblemError.of(414, 'request.uri_too_long', 'a segment of the path is longer than 100 characters')
      : ProblemError.of(400, 'request.bad_url', 'the path is not a valid URL: a percent-encoding is broken');
  sendProblem(refusal, request, reply);
}

/**
 * Before routing is answered 404: a URL over the limit is 414, and a path that exists for other
 * methods is 405 with `Allow`.
 */
export function registerRouteRefusals(fastify: FastifyInstance): void {
  // A callback hook, not an async one: every request passes it, and nearly all go on at once.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.length > MAX_URL_LENGTH) {
      const detail = `the URL is longer than ${MAX_URL_LENGTH} characters`;
      sendProblem(ProblemError.of(414, 'request.uri_too_long', detail, { maxLength: MAX_URL_LENGTH }), request, reply);
      return;
    }
    const url = request.is404 ? (request.url.split('?', 1)[0] ?? request.url) : '';
    const allowed = request.is404 ? METHODS.filter((method) => fastify.findRoute({ method, url }) !== null) : [];
    if (allowed.length === 0) return done();
    void reply.header('allow', allowed.join(', '));
    const detail = `${request.method} is not allowed on ${url}; allowed: ${allowed.join(', ')}`;
    sendProblem(ProblemError.of(405, 'route.method_not_allowed', detail, { allowed }), request, reply);
  });
}
