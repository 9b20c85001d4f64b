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
      .update(canonicalize(body ?? null) ?? 'null')
      .digest('hex');
  }
}
