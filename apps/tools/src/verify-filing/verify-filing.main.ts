import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyEvidence } from './verify-evidence';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const USAGE =
  'usage: npm run verify:filing -- <evidence.json> --key <verifier key, or a file holding it> [--document <file>]\n' +
  "  evidence.json: GET /v1/filings/{id}/evidence; the key: GET /v1/log/key, saved before (never the file's own)";

/** `npm run verify:filing`: exits 0 when the evidence verifies, 1 when it does not, 2 on a usage error. */
function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { key: { type: 'string' }, document: { type: 'string' } },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file] = parsed.positionals;
  const { key, document } = parsed.values;
  if (!file || !key || parsed.positionals.length > 1) {
    err(USAGE);
    return 2;
  }
  let evidence: unknown;
  try {
    evidence = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    err(`${file}: ${(error as Error).message}`);
    return 2;
  }
  const verifierKey = existsSync(key) ? readFileSync(key, 'utf8') : key;
  const verdict = verifyEvidence(evidence, verifierKey, document ? readFileSync(document) : undefined);
  for (const line of verdict.lines) (verdict.ok ? out : err)(line);
  out(verdict.ok ? `VERIFIED ${file}` : `NOT VERIFIED ${file}`);
  return verdict.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
