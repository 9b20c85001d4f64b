/** `npm run generate -- --members N [--seed S] [--data-dir DIR] [--force-append]` */
export interface GenerateArgs {
  members: number;
  seed: number;
  /** Undefined: REGISTRY_DATA_DIR or ./data, as the app resolves it. */
  dataDir?: string;
  forceAppend: boolean;
}

export const GENERATE_USAGE = `usage: npm run generate -- --members N [--seed S] [--data-dir DIR] [--force-append]

Generates a synthetic party history (structure, officers, N members over four years) into
DIR/registry.sqlite (DIR defaults to REGISTRY_DATA_DIR, else ./data), through the domain rules.

  --members N      people to generate, 1 to 10000000 (required)
  --seed S         whole number 0 to 4294967295 (default 1): the same seed and N give the same events
  --data-dir DIR   the registry's data directory
  --force-append   add to a store that already holds events (not one holding this seed's party)
`;

export const MAX_MEMBERS = 10_000_000;

export type ParsedArgs = { ok: true; args: GenerateArgs } | { ok: false; help: boolean; message?: string };

function wholeNumber(raw: string | undefined, name: string, min: number, max: number): number | string {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    return `${name} must be a whole number from ${min} to ${max}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`;
  }
  return Number(raw);
}

export function parseGenerateArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string | undefined>();
  let forceAppend = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--help' || flag === '-h') return { ok: false, help: true };
    if (flag === '--force-append' && inline === undefined) forceAppend = true;
    else if (['--members', '--seed', '--data-dir'].includes(flag) && !values.has(flag)) {
      values.set(flag, inline ?? argv[++i]);
    } else return { ok: false, help: false, message: `unknown or repeated argument ${JSON.stringify(argv[i])}` };
  }
  const members = wholeNumber(values.get('--members'), '--members', 1, MAX_MEMBERS);
  const seed = values.has('--seed') ? wholeNumber(values.get('--seed'), '--seed', 0, 0xffffffff) : 1;
  const dataDir = values.get('--data-dir');
  if (typeof members === 'string') return { ok: false, help: false, message: members };
  if (typeof seed === 'string') return { ok: false, help: false, message: seed };
  if (values.has('--data-dir') && !dataDir) return { ok: false, help: false, message: '--data-dir needs a directory' };
  return { ok: true, args: { members, seed, forceAppend, ...(dataDir ? { dataDir } : {}) } };
}
