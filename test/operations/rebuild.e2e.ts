import { type ReplayProgress } from '@baytaq/read-models';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { rebuildReadModels } from '../../apps/tools/src/rebuild/rebuild-read-models';
import { client, expectStatus } from '../support/http';
import { startTestApp, startTestAppIn, type TestApp } from '../support/test-app';

describe('npm run rebuild', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('rebuilds the read models from every event of the log, reporting progress up to the total', async () => {
    const first = await startTestApp();
    t = first; // closed after a failure before the rebuild
    await loadSeedStory(first.app);
    const call = client(first.app, first.adminKey);
    const officersBefore = expectStatus(
      await call('GET', `/v1/organisations/${SEED_IDS.region}/officers?asOf=2023-02-01`),
    );
    const statistics = '/v1/statistics/membership?groupBy=branch&asOf=2024-06-01';
    const countsBefore = expectStatus(await call('GET', statistics));
    const health = expectStatus(await call('GET', '/health')) as { checks: { readModels: { head: string } } };
    const head = Number(health.checks.readModels.head);
    await first.app.close(); // the service is stopped: the rebuild owns the file
    t = undefined;

    const progress: ReplayProgress[] = [];
    const outcome = await rebuildReadModels(first.config, (p) => progress.push(p));
    expect(outcome.events).toBe(head);
    expect(progress.at(-1)).toMatchObject({ done: head, total: head });

    t = await startTestAppIn(first.dataDir);
    const officersAfter = expectStatus(
      await client(t.app, t.adminKey)('GET', `/v1/organisations/${SEED_IDS.region}/officers?asOf=2023-02-01`),
    );
    expect(officersAfter).toEqual(officersBefore);
    // Counted at start from the rebuilt rows (before, they followed each commit): the same.
    expect(expectStatus(await client(t.app, t.adminKey)('GET', statistics))).toEqual(countsBefore);
    expect(JSON.stringify(countsBefore)).toContain('"count":');
    const posts = officersAfter['posts'] as Array<{ holders: unknown[] }>;
    expect(posts.flatMap((p) => p.holders).length).toBeGreaterThan(0);
  });
});
