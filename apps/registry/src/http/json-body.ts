import type { FastifyInstance } from 'fastify';
import { ProblemError } from './problem';

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests objects and arrays deeper than `max`, found by one pass over the text
 * that counts brackets outside strings. It runs before the text is parsed, because everything
 * after the parser (class-transformer, class-validator, the domain) walks a body recursively and
 * a body a few thousand levels deep exhausts the stack: a 500 for something the client sent.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

/**
 * The service's JSON body parser: Fastify's own (which refuses `__proto__` and
 * `constructor.prototype` keys), behind a depth limit, its failures as problem documents.
 * Plain text is no longer parsed: a JSON route sent `text/plain` is 415, not a string to validate.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, maxDepth: number): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.length === 0) {
      done(ProblemError.of(400, 'request.malformed', 'the body is empty but its content-type is application/json'));
      return;
    }
    if (nestsDeeperThan(text, maxDepth)) {
      done(
        ProblemError.of(400, 'request.too_deep', `the JSON body nests objects and arrays deeper than ${maxDepth}`, {
          maxDepth,
        }),
      );
      return;
    }
    parse(request, text, (error, value) => {
      if (error) {
        done(
          ProblemError.of(
            400,
            'request.malformed',
            'the body is not valid JSON, or it carries a __proto__ or constructor.prototype key',
          ),
        );
      } else done(null, value);
    });
  });
}
