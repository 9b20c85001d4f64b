import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

interface Run {
  lines: string[];
  url: string;
}

/**
 * The service as a process (main.ts), its standard output captured while `drive` sends requests,
 * until it has stopped on SIGTERM.
 */
async function runService(env: Record<string, string>, drive: (url: string) => Promise<void>): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baytaq-logs-'));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/registry/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', REGISTRY_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const url = await new Promise<string>((ready, fail) => {
      child.once('exit', (code) => fail(new Error(`the service exited with ${code} before listening`)));
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const started = /"msg":"registry listening"/.test(out) && out.match(/"url":"(http:\/\/[^"]+)"/);
        if (started) ready(started[1]!);
      });
    });
    await drive(url);
    child.kill('SIGTERM');
    await exited;
    return { lines: out.split('\n').filter((line) => line !== ''), url };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const requests = async (url: string) => {
  const headers = { 'x-request-id': 'log-test-1', 'content-type': 'application/json' };
  await fetch(`${url}/health`, { headers });
  await fetch(`${url}/v1/nothing-here`, { headers });
  await fetch(`${url}/v1/people`, { method: 'POST', headers, body: '{"kind": ' });
};

/** One JSON shape for every line the process prints: Nest's, Fastify's and main's. */
describe('the log of the service process', () => {
  it('is JSON lines of one shape: level, time, msg, context, and reqId on the lines of a request', async () => {
    const { lines, url } = await runService({ LOG_LEVEL: 'info' }, requests);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      expect(LEVELS).toContain(entry['level']);
      expect(entry['time']).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/));
      expect(entry['msg']).toEqual(expect.any(String));
      expect(entry['context']).toEqual(expect.any(String));
    }
    const nest = entries.find((e) => e['context'] === 'NestApplication');
    expect(nest).toMatchObject({ level: 'info', msg: 'Nest application successfully started' });
    expect(entries.find((e) => e['msg'] === 'registry listening')).toMatchObject({
      level: 'info',
      context: 'main',
      url,
    });
    expect(entries.find((e) => /^Server listening/.test(e['msg'] as string))).toMatchObject({ context: 'http' });
    const request = entries.filter((e) => e['reqId'] === 'log-test-1');
    expect(request.map((e) => e['msg'])).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(request.map((e) => e['context'])).toEqual(Array(6).fill('http'));
  }, 60_000);

  it('keeps LOG_LEVEL: at warn, only the start line (which always prints) and warnings or worse', async () => {
    const { lines } = await runService({ LOG_LEVEL: 'warn' }, requests);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const infos = entries.filter((e) => e['level'] === 'info').map((e) => e['msg']);
    expect(infos).toEqual(['registry listening']);
    expect(entries.every((e) => ['info', 'warn', 'error', 'fatal'].includes(e['level'] as string))).toBe(true);
  }, 60_000);
});
