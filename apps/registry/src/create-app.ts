import { NestFactory } from '@nestjs/core';
import { HttpMetrics } from './metrics/http-metrics';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { ReadGate } from './reads/read-gate';
import { registerReadPosition } from './reads/read-position.hook';
import type { RegistryConfig } from './config/registry-config';
import { answerClientError, answerFrameworkError, registerRouteRefusals } from './http/framework-errors';
import { serveExplorer } from './explorer/serve-explorer';
import { registerJsonBodyParser } from './http/json-body';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { registryValidationPipe } from './http/validation';
import { registerImportUploads } from './imports/import-upload';
import { NestLogger, processLogger } from './logging/process-logger';
import { setupOpenApi } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client's X-Request-Id when it is sane, a new one otherwise: it ties the JSON log lines of a request. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Builds the registry's HTTP application, initialised but not yet listening; it logs through `logger`. */
export async function createApp(
  config: RegistryConfig,
  logger: Logger = processLogger(config.logLevel),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Silent, Fastify gets no logger at all rather than a child per request that prints nothing.
    ...(config.logLevel === 'silent' ? { logger: false } : { loggerInstance: logger.child({ context: 'http' }) }),
    genReqId: requestId,
    bodyLimit: config.bodyLimit,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    logger: new NestLogger(logger),
    bufferLogs: false,
    // The service's own JSON parser (registerJsonBodyParser) instead of Nest's; no form bodies.
    bodyParser: false,
    // A provider that refuses to start (a log that does not match its tree) rejects here, so that
    // main prints why and the tests see it, instead of Nest exiting the process itself.
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify, config.maxJsonDepth);
  registerRouteRefusals(fastify);
  registerReadPosition(fastify, app.get(ReadGate));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
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
  await serveExplorer(app, config.explorerDir);
  await app.init();
  return app;
}
