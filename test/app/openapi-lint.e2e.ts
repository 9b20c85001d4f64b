import { Document, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { startTestApp, type TestApp } from '../support/test-app';

// Spectral's severities (DiagnosticSeverity).
const ERROR = 0;
const WARNING = 1;

const where = (r: ISpectralDiagnostic) => `${r.code} at ${r.path.join('.')}: ${r.message}`;

describe("the OpenAPI document, by Spectral's OpenAPI ruleset", () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('has no error, as served at /docs-json', async () => {
    const served = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expect(served.statusCode).toBe(200);
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    const results = await spectral.run(new Document(served.body, Json, '/docs-json'));
    const warnings = new Map<string, number>();
    for (const r of results)
      if (r.severity === WARNING) warnings.set(String(r.code), (warnings.get(String(r.code)) ?? 0) + 1);
    const counts = [...warnings].map(([code, n]) => `${code} ${n}`).join(', ');
    process.stdout.write(`Spectral oas: ${results.length} results; warnings: ${counts || 'none'}\n`);
    expect(results.filter((r) => r.severity === ERROR).map(where)).toEqual([]);
  });
});
