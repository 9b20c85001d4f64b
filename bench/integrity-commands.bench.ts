/**
 * The command-cost part of npm run bench:integrity: bench:commands' load (admissions and tenures,
 * 50 connections, BENCH_SECONDS each) on two fresh services in one run, one keeping the log's
 * Merkle tree in every append's transaction and one with REGISTRY_LOG_TREE=off (for this baseline
 * only), in alternating rounds (BENCH_ROUNDS, default 2) so that a busy machine weighs on both.
 */
import { commandRequests, CONNECTIONS, cpuSeconds, prepare, run, SECONDS } from './commands.bench';
import { startBuiltServer } from './support/registry-server';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);

interface Measured {
  rate: number;
  p99: number;
  cpuMicros: number | undefined;
  refused: number;
}

async function measure(tree: boolean, port: number): Promise<Measured> {
  const server = await startBuiltServer(port, { REGISTRY_LOG_TREE: tree ? 'on' : 'off' });
  try {
    const prepared = await prepare(server.url);
    const before = cpuSeconds(server.pid);
    const result = await run({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: commandRequests(prepared),
    });
    const after = cpuSeconds(server.pid);
    const cpuMicros =
      before === undefined || after === undefined ? undefined : (1e6 * (after - before)) / result.requests.total;
    return { rate: result.requests.average, p99: result.latency.p99, cpuMicros, refused: result.non2xx };
  } finally {
    await server.close();
  }
}

const line = (label: string, m: Measured) =>
  `${label}: ${m.rate.toFixed(0)} commands/s, p99 ${m.p99} ms, ` +
  `CPU ${m.cpuMicros === undefined ? 'n/a' : `${m.cpuMicros.toFixed(0)} µs`}/command, refused ${m.refused}\n`;

export async function runCommandCost(): Promise<void> {
  const port = Number(process.env['BENCH_PORT'] ?? 3927);
  const withTree: Measured[] = [];
  const without: Measured[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so that neither always meets a warmer or a busier machine.
    for (const tree of round % 2 === 0 ? [false, true] : [true, false]) {
      const m = await measure(tree, port);
      (tree ? withTree : without).push(m);
      process.stdout.write(line(`round ${round + 1}, tree ${tree ? 'on' : 'off'}`, m));
    }
  }
  const total = (list: Measured[]) => list.reduce((sum, m) => sum + m.rate, 0);
  const ratio = total(withTree) / total(without);
  const cpu = (list: Measured[]) => list.reduce((sum, m) => sum + (m.cpuMicros ?? Number.NaN), 0) / list.length;
  // Less at the mercy of other processes than the rates: the service's own CPU time per command.
  process.stdout.write(
    `service CPU per command: ${cpu(without).toFixed(0)} µs without the tree, ${cpu(withTree).toFixed(0)} µs with it ` +
      `(ratio ${(cpu(without) / cpu(withTree)).toFixed(3)})\n`,
  );
  process.stdout.write(`TARGET integrity_command_cost_ratio ${ratio.toFixed(3)} x (goal >= 0.9)\n`);
  if ([...withTree, ...without].some((m) => m.refused > 0)) {
    process.stdout.write('WARNING: some commands were refused; the rates count them\n');
  }
}
