import type { RecordedEvent } from '@baytaq/event-store';
import { ApiKeyDirectory } from './api-key.directory';

let position = 0;
function recorded(revision: number, type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1;
  return {
    id: `e-${position}`,
    stream: 'apikey-portal',
    revision,
    position: String(position),
    type,
    data,
    metadata: {},
    recordedAt: `2025-01-01T00:00:0${revision}.000Z`,
  };
}

const issued = (revision: number, keyHash: string) =>
  recorded(revision, 'ApiKeyIssued', { name: 'portal', roles: ['registrar'], keyHash, issuedBy: 'admin' });
const revoked = (revision: number) => recorded(revision, 'ApiKeyRevoked', { name: 'portal', revokedBy: 'admin' });

describe('ApiKeyDirectory', () => {
  it('skips an event it has applied already, so a late redelivery cannot revive a revoked key', () => {
    const directory = new ApiKeyDirectory();
    const first = issued(0, 'aa');
    expect(directory.apply(first)).toBe(true);
    expect(directory.apply(revoked(1))).toBe(true);
    expect(directory.apply(first)).toBe(false);
    expect(directory.findActiveByHash('aa')).toBeUndefined();
    expect(directory.get('portal')).toMatchObject({ revision: 1, revokedBy: 'admin' });
  });

  it('replaces the hash when a revoked name is issued again', () => {
    const directory = new ApiKeyDirectory();
    [issued(0, 'aa'), revoked(1), issued(2, 'bb')].forEach((e) => directory.apply(e));
    expect(directory.findActiveByHash('aa')).toBeUndefined();
    expect(directory.findActiveByHash('bb')?.name).toBe('portal');
    expect(directory.get('portal')).toMatchObject({ revision: 2, issuedAt: '2025-01-01T00:00:02.000Z' });
    expect(directory.get('portal')?.revokedAt).toBeUndefined();
  });
});
