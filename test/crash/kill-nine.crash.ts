import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileService } from './compiled-service';
import { SeededRandom } from '../../apps/tools/src/generate/seeded-random';
import { RegistryHttp } from './crash-http';
import { CrashRun } from './crash-run';
import { setUpStory } from './crash-story';
import { CRASH_ADMIN_KEY, RegistryProcess } from './registry-process';
import { WriteMix } from './write-mix';

/**
 * npm run test:crash: 32 clients write over HTTP to the service in a process of its own; it is
 * killed with SIGKILL at a random dispatch, started again on the same data directory, and checked:
 * (a) every acknowledged write is in the log and reads back; (b) every write whose answer the crash
 * swallowed, sent again with its Idempotency-Key, gets the write's answer (never a 409 for its own
 * earlier commit); (c) once quiet, no officer holds a tenure outside their membership.
 * CRASH_CYCLES (default 20) kills; CRASH_SEED repeats a run's choices (default: a new one, printed);
 * CRASH_VERBOSE=1 prints the running figures after each cycle.
 */
const CYCLES = Number(process.env['CRASH_CYCLES'] ?? 20);
if (!Number.isInteger(CYCLES) || CYCLES < 1) throw new Error('CRASH_CYCLES must be a whole number of at least 1');
const SEED = Number(process.env['CRASH_SEED'] ?? randomInt(2 ** 31));
/** CRASH_VERBOSE=1 prints a line per cycle. */
const VERBOSE = process.env['CRASH_VERBOSE'] === '1';
const CLIENTS = 32;
/** The kill comes at a dispatch in this range: in flight are up to CLIENTS writes at every stage. */
const KILL_AT = { min: 80, max: 320 };
/** Officers whose membership ends in each cycle: half at any time, half just before the kill. */
const TERMINATIONS_PER_CYCLE = 10;

/** The dispatches of a cycle that end an officer's membership. */
function terminationsOf(random: SeededRandom, killAt: number): Set<number> {
  const half = TERMINATIONS_PER_CYCLE / 2;
  const anyTime = Array.from({ length: half }, () => random.int(0, killAt));
  const nearKill = Array.from({ length: half }, () => random.int(Math.max(0, killAt - CLIENTS), killAt));
  return new Set([...anyTime, ...nearKill]);
}

describe('the service under kill -9 while 32 clients write', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baytaq-crash-'));
  let serviceDir: string | undefined;
  let server: RegistryProcess | undefined;
  let run: CrashRun;

  const start = async () => {
    server = await RegistryProcess.start(serviceDir!, dataDir);
    return new RegistryHttp(server.url, CRASH_ADMIN_KEY);
  };

  beforeAll(async () => {
    serviceDir = compileService();
    const http = await start();
    const story = await setUpStory(http, CYCLES * TERMINATIONS_PER_CYCLE, SEED);
    run = new CrashRun(http, new WriteMix(SEED, story.branchId, story.officers, story.posts), story.officers);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (serviceDir) rmSync(serviceDir, { recursive: true, force: true });
  });

  it(`loses no acknowledged write, replays every swallowed one, leaves no tenure outside a membership (${CYCLES} kills)`, async () => {
    const random = SeededRandom.for(SEED, 'cycles');
    const started = Date.now();
    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const killAt = random.int(KILL_AT.min, KILL_AT.max);
        const plan = { clients: CLIENTS, killAt, terminations: terminationsOf(random, killAt) };
        const dying = server!;
        const sent = await run.writeUntilKilled(plan, () => void dying.killNine());
        expect(await dying.killNine()).toBe('SIGKILL');
        run.http = await start();
        await run.checkAfterRestart(sent);
        if (VERBOSE) process.stdout.write(`${run.tally.cycleLine(cycle, killAt)}\n`);
      }
      await run.finalCheck();
    } finally {
      process.stdout.write(`${run.tally.report(SEED)}  in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    const { tally } = run;
    expect(tally.cycles).toBe(CYCLES);
    // Without swallowed writes the kills proved nothing about (b).
    expect(tally.swallowed).toBeGreaterThan(0);
    expect(tally.lost).toEqual([]);
    expect(tally.retryFailures).toEqual([]);
    expect(tally.replayFailures).toEqual([]);
    expect(tally.mostInconsistent).toBe(0);
    expect(tally.inconsistent).toEqual([]);
    expect([...tally.firstAnswers.keys()].filter((answer) => / 5\d\d/.test(answer))).toEqual([]);
  }, 300_000);
});
