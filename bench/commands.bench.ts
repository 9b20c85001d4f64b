/**
 * npm run bench:commands: HTTP command throughput of the built service on 127.0.0.1 with
 * autocannon (50 connections, 10 s), half admissions of registered people, half tenures on posts
 * of 500 branches; concurrent requests always write to distinct streams. Compared with GET
 * /health on the same service in the same run. The store is the embedded sqlite, synchronous=FULL.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BENCH_ADMIN_KEY, pool, startBuiltServer } from './support/registry-server';
import { syntheticSurname } from './support/synthetic-names';

export const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
export const CONNECTIONS = 50;
const BRANCHES = 500;
const OFFICERS = 2000;
/** More registered people than admissions the run can make at 5,000 commands/s. */
const APPLICANTS = Math.ceil((SECONDS * 5000) / 2);
const headers = { authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'content-type': 'application/json' };

async function post(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function prepare(base: string) {
  const party = randomUUID();
  await post(base, '/v1/organisations', {
    id: party,
    kind: 'party',
    name: { ru: 'Синтетическая партия' },
    effectiveDate: '2022-01-01',
  });
  const region = randomUUID();
  await post(base, '/v1/organisations', {
    id: region,
    kind: 'regional_branch',
    parentId: party,
    kato: '350000000',
    name: { ru: 'Синтетический филиал' },
    effectiveDate: '2022-01-01',
  });
  const posts: string[] = [];
  await pool(BRANCHES, 20, async (i) => {
    const city = randomUUID();
    await post(base, '/v1/organisations', {
      id: city,
      kind: 'city_branch',
      parentId: region,
      kato: '351010000',
      name: { ru: `Город ${syntheticSurname(i)}` },
      effectiveDate: '2022-01-01',
    });
    posts[i] = (
      await post(base, `/v1/organisations/${city}/posts`, {
        title: { ru: 'Член совета' },
        role: 'member',
        seats: null,
        effectiveDate: '2022-01-01',
      })
    )['id'] as string;
  });
  const person = async (i: number) =>
    (
      await post(base, '/v1/people', {
        name: { surname: syntheticSurname(i), given: 'Синтетик' },
        citizenship: 'KZ',
        birthDate: '1980-01-01',
      })
    )['id'] as string;
  const officers: string[] = [];
  await pool(OFFICERS, 50, async (i) => {
    officers[i] = await person(i);
    await post(base, `/v1/people/${officers[i]}/membership/admission`, {
      organisationId: region,
      effectiveDate: '2022-02-01',
    });
  });
  const applicants: string[] = [];
  await pool(APPLICANTS, 50, async (i) => void (applicants[i] = await person(OFFICERS + i)));
  return { region, posts, officers, applicants };
}

/** Half admissions of registered people, half tenures on the branches' posts: distinct streams at once. */
export function commandRequests({ region, posts, officers, applicants }: Awaited<ReturnType<typeof prepare>>) {
  let admission = 0;
  let tenure = 0;
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      headers,
      setupRequest: (req) => {
        const personId = applicants[admission++ % APPLICANTS];
        return {
          ...req,
          path: `/v1/people/${personId}/membership/admission`,
          body: JSON.stringify({ organisationId: region, effectiveDate: '2023-01-10' }),
        };
      },
    },
    {
      method: 'POST',
      headers,
      setupRequest: (req) => {
        const i = tenure++;
        const body = {
          personId: officers[Math.floor(i / BRANCHES) % OFFICERS],
          effectiveDate: '2023-01-10',
          method: 'elected',
        };
        return { ...req, path: `/v1/posts/${posts[i % BRANCHES]}/tenures`, body: JSON.stringify(body) };
      },
    },
  ];
  return requests;
}

/** CPU seconds (user and system) the process has used so far; Linux only, undefined elsewhere. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

export function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function main(): Promise<void> {
  const server = await startBuiltServer(Number(process.env['BENCH_PORT'] ?? 3917));
  try {
    const started = Date.now();
    const prepared = await prepare(server.url);
    process.stdout.write(
      `prepared ${BRANCHES} branches with a post, ${OFFICERS} members, ${APPLICANTS} applicants in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const cpuBefore = cpuSeconds(server.pid);
    const commands = await run({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: commandRequests(prepared),
    });
    const cpuAfter = cpuSeconds(server.pid);
    const health = await run({ url: `${server.url}/health`, connections: CONNECTIONS, duration: SECONDS });
    const rate = commands.requests.average;
    process.stdout.write(
      [
        `commands: ${rate.toFixed(0)} commands/s, p50 ${commands.latency.p50} ms, p99 ${commands.latency.p99} ms, ` +
          `${commands.requests.total} requests, non-2xx ${commands.non2xx}, errors ${commands.errors}, timeouts ${commands.timeouts}`,
        cpuBefore === undefined || cpuAfter === undefined
          ? 'service CPU per command: not measured (no /proc)'
          : `service CPU per command: ${((1e6 * (cpuAfter - cpuBefore)) / commands.requests.total).toFixed(0)} µs (both threads)`,
        `GET /health: ${health.requests.average.toFixed(0)} req/s, p50 ${health.latency.p50} ms, p99 ${health.latency.p99} ms`,
        `commands / health: ${(rate / health.requests.average).toFixed(3)}`,
        `TARGET http_commands_per_s ${rate.toFixed(0)} 1/s (goal >= 3000)`,
        '',
      ].join('\n'),
    );
    if (commands.non2xx > 0)
      process.stdout.write(`WARNING: ${commands.non2xx} commands were refused; the rate counts them\n`);
  } finally {
    await server.close();
  }
}

// bench:integrity reuses the load; run on its own, this is bench:commands.
if (require.main === module) void main();
