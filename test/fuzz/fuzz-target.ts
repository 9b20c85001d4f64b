import { existsSync, mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { startTestAppIn, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { IdPools } from './id-pools';
import type { OpenApiDocument, Route } from './openapi-routes';
import type { FuzzRequest } from './request-cases';

export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Beyond this a request counts as unanswered: no route of the registry may take that long on the seed data. */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * The real registry on a real SQLite file holding the seed story, listening on loopback for the
 * requests that need a socket, with the ids of its data in pools that its accepted writes extend.
 */
export class FuzzTarget {
  readonly pools = new IdPools();

  private constructor(
    private readonly t: TestApp,
    readonly store: EventStore,
    readonly port: number,
  ) {}

  static async start(): Promise<FuzzTarget> {
    // A real SQLite file, in memory-backed storage where there is one: thousands of appends, each synced.
    const parent = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
    const t = await startTestAppIn(mkdtempSync(join(parent, 'baytaq-fuzz-')));
    try {
      await loadSeedStory(t.app);
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const target = new FuzzTarget(t, t.app.get(EVENT_STORE), port);
      target.pools.learnFromLog(await target.store.readAll());
      return target;
    } catch (error) {
      await t.close();
      throw error;
    }
  }

  get app(): TestApp['app'] {
    return this.t.app;
  }

  async document(): Promise<OpenApiDocument> {
    const answer = await this.send({ method: 'GET', url: '/docs-json', headers: {}, overSocket: false });
    if (answer.status !== 200) throw new Error(`GET /docs-json answered ${answer.status}`);
    return JSON.parse(answer.body) as OpenApiDocument;
  }

  headPosition(): Promise<string | undefined> {
    return this.store.headPosition();
  }

  /** Sends through Fastify's inject, or over a socket for an endless answer; rejects when no answer comes in time. */
  send(request: FuzzRequest): Promise<FuzzAnswer> {
    const answer = request.overSocket ? this.overSocket(request) : this.injected(request);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
    });
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }

  private async injected(request: FuzzRequest): Promise<FuzzAnswer> {
    const res = await this.t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
  }

  /** Reads the status and headers; an event stream is closed at once, any other answer read whole. */
  private overSocket(request: FuzzRequest): Promise<FuzzAnswer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: this.port, method: request.method, path: request.url, headers: request.headers },
        (res) => {
          const contentType = String(res.headers['content-type'] ?? '');
          if (contentType.startsWith('text/event-stream')) {
            res.destroy();
            return resolve({ status: res.statusCode ?? 0, contentType, body: '' });
          }
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(request.payload);
    });
  }

  /**
   * After an accepted write: learns the ids it made, and waits until what it started is over (an
   * import runs after its 202), so that the next refused write is judged on a quiet log.
   */
  async settle(route: Route, answer: FuzzAnswer): Promise<void> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(answer.body) as Record<string, unknown>;
    } catch {
      return;
    }
    this.pools.learnFromAnswer(route.template, body);
    if (answer.status === 202 && typeof body['id'] === 'string') await this.importFinished(body['id']);
    if (typeof body['position'] === 'string') await this.headReaches(body['position']);
  }

  private async importFinished(id: string): Promise<void> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const status = await this.send({
        method: 'GET',
        url: `/v1/imports/${id}`,
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
        overSocket: false,
      });
      if (status.status !== 200 || (JSON.parse(status.body) as { status: string }).status !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`the import ${id} was still running after ${ANSWER_TIMEOUT_MS} ms`);
  }

  /** The consequences of a write are complete at the position it answered (API.md); the store must get there. */
  private async headReaches(position: string): Promise<void> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const head = await this.headPosition();
      try {
        if (head !== undefined && this.store.comparePositions(head, position) >= 0) return;
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): Promise<void> {
    return this.t.close();
  }
}
