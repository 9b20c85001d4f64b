import { client } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

interface Operation {
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, unknown>;
}

describe('the OpenAPI document of the writes', () => {
  let t: TestApp;
  let writes: Array<[string, Operation]>;
  let doc: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json() as typeof doc;
    writes = Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith('/v1/') && !path.startsWith('/v1/keys') && ops['post'])
      .map(([path, ops]) => [path, ops['post']!]);
  });
  afterAll(() => t.close());

  it('documents every problem answer of every route as application/problem+json', () => {
    const problems: string[] = [];
    const otherwise: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const content = (response as { content?: Record<string, { schema?: { $ref?: string } }> }).content ?? {};
          const types = Object.entries(content).filter(([, c]) => c.schema?.$ref === '#/components/schemas/ProblemDto');
          if (types.length === 0) continue;
          problems.push(`${method} ${path} ${status}`);
          if (Object.keys(content).join() !== 'application/problem+json') otherwise.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(problems.length).toBeGreaterThan(150);
    expect(otherwise).toEqual([]);
  });

  it('lists every write of API.md', () => {
    expect(writes.map(([path]) => path).sort()).toEqual(
      [
        '/v1/events/{eventId}/retraction',
        '/v1/filings',
        '/v1/imports/members',
        '/v1/meetings',
        '/v1/organisations',
        '/v1/organisations/{id}/dissolution',
        '/v1/organisations/{id}/posts',
        '/v1/organisations/{id}/registrations',
        '/v1/organisations/{id}/renamings',
        '/v1/people',
        '/v1/people/{id}/details',
        '/v1/people/{id}/erasure',
        '/v1/people/{id}/membership/admission',
        '/v1/people/{id}/membership/reinstatement',
        '/v1/people/{id}/membership/suspension',
        '/v1/people/{id}/membership/termination',
        '/v1/people/{id}/membership/transfer',
        '/v1/retention/erasures',
        '/v1/posts/{id}/abolition',
        '/v1/posts/{id}/tenures',
        '/v1/tenures/{id}/end',
      ].sort(),
    );
  });

  it('gives each write an example body that passes its own validation', async () => {
    const call = client(t.app, t.adminKey);
    const id = '6f1c2b7e-9a4d-4c3b-8e2f-1a2b3c4d5e6f';
    for (const [path, op] of writes) {
      if (path === '/v1/imports/members') {
        // A file upload: no JSON body to exemplify; test/imports sends it files.
        expect(Object.keys(op.requestBody?.content ?? {}).sort()).toEqual(['multipart/form-data', 'text/csv']);
        continue;
      }
      const example = op.requestBody?.content['application/json']?.examples?.['example']?.value;
      expect({ path, hasExample: example !== undefined }).toEqual({ path, hasExample: true });
      const answer = await call('POST', path.replace(/\{(id|eventId)\}/, id), example);
      // Unknown ids may be refused, but never as a malformed request (400).
      const accepted = [200, 201, 404, 409, 422].includes(answer.status);
      expect({ path, status: answer.status, accepted }).toEqual({ path, status: answer.status, accepted: true });
      // The retention erasures name no resource and take no If-Match: no 404, 409 or 412 of their own.
      const own = path === '/v1/retention/erasures' ? ['400', '401', '403', '413', '422'] : undefined;
      expect(Object.keys(op.responses)).toEqual(
        expect.arrayContaining(own ?? ['400', '401', '403', '404', '409', '412', '413', '422']),
      );
    }
  });
});
