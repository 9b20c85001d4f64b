import type { RecordedEvent } from '@baytaq/event-store';
import { API_KEY_STREAM_PREFIX, parseApiKeyEvent } from './api-key.events';
import type { Role } from './roles';

export interface ApiKeyRecord {
  name: string;
  roles: Role[];
  keyHash: string;
  issuedAt: string;
  issuedBy: string;
  revokedAt?: string;
  revokedBy?: string;
  /** The last revision of the key's stream applied here: the expected revision of its next append. */
  revision: number;
}

/**
 * The keys as the events say, in memory: by name, and active ones by hash. Applying an event
 * twice is harmless (the service applies its own appends at once, then the subscription
 * delivers them again), because an event at or below a stream's applied revision is skipped.
 */
export class ApiKeyDirectory {
  private readonly byName = new Map<string, ApiKeyRecord>();
  private readonly activeByHash = new Map<string, ApiKeyRecord>();
  /** Hashes of keys revoked: a request with one is counted apart from one with a key never issued. */
  private readonly revokedHashes = new Set<string>();

  /** How many names were ever issued (revoked ones included). */
  get size(): number {
    return this.byName.size;
  }

  get(name: string): ApiKeyRecord | undefined {
    return this.byName.get(name);
  }

  findActiveByHash(keyHash: string): ApiKeyRecord | undefined {
    return this.activeByHash.get(keyHash);
  }

  isRevoked(keyHash: string): boolean {
    return this.revokedHashes.has(keyHash);
  }

  list(): ApiKeyRecord[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  activeAdmins(): ApiKeyRecord[] {
    return this.list().filter((k) => !k.revokedAt && k.roles.includes('admin'));
  }

  /** Returns true when the event changed something. */
  apply(event: RecordedEvent): boolean {
    const parsed = parseApiKeyEvent(event);
    if (!parsed) return false;
    const name = event.stream.slice(API_KEY_STREAM_PREFIX.length);
    const current = this.byName.get(name);
    if (current && event.revision <= current.revision) return false;
    if (current) this.activeByHash.delete(current.keyHash);
    if (parsed.type === 'ApiKeyIssued') {
      const { roles, keyHash, issuedBy } = parsed.data;
      const record: ApiKeyRecord = {
        name,
        roles,
        keyHash,
        issuedBy,
        issuedAt: event.recordedAt,
        revision: event.revision,
      };
      this.byName.set(name, record);
      this.activeByHash.set(keyHash, record);
    } else if (current) {
      this.revokedHashes.add(current.keyHash);
      this.byName.set(name, {
        ...current,
        revokedAt: event.recordedAt,
        revokedBy: parsed.data.revokedBy,
        revision: event.revision,
      });
    }
    return true;
  }
}
