import { parseGenerateArgs } from './generate-args';

describe('parseGenerateArgs', () => {
  it('reads members, seed, data directory and --force-append, in either flag form', () => {
    expect(parseGenerateArgs(['--members', '1000000', '--seed=42', '--data-dir', '/tmp/x', '--force-append'])).toEqual({
      ok: true,
      args: { members: 1_000_000, seed: 42, dataDir: '/tmp/x', forceAppend: true },
    });
    expect(parseGenerateArgs(['--members=300'])).toEqual({
      ok: true,
      args: { members: 300, seed: 1, forceAppend: false },
    });
  });

  it('asks for help, and refuses what it cannot use, saying why', () => {
    expect(parseGenerateArgs(['--help'])).toEqual({ ok: false, help: true });
    const refusal = (argv: string[]) => {
      const parsed = parseGenerateArgs(argv);
      return parsed.ok ? undefined : parsed.message;
    };
    expect(refusal([])).toMatch(/--members must be a whole number/);
    expect(refusal(['--members', '0'])).toMatch(/from 1 to 10000000/);
    expect(refusal(['--members', '12x'])).toMatch(/"12x"/);
    expect(refusal(['--members', '5', '--seed', '-1'])).toMatch(/--seed must be/);
    expect(refusal(['--members', '5', '--seed', '4294967296'])).toMatch(/--seed must be/);
    expect(refusal(['--members', '5', '--members', '6'])).toMatch(/repeated/);
    expect(refusal(['--members', '5', '--colour'])).toMatch(/unknown/);
    expect(refusal(['--members', '5', '--data-dir'])).toMatch(/--data-dir needs a directory/);
  });
});
