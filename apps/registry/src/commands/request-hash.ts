import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { createHmac } from 'node:crypto';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { derivedSecret } from '../config/registry-secret';

/**
 * What makes two requests "the same" for an idempotency key: method, path and body, the body as
 * RFC 8785 canonical JSON (so key order does not matter). Keyed: the digest is kept in the log's
 * metadata and idempotency records, and a plain hash of a body with an IIN in it could be
 * reversed by trying every IIN of a known birth date.
 */
@Injectable()
export class RequestHasher {
  private readonly key: Buffer;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig) {
    this.key = derivedSecret(config, 'idempotency-request-hash');
  }

  hash(method: string, path: string, body: unknown): string {
    return createHmac('sha256', this.key)
      .update(`${method} ${path}\n`)
      .update(canonicalJson(body ?? null))
      .digest('hex');
  }
}

/**
 * RFC 8785 has no text for a number JSON cannot hold: `1e400` parses to Infinity, which the body's
 * validation refuses later, but its hash comes first. It hashes as JSON.stringify writes it (null).
 */
function canonicalJson(body: unknown): string {
  try {
    return canonicalize(body) ?? 'null';
  } catch {
    return canonicalize(JSON.parse(JSON.stringify(body) ?? 'null')) ?? 'null';
  }
}
