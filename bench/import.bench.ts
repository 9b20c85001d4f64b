/**
 * npm run bench:import: the member import of the built service, end to end through its API. A
 * party with 20 regional branches (one per region, named in the file by KATO code) and 80 city
 * branches (named by id) is created first; then a generated CSV of 100,000 obviously synthetic
 * members (surnames "Синт…", valid-check-digit IINs, KZ citizens of 18 and over) is uploaded
 * and polled to completion. The same file is then imported a second time, which must admit
 * nobody. The store is the embedded sqlite, synchronous=FULL. Prints rows/s, seconds and the
 * service's peak RSS, and ends with `TARGET import_100k_seconds <s> s (goal <= 30)`.
 * BENCH_IMPORT_ROWS sizes the file otherwise (for a quick look; the target is for 100,000);
 * BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the service.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addDays, makeIin, REGIONS } from '@baytaq/domain';
import { BENCH_ADMIN_KEY, pool, startBuiltServer } from './support/registry-server';
import { syntheticSurname } from './support/synthetic-names';

const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 100_000);
const CITY_BRANCHES = 80;
const GOAL_SECONDS = 30;
const auth = { authorization: `Bearer ${BENCH_ADMIN_KEY}` };

async function request(base: string, method: string, path: string, body?: unknown, type = 'application/json') {
  const res = await fetch(base + path, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The party's branches as the file names them: regions by KATO code, cities by id. */
async function prepareBranches(base: string): Promise<string[]> {
  const party = randomUUID();
  const establish = (body: Record<string, unknown>) =>
    request(base, 'POST', '/v1/organisations', { ...body, effectiveDate: '2022-07-01' });
  await establish({ id: party, kind: 'party', name: { ru: 'Синтетическая партия' } });
  const regions: Array<{ id: string; kato: string }> = REGIONS.map((r) => ({ id: randomUUID(), kato: r.kato }));
  await pool(regions.length, 10, async (i) => {
    const { id, kato } = regions[i]!;
    await establish({ id, kind: 'regional_branch', parentId: party, kato, name: { ru: `Синт филиал ${i}` } });
  });
  const cities: string[] = [];
  await pool(CITY_BRANCHES, 10, async (i) => {
    const region = regions[i % regions.length]!;
    cities[i] = randomUUID();
    const kato = `${region.kato.slice(0, 2)}${100 + i}0000`;
    await establish({ id: cities[i], kind: 'city_branch', parentId: region.id, kato, name: { ru: `Синт город ${i}` } });
  });
  return [...regions.map((r) => r.kato), ...cities];
}

/** 100,000 distinct members born 1950-2000, admitted in 2023-2024, spread over every branch. */
function memberFile(branches: string[]): string {
  const lines = ['surname,given,patronymic,iin,birthDate,citizenship,branch,admissionDate,cardNumber'];
  const iins = new Set<string>();
  for (let i = 0; i < ROWS; i++) {
    const birthDate = addDays('1950-01-01', (i * 7919) % 18_262);
    const sex = i % 2 === 0 ? 'male' : 'female';
    let serial = Math.floor(i / 9) % 10_000;
    let iin = makeIin(birthDate, sex, serial);
    while (iins.has(iin)) iin = makeIin(birthDate, sex, ++serial);
    iins.add(iin);
    const admission = addDays('2023-01-01', i % 700);
    const branch = branches[i % branches.length];
    lines.push(`${syntheticSurname(i)},Синтетик,,${iin},${birthDate},KZ,${branch},${admission},SYN-${i}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The service's peak resident set (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** Uploads the file and polls the import until it is no longer running; seconds from upload to done. */
async function runImport(base: string, csv: string): Promise<{ seconds: number; result: Record<string, unknown> }> {
  const started = performance.now();
  const { id } = (await request(base, 'POST', '/v1/imports/members', csv, 'text/csv')) as { id: string };
  for (let polls = 0; ; polls++) {
    await new Promise((done) => setTimeout(done, 100));
    const result = await request(base, 'GET', `/v1/imports/${id}?limit=5`);
    if (result['status'] !== 'running') return { seconds: (performance.now() - started) / 1000, result };
    if (polls % 20 === 0) process.stdout.write(`  ${JSON.stringify(result['rows'])}\n`);
  }
}

async function main(): Promise<void> {
  const server = await startBuiltServer(Number(process.env['BENCH_PORT'] ?? 3918));
  try {
    const branches = await prepareBranches(server.url);
    const csv = memberFile(branches);
    const bytes = Buffer.byteLength(csv);
    process.stdout.write(
      `${branches.length} branches; file of ${ROWS} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB\n`,
    );
    const first = await runImport(server.url, csv);
    const rows = first.result['rows'] as Record<string, number>;
    process.stdout.write(`first import: ${JSON.stringify(rows)} status ${String(first.result['status'])}\n`);
    const again = await runImport(server.url, csv);
    const rerun = again.result['rows'] as Record<string, number>;
    process.stdout.write(`second import of the same file: ${JSON.stringify(rerun)} in ${again.seconds.toFixed(1)} s\n`);
    if (rows['admitted'] !== ROWS || rerun['alreadyPresent'] !== ROWS || rerun['admitted'] !== 0) {
      process.stdout.write(`WARNING: expected ${ROWS} admitted, then ${ROWS} already present and none admitted\n`);
    }
    const peak = peakRssMiB(server.pid);
    const rate = ROWS / first.seconds;
    process.stdout.write(
      [
        `import: ${rate.toFixed(0)} rows/s, ${first.seconds.toFixed(1)} s for ${ROWS} rows (upload to done)`,
        `service peak RSS (VmHWM): ${peak.toFixed(0)} MiB`,
        `TARGET import_100k_seconds ${first.seconds.toFixed(1)} s (goal <= ${GOAL_SECONDS})`,
        '',
      ].join('\n'),
    );
  } finally {
    await server.close();
  }
}

void main();
