import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HttpMetrics } from './metrics/http-metrics';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import type { RegistryConfig } from './config/registry-config';
import { answerClientError, answerFrameworkError, registerRouteRefusals } from './http/framework-errors';
import { registerJsonBodyParser } from './http/json-body';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { registryValidationPipe } from './http/validation';
import { registerImportUploads } from './imports/import-upload';
import { setupOpenApi } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client's X-Request-Id when it is sane, a new one otherwise: it ties the JSON log lines of a request. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const NEST_LEVELS: Record<RegistryConfig['logLevel'], LogLevel[]> = {
  silent: [],
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Builds the registry's HTTP application, initialised but not yet listening. */
export async function createApp(config: RegistryConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    genReqId: requestId,
    bodyLimit: config.bodyLimit,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    logger: new ConsoleLogger({ json: true, logLevels: NEST_LEVELS[config.logLevel] }),
    bufferLogs: false,
    // The service's own JSON parser (registerJsonBodyParser) instead of Nest's; no form bodies.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify, config.maxJsonDepth);
  registerRouteRefusals(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const metrics = app.get(HttpMetrics);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observe(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(registryValidationPipe());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  setupOpenApi(app);
  await registerImportUploads(app, config);
  await app.init();
  return app;
}
