/**
 * The shared conformance suite against a real KurrentDB node in a container. Skipped, with the
 * reason printed, when the run has no container runtime (see test/setup/global-setup.ts).
 *
 * One node serves the whole file: the suite names its streams uniquely and reads $all after a
 * position it takes first, so tests do not see each other. Each test gets its own client.
 */
import { randomUUID } from 'node:crypto';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { describeWithContainers } from '../../../../test/setup/container-runtime';
import { describeEventStoreConformance } from '../testing/conformance';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const IMAGE = process.env['KURRENTDB_TEST_IMAGE'] ?? 'docker.kurrent.io/kurrent-latest/kurrentdb:25.1';
const HTTP_PORT = 2113;
const STARTUP_MS = 180_000;

/** /health/live answers before the node is leader; an accepted write shows it takes writes. */
async function untilWritable(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const store = KurrentDbEventStore.fromConnectionString(url);
  try {
    for (;;) {
      try {
        await store.append(`warmup-${randomUUID()}`, [{ id: randomUUID(), type: 'WarmedUp', data: {} }], 'no_stream');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await store.close();
  }
}

describeWithContainers('kurrentdb adapter on a real server', () => {
  let container: StartedTestContainer | undefined;
  let url = '';

  beforeAll(async () => {
    container = await new GenericContainer(IMAGE)
      .withEnvironment({
        KURRENTDB_CLUSTER_SIZE: '1',
        KURRENTDB_INSECURE: 'true',
        KURRENTDB_RUN_PROJECTIONS: 'None',
        KURRENTDB_MEM_DB: 'true',
      })
      .withExposedPorts(HTTP_PORT)
      .withWaitStrategy(
        Wait.forHttp('/health/live', HTTP_PORT).forStatusCodeMatching((code) => code >= 200 && code < 300),
      )
      .withStartupTimeout(STARTUP_MS)
      .start();
    url = `kurrentdb://${container.getHost()}:${container.getMappedPort(HTTP_PORT)}?tls=false`;
    await untilWritable(url, 60_000);
  }, STARTUP_MS + 60_000);

  afterAll(async () => {
    await container?.stop();
  });

  describeEventStoreConformance('kurrentdb', async () => {
    let store = KurrentDbEventStore.fromConnectionString(url);
    return {
      store,
      // A new client on the same node: what a restarted registry replica does.
      reopen: async () => {
        await store.close();
        store = KurrentDbEventStore.fromConnectionString(url);
        return store;
      },
      cleanup: () => store.close(),
    };
  });
});
