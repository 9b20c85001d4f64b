import { randomUUID } from 'node:crypto';
import { STREAM_PREFIX } from '@baytaq/domain';
import type { AllFilter, EventToAppend, RecordedEvent } from '@baytaq/event-store';
import { isRole, type Role } from './roles';

/** One stream per key name: `apikey-<name>`; issue and revocation are its events, in order. */
export const API_KEY_STREAM_PREFIX = STREAM_PREFIX.apiKey;
export const API_KEY_FILTER: AllFilter = { streamPrefixes: [API_KEY_STREAM_PREFIX] };

export function apiKeyStream(name: string): string {
  return `${API_KEY_STREAM_PREFIX}${name}`;
}

export interface ApiKeyIssued {
  type: 'ApiKeyIssued';
  data: { name: string; roles: Role[]; keyHash: string; issuedBy: string };
}

export interface ApiKeyRevoked {
  type: 'ApiKeyRevoked';
  data: { name: string; revokedBy: string };
}

export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;

export function toEventToAppend(event: ApiKeyEvent, actor: string): EventToAppend {
  return { id: randomUUID(), type: event.type, data: { ...event.data }, metadata: { actor, schemaVersion: 1 } };
}

/** The key event a recorded event carries, or undefined for anything else (or malformed data). */
export function parseApiKeyEvent(event: RecordedEvent): ApiKeyEvent | undefined {
  const d = event.data;
  if (!event.stream.startsWith(API_KEY_STREAM_PREFIX) || typeof d['name'] !== 'string') return undefined;
  if (event.type === 'ApiKeyIssued') {
    const roles = d['roles'];
    if (!Array.isArray(roles) || !roles.every(isRole) || typeof d['keyHash'] !== 'string') return undefined;
    return {
      type: 'ApiKeyIssued',
      data: { name: d['name'], roles, keyHash: d['keyHash'], issuedBy: String(d['issuedBy']) },
    };
  }
  if (event.type === 'ApiKeyRevoked') {
    return { type: 'ApiKeyRevoked', data: { name: d['name'], revokedBy: String(d['revokedBy']) } };
  }
  return undefined;
}
