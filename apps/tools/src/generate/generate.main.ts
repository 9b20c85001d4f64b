import { organisationStream } from '@baytaq/domain';
import 'reflect-metadata';
import type { EventStore } from '@baytaq/event-store';
import { RegistryClock } from '../../../registry/src/clock/registry-clock';
import { ConfigError, loadConfig, type RegistryConfig } from '../../../registry/src/config/registry-config';
import { IinReservations } from '../../../registry/src/people/iin-reservation.service';
import { GENERATE_USAGE, parseGenerateArgs, type GenerateArgs } from './generate-args';
import { generateParty } from './generate-party';
import { formatSummary, ProgressLine } from './generate-report';
import { HISTORY_TODAY } from './history-calendar';
import { openGeneratorStore } from './open-generator-store';
import { generatedPartyId } from './party-plan';

/** Exit status when the generator will not run: bad arguments, or a store it must not write to. */
const REFUSED = 2;

class Refusal extends Error {}

/** The IIN reservation streams already in the store, so that --force-append gives no IIN twice. */
async function reservedIinStreams(store: EventStore): Promise<Set<string>> {
  const streams = new Set<string>();
  for (let after: string | undefined; ;) {
    const page = await store.readAll({ after, maxCount: 10_000, filter: { eventTypes: ['IinReserved'] } });
    if (page.length === 0) return streams;
    for (const event of page) streams.add(event.stream);
    after = page[page.length - 1]!.position;
  }
}

/** A store with events is refused, unless asked to append to it, and never twice for one seed. */
async function checkStore(store: EventStore, args: GenerateArgs, config: RegistryConfig): Promise<void> {
  if ((await store.headPosition()) === undefined) return;
  if (!args.forceAppend) {
    throw new Refusal(
      `${config.dataDir} already holds events: generate into an empty data directory, or add --force-append`,
    );
  }
  const party = await store.readStream(organisationStream(generatedPartyId(args.seed)), { maxCount: 1 });
  if (party.length > 0) throw new Refusal(`seed ${args.seed} has already generated its party in ${config.dataDir}`);
}

async function run(args: GenerateArgs): Promise<void> {
  const config = loadConfig({
    ...process.env,
    ...(args.dataDir === undefined ? {} : { REGISTRY_DATA_DIR: args.dataDir }),
  });
  const today = new RegistryClock(config).today();
  if (today < HISTORY_TODAY) {
    throw new Refusal(`the generated history runs to ${HISTORY_TODAY}, which is after the registry's today (${today})`);
  }
  const store = await openGeneratorStore(config);
  try {
    await checkStore(store, args, config);
    const reservations = new IinReservations(store, config);
    const iinStream = (iin: string) => reservations.streamOf(iin);
    const taken = args.forceAppend ? await reservedIinStreams(store) : new Set<string>();
    const startedAt = performance.now();
    const progress = new ProgressLine(process.stderr, args.members, startedAt);
    const summary = await generateParty({
      store,
      seed: args.seed,
      members: args.members,
      minAge: config.minAge,
      iinStream,
      ...(taken.size > 0 ? { iinTaken: (iin: string) => taken.has(iinStream(iin)) } : {}),
      onProgress: (p) => progress.show(p),
    });
    progress.end();
    process.stdout.write(`${formatSummary(summary, (performance.now() - startedAt) / 1000)}\n`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  const parsed = parseGenerateArgs(process.argv.slice(2));
  if (!parsed.ok) {
    (parsed.help ? process.stdout : process.stderr).write(
      `${parsed.message ? `${parsed.message}\n\n` : ''}${GENERATE_USAGE}`,
    );
    return parsed.help ? 0 : REFUSED;
  }
  try {
    await run(parsed.args);
    return 0;
  } catch (error) {
    if (error instanceof Refusal || error instanceof ConfigError) {
      process.stderr.write(`baytaq-registry generate: ${error.message}\n`);
      return REFUSED;
    }
    process.stderr.write(`baytaq-registry generate: ${String((error as Error)?.stack ?? error)}\n`);
    return 1;
  }
}

main().then((code) => process.exit(code));
