import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    if (!statSync(path).isFile()) return [];
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(
      /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ];
  return found.map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('architecture', () => {
  it('keeps the domain free of frameworks, adapters and I/O: it imports only its own files', () => {
    const files = sources(join(root, 'libs/domain/src'));
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((f) =>
      imports(f)
        .filter((spec) => !spec.startsWith('.'))
        .map((spec) => `${relative(root, f)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the domain free of the clock and of randomness', () => {
    const offending = sources(join(root, 'libs/domain/src')).filter((f) =>
      /\bDate\.now\(|new Date\(\s*\)|Math\.random\(|crypto\.|process\./.test(readFileSync(f, 'utf8')),
    );
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps the libraries free of the application and of NestJS', () => {
    const libs = ['event-store', 'read-models', 'filings'].flatMap((lib) => sources(join(root, 'libs', lib, 'src')));
    const offending = libs.flatMap((f) =>
      imports(f)
        .filter((spec) => spec.startsWith('@nestjs/') || spec.includes('apps/'))
        .map((spec) => `${relative(root, f)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  const app = sources(join(root, 'apps'));

  it('keeps deciders in the domain: no decider is defined in apps/', () => {
    const offending = app.filter(
      (f) => f.endsWith('.decider.ts') || /:\s*Decider<[^>]*>\s*=/.test(readFileSync(f, 'utf8')),
    );
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps controllers apart: a controller imports no other controller', () => {
    const controllers = app.filter((f) => f.endsWith('.controller.ts'));
    expect(controllers.length).toBeGreaterThan(10);
    const offending = controllers.flatMap((f) =>
      imports(f)
        .filter((spec) => /controller(\.ts)?$/.test(spec))
        .map((spec) => `${relative(root, f)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the reads off the write side: apps/registry/src/reads imports nothing of the write module', () => {
    const reads = app.filter((f) => f.includes('/apps/registry/src/reads/'));
    expect(reads.length).toBeGreaterThan(3);
    const writeSide = /\/(commands|processes|retractions)\/|\.handlers$|writes\.module$/;
    const offending = reads.flatMap((f) =>
      imports(f)
        .filter((spec) => writeSide.test(spec))
        .map((spec) => `${relative(root, f)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the tools out of the service: apps/registry imports nothing of apps/tools', () => {
    const service = app.filter((f) => f.includes('/apps/registry/src/'));
    expect(service.length).toBeGreaterThan(50);
    const offending = service.flatMap((f) =>
      imports(f)
        .filter((spec) => spec.includes('tools/src') || /^\.\.\/(generate|demo|rebuild)\//.test(spec))
        .map((spec) => `${relative(root, f)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('names streams in one module: no other source spells a stream prefix', () => {
    const files = [
      ...app,
      ...['read-models', 'event-store', 'filings'].flatMap((l) => sources(join(root, 'libs', l, 'src'))),
    ];
    const prefix = /['`](organisation|person|meeting|filing|import|iin|idempotency|apikey)-(\$\{|['`])/;
    const offending = files.filter((f) => prefix.test(readFileSync(f, 'utf8')));
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('recognises a forbidden import (the check itself works)', () => {
    expect(imports(join(__dirname, 'dependencies.spec.ts'))).toContain('node:fs');
  });
});
