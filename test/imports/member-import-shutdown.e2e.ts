import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { makeIin } from '@baytaq/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/registry/src/create-app';
import { ROWS_IN_FLIGHT } from '../../apps/registry/src/imports/member-imports.service';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';
import { importClient, MEMBER_HEADER } from './import-client';

/** More rows than the import keeps in flight, so that a stop always comes before the end. */
const ROWS = ROWS_IN_FLIGHT + 2000;

describe('member import across a shutdown (e2e)', () => {
  let t: TestApp;
  let app: NestFastifyApplication;
  const region = randomUUID();

  beforeAll(async () => {
    t = await startTestApp();
    app = t.app;
    const call = client(app, t.adminKey);
    const party = randomUUID();
    await registryWrites(call).establishParty(party);
    const regional = { id: region, kind: 'regional_branch', parentId: party, kato: '350000000', name: { ru: 'Синт' } };
    expectStatus(await call('POST', '/v1/organisations', { ...regional, effectiveDate: '2023-01-10' }), 201);
  });
  afterAll(async () => {
    await app.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });

  it('records an import cut short by a shutdown as interrupted; the same file again admits the rest, a third time nobody', async () => {
    const iins = new Set<string>();
    for (let serial = 0; iins.size < ROWS; serial++) iins.add(makeIin('1980-01-01', 'female', serial));
    const rows = [...iins].map((iin) => `Синтостанов,Синтетик,,${iin},,KZ,${region},2023-03-01,`);
    const file = [MEMBER_HEADER, ...rows].join('\n');
    const id = (await importClient(app, t.adminKey).csv(file)).body['id'] as string;
    await app.close();
    app = await createApp(t.config);
    await app.getHttpAdapter().getInstance().ready();
    const imports = importClient(app, t.adminKey);
    const cut = (await imports.get(`/v1/imports/${id}`)).body;
    expect(cut).toMatchObject({ status: 'failed', error: { code: 'import.interrupted' } });
    const first = cut['rows'] as Record<string, number>;
    expect(first['done']).toBeLessThan(ROWS);
    expect(first['admitted']).toBe(first['done']);
    const again = await imports.finished((await imports.csv(file)).body['id'] as string);
    expect(again['rows']).toMatchObject({ admitted: ROWS - first['admitted']!, alreadyPresent: first['admitted'] });
    // Once most rows turn out present, the rest ask their IIN reservation first: the same verdicts.
    const third = await imports.finished((await imports.csv(file)).body['id'] as string);
    expect(third['rows']).toMatchObject({ admitted: 0, alreadyPresent: ROWS, rejected: 0 });
  }, 120_000); // three imports of several thousand rows: 38 s once on a loaded two-core machine
});
