import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { CHECKPOINTS_FILE, CheckpointStore } from '../../apps/registry/src/log/checkpoint-store';
import {
  type DemoRegistry,
  momentBetween,
  rawGet,
  squashedPdfText,
  startDemoRegistry,
} from '../filings/filing-test-kit';
import { expectStatus } from '../support/http';
import { openCheckpoint } from './rfc6962';

/** `npm run verify:filing -- …` as the Ministry would run it, in a process of its own. */
function verifyFiling(args: string[]): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/tools/src/verify-filing/verify-filing.main.ts', ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("a filing's evidence, checked offline with verify:filing", () => {
  let d: DemoRegistry;
  let dir: string;
  let key: string;
  let filingId: string;
  let evidence: Record<string, unknown>;
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(async () => {
    d = await startDemoRegistry();
    dir = mkdtempSync(join(tmpdir(), 'baytaq-evidence-'));
    key = (await rawGet(d.t.app, '/v1/log/key')).bytes.toString('utf8');
    const issued = expectStatus(
      await d.compliance('POST', '/v1/filings', { kind: 'structure', asOf: '2024-06-01', format: 'json' }),
      201,
    );
    filingId = issued['id'] as string;
    evidence = expectStatus(await d.compliance('GET', `/v1/filings/${filingId}/evidence`));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await d.t.close();
  });

  it('records the signed checkpoint of knownAt, which the document carries and the checkpoints file keeps', async () => {
    const record = expectStatus(await d.compliance('GET', `/v1/filings/${filingId}`));
    const recorded = record['logCheckpoint'] as { treeSize: number; rootHash: string; note: string };
    const head = openCheckpoint(recorded.note, key);
    expect(head).toMatchObject({ size: recorded.treeSize });
    expect(head.root.toString('base64')).toBe(recorded.rootHash);
    // The tree of knownAt: every event before the filing (its own FilingIssued is not in it).
    expect(recorded.treeSize).toBe(Number(record['position']) - 1);
    const doc = (await rawGet(d.t.app, `/v1/filings/${filingId}/document`, d.complianceKey)).json();
    expect(doc['logCheckpoint']).toEqual({ treeSize: recorded.treeSize, rootHash: recorded.rootHash });
    const kept = CheckpointStore.open(join(d.t.dataDir, CHECKPOINTS_FILE), { readonly: true });
    try {
      expect(kept.ofSize(recorded.treeSize)?.note).toBe(recorded.note);
    } finally {
      kept.close();
    }
  });

  it('rests on the tree as known at an earlier knownAt, not on what was recorded after it', async () => {
    const known = openCheckpoint((await rawGet(d.t.app, '/v1/log/checkpoint')).bytes.toString('utf8'), key);
    const knownAt = await momentBetween();
    expectStatus(
      await d.admin('POST', '/v1/people', { name: { surname: 'Синтетов', given: 'Поздний' }, citizenship: 'KZ' }),
      201,
    );
    const issued = expectStatus(
      await d.compliance('POST', '/v1/filings', { kind: 'structure', asOf: '2024-06-01', knownAt, format: 'json' }),
      201,
    );
    const record = expectStatus(await d.compliance('GET', `/v1/filings/${issued['id'] as string}`));
    expect(record['logCheckpoint']).toMatchObject({ treeSize: known.size, rootHash: known.root.toString('base64') });
    expect(Number(record['position']) - 1).toBeGreaterThan(known.size);
  });

  it('prints the tree size and root in the PDF footer, and the PDF regenerates byte for byte', async () => {
    const issued = expectStatus(
      await d.compliance('POST', '/v1/filings', { kind: 'structure', asOf: '2024-06-01', format: 'pdf', lang: 'en' }),
      201,
    );
    const record = expectStatus(await d.compliance('GET', `/v1/filings/${issued['id'] as string}`));
    const { treeSize, rootHash } = record['logCheckpoint'] as { treeSize: number; rootHash: string };
    const pdf = await rawGet(d.t.app, `/v1/filings/${issued['id'] as string}/document`, d.complianceKey);
    expect(pdf.status).toBe(200);
    expect(await squashedPdfText(pdf.bytes)).toContain(`Registrylog:treesize${treeSize},root${rootHash}`);
  });

  it("rests on the events of the filing's organisations and their heads", () => {
    const streams = new Set((evidence['events'] as Array<{ record: { stream: string } }>).map((e) => e.record.stream));
    expect(streams).toContain(`organisation-${SEED_IDS.party}`);
    expect([...streams].some((s) => s.startsWith('person-'))).toBe(true);
    expect([...streams].every((s) => /^(organisation|person|meeting)-/.test(s))).toBe(true);
  });

  it('verifies with the key saved from GET /v1/log/key, and the document with it', async () => {
    const doc = (await rawGet(d.t.app, `/v1/filings/${filingId}/document`, d.complianceKey)).bytes;
    const run = verifyFiling([
      file('evidence.json', JSON.stringify(evidence)),
      '--key',
      file('log.key', key),
      '--document',
      file('filing.json', doc),
    ]);
    expect(run.output).toMatch(/^VERIFIED /m);
    expect(run.output).toMatch(/events: all \d+ included/);
    expect(run.status).toBe(0);
  });

  it('does not verify after one event it rests on is changed, nor with another key, nor without a key', () => {
    const events = evidence['events'] as Array<{ record: { eventId: string; data: Record<string, unknown> } }>;
    const tampered = structuredClone(evidence) as typeof evidence;
    const victim = (tampered['events'] as typeof events)[0]!;
    victim.record.data = { ...victim.record.data, effectiveDate: '2022-09-25' };
    const changed = verifyFiling([file('tampered.json', JSON.stringify(tampered)), '--key', key]);
    expect(changed.status).toBe(1);
    expect(changed.output).toContain(`event 0 (${events[0]!.record.eventId})`);
    expect(changed.output).toContain('NOT VERIFIED');

    const otherKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
    const wrongKey = verifyFiling([file('evidence.json', JSON.stringify(evidence)), '--key', otherKey]);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.output).toContain('not signed by PeterNeumann');

    expect(verifyFiling([file('evidence.json', JSON.stringify(evidence))]).status).toBe(2);
  });
});
