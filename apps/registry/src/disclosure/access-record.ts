import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { type AccessEntry, type AccessFilter, AccessRecordStore } from './access-record.store';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `/v1/people/:id` as the OpenAPI document writes it: `/v1/people/{id}`. */
const openApiPath = (route: string): string => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Who read whose personal data (API.md, "Personal data"). A route that answers with personal data
 * calls `disclosed` with the people it shows before it answers: the call returns once the record
 * is on disk, so a read whose answer left the registry is always in the record, even if the
 * process dies the next moment; a record that cannot be written fails the read instead.
 */
@Injectable()
export class AccessRecord implements OnApplicationShutdown {
  private readonly store: AccessRecordStore;

  constructor(@Inject(REGISTRY_CONFIG) config: Pick<RegistryConfig, 'dataDir'>) {
    this.store = new AccessRecordStore(config.dataDir);
  }

  disclosed(request: FastifyRequest, personIds: readonly string[]): void {
    const correlation = request.headers['x-correlation-id'];
    this.store.append({
      at: new Date().toISOString(),
      actor: request.principal?.name ?? 'anonymous',
      endpoint: `${request.method} ${openApiPath(request.routeOptions.url ?? request.url.split('?')[0]!)}`,
      path: request.url.split('?')[0]!,
      requestId: String(request.id),
      correlationId: typeof correlation === 'string' && CORRELATION_ID.test(correlation) ? correlation : null,
      personIds: [...new Set(personIds)],
    });
  }

  list(filter: AccessFilter): AccessEntry[] {
    return this.store.list(filter);
  }

  onApplicationShutdown(): void {
    this.store.close();
  }
}
