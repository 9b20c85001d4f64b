import type { LoggerService } from '@nestjs/common';
import pino, { type Level, type Logger } from 'pino';
import type { RegistryConfig } from '../config/registry-config';

/**
 * The one logger of the service process: Fastify logs through it (a child per request carries
 * `reqId`), Nest through {@link NestLogger}, and main's start line too, so every line on stdout is
 * JSON of one shape: `level` (a name), `time` (ISO 8601), `context`, `msg`, and `reqId` on the
 * lines of a request.
 */
export function processLogger(level: RegistryConfig['logLevel']): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous, so that the lines before a crash are out when the process dies.
    pino.destination({ dest: 1, sync: true }),
  );
}

const STACK = /^.+\n\s+at .+:\d+:\d+/;

/** Nest's LoggerService over the process logger; Nest's `log` is `info`, `verbose` is `trace`. */
export class NestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last and, for errors, a stack before it (either may be missing). */
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const last = rest.at(-1);
    const context = typeof last === 'string' && !STACK.test(last) ? (rest.pop() as string) : 'nest';
    const stack = rest.find((p): p is string => typeof p === 'string' && STACK.test(p));
    const fields: Record<string, unknown> = { context, ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) {
      const { msg, ...more } = message as Record<string, unknown>;
      this.logger[level]({ ...fields, ...more }, typeof msg === 'string' ? msg : '');
    } else this.logger[level](fields, String(message));
  }
}
