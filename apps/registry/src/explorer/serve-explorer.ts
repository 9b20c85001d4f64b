import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemError } from '../http/problem';
import { sendProblem } from '../http/problem-details.filter';

/** Paths the service itself answers: never the explorer's page, so that an unknown API path stays a 404 problem. */
const SERVICE_PATHS = /^\/(v1|docs|docs-json|docs-yaml|health|metrics)(\/|$|\?)/;

/**
 * The explorer (apps/explorer, built by `npm run build` into `dir`) at `/`: its files as they are,
 * and its page for every other GET that no route answers, so that a link to a client-side route opens.
 * Without a build, `/` says how to make one.
 */
export async function serveExplorer(app: NestFastifyApplication, dir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(join(dir, 'index.html'))) {
    fastify.get('/', (request, reply) => {
      const detail = `the explorer is not built (no ${join(dir, 'index.html')}): run npm run build`;
      sendProblem(ProblemError.of(404, 'explorer.not_built', detail), request, reply);
    });
    return;
  }
  // Nest's adapter carries its own copy of Fastify's types; the plugin is typed against the root copy.
  const plugin = fastifyStatic as unknown as Parameters<NestFastifyApplication['register']>[0];
  await app.register(plugin, { root: dir, wildcard: false, index: ['index.html'], maxAge: 0 });
  // After the route refusals' hook (405 for a path known to other methods): only a true 404 falls back.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || reply.sent || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    if (SERVICE_PATHS.test(request.url)) return;
    await reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply;
  });
}
