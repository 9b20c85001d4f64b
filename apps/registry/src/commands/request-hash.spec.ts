import { createHash } from 'node:crypto';
import { loadConfig } from '../config/registry-config';
import { RequestHasher } from './request-hash';

const hasher = (secret: string) =>
  new RequestHasher(loadConfig({ REGISTRY_DATA_DIR: '/nonexistent-baytaq', REGISTRY_IIN_SECRET: secret }));

const body = { name: { surname: 'Синтетов', given: 'Тест' }, iin: '900101300015' };

describe('RequestHasher', () => {
  it('gives one digest for one request whatever the order of the body keys', () => {
    const reordered = { iin: body.iin, name: { given: body.name.given, surname: body.name.surname } };
    expect(hasher('s'.repeat(32)).hash('POST', '/v1/people', reordered)).toBe(
      hasher('s'.repeat(32)).hash('POST', '/v1/people', body),
    );
  });

  it('tells apart another body, path or method', () => {
    const h = hasher('s'.repeat(32));
    const digest = h.hash('POST', '/v1/people', body);
    expect(h.hash('POST', '/v1/people', { ...body, iin: '900101300026' })).not.toBe(digest);
    expect(h.hash('POST', '/v1/people/x', body)).not.toBe(digest);
    expect(h.hash('PUT', '/v1/people', body)).not.toBe(digest);
  });

  it('is keyed: without the secret nobody can try IINs against a kept digest', () => {
    const digest = hasher('s'.repeat(32)).hash('POST', '/v1/people', body);
    expect(hasher('t'.repeat(32)).hash('POST', '/v1/people', body)).not.toBe(digest);
    const unkeyed = createHash('sha256').update('POST /v1/people\n').update(JSON.stringify(body)).digest('hex');
    expect(digest).not.toBe(unkeyed);
  });

  it('hashes a body holding a number JSON cannot represent (1e400 parses to Infinity) instead of throwing', () => {
    const h = hasher('s'.repeat(32));
    const huge = JSON.parse('{"seats":1e400}') as unknown;
    expect(h.hash('POST', '/v1/posts', huge)).toBe(h.hash('POST', '/v1/posts', huge));
    expect(h.hash('POST', '/v1/posts', JSON.parse('1e400'))).toMatch(/^[0-9a-f]{64}$/);
  });
});
