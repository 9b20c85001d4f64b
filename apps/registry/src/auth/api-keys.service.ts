import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  readSince,
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
  type Subscription,
} from '@baytaq/event-store';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { generateApiKey, hashApiKey, sameDigest } from './api-key.crypto';
import { ApiKeyDirectory, type ApiKeyRecord } from './api-key.directory';
import { API_KEY_FILTER, apiKeyStream, toEventToAppend, type ApiKeyEvent } from './api-key.events';
import { keyExists, keyNotFound, lastAdmin } from './auth.problems';
import { printFirstAdminKey } from './first-admin-key.output';
import type { AuthPrincipal, Role } from './roles';

/** The key a first start creates; its stream, appended with no_stream, is the lock between replicas. */
export const FIRST_ADMIN_NAME = 'admin';
export const FIRST_START_ACTOR = 'first-start';
const PAGE = 500;
const ATTEMPTS = 3;

/**
 * API keys, kept as events in the store (stream `apikey-<name>`) and in memory for lookups.
 * The memory copy follows the store's log, so a key issued or revoked by another replica takes
 * effect here too; this replica's own appends are applied at once, before the call returns.
 */
@Injectable()
export class ApiKeysService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('auth');
  private readonly directory = new ApiKeyDirectory();
  private subscription: Subscription | undefined;
  private position: string | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = 500;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'adminKey'>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.load();
    this.follow();
    if (this.directory.size === 0) await this.firstStart();
    else if (this.config.adminKey && !this.authenticate(this.config.adminKey)) {
      this.logger.warn('REGISTRY_ADMIN_KEY is only used on a first start; it matches no active key of this store');
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.subscription?.close();
  }

  /** The principal of an active key, or undefined for anything else. */
  authenticate(key: string): AuthPrincipal | undefined {
    const outcome = this.identify(key);
    return 'principal' in outcome ? outcome.principal : undefined;
  }

  /** The principal of an active key, or why there is none: a key never issued, or one revoked. */
  identify(key: string): { principal: AuthPrincipal } | { refused: 'unknown' | 'revoked' } {
    const digest = hashApiKey(key);
    const record = this.directory.findActiveByHash(digest);
    if (!record || !sameDigest(record.keyHash, digest)) {
      return { refused: this.directory.isRevoked(digest) ? 'revoked' : 'unknown' };
    }
    return { principal: { name: record.name, roles: record.roles } };
  }

  list(): ApiKeyRecord[] {
    return this.directory.list();
  }

  /** Issues a key; a revoked name may be issued again, on the same stream (the audit trail stays whole). */
  async issue(name: string, roles: Role[], actor: string): Promise<{ record: ApiKeyRecord; key: string }> {
    const key = generateApiKey();
    const event: ApiKeyEvent = {
      type: 'ApiKeyIssued',
      data: { name, roles, keyHash: hashApiKey(key), issuedBy: actor },
    };
    const record = await this.appendChecked(name, event, actor, (current) => {
      if (current && !current.revokedAt) throw keyExists(name);
    });
    return { record, key };
  }

  async revoke(name: string, actor: string): Promise<ApiKeyRecord> {
    const event: ApiKeyEvent = { type: 'ApiKeyRevoked', data: { name, revokedBy: actor } };
    return this.appendChecked(name, event, actor, (current) => {
      if (!current || current.revokedAt) throw keyNotFound(name);
      const admins = this.directory.activeAdmins();
      if (current.roles.includes('admin') && admins.every((a) => a.name === name)) throw lastAdmin(name);
    });
  }

  /** Checks the rule against this replica's view, appends at the revision it saw, and on a conflict catches up and checks again. */
  private async appendChecked(
    name: string,
    event: ApiKeyEvent,
    actor: string,
    check: (current: ApiKeyRecord | undefined) => void,
  ): Promise<ApiKeyRecord> {
    for (let attempt = 1; ; attempt++) {
      const current = this.directory.get(name);
      check(current);
      try {
        return await this.appendAndApply(name, event, current?.revision ?? 'no_stream', actor);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
        await this.catchUpStream(name);
      }
    }
  }

  private async appendAndApply(
    name: string,
    event: ApiKeyEvent,
    expected: ExpectedRevision,
    actor: string,
  ): Promise<ApiKeyRecord> {
    await this.store.append(apiKeyStream(name), [toEventToAppend(event, actor)], expected);
    await this.catchUpStream(name);
    return this.directory.get(name)!;
  }

  /** Applies what the stream holds beyond what this replica has seen (read back, so recordedAt is the store's). */
  private async catchUpStream(name: string): Promise<void> {
    const from = (this.directory.get(name)?.revision ?? -1) + 1;
    for (const event of await this.store.readStream(apiKeyStream(name), { fromRevision: from })) {
      this.directory.apply(event);
    }
  }

  private async load(): Promise<void> {
    this.position = await readSince(
      this.store,
      this.position,
      API_KEY_FILTER,
      (event) => void this.directory.apply(event),
      PAGE,
    );
  }

  /** Keeps the memory copy fresh; after an error it resubscribes from the last event it saw, with backoff. */
  private follow(): void {
    if (this.stopped) return;
    const retry = (error: unknown): void => {
      this.logger.error({
        msg: 'API key subscription failed; retrying',
        error: String(error),
        inMs: this.retryDelayMs,
      });
      this.retryTimer = setTimeout(() => this.follow(), this.retryDelayMs).unref();
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
    };
    try {
      this.subscription = this.store.subscribeToAll(
        { after: this.position, filter: API_KEY_FILTER },
        {
          onEvent: (event) => {
            this.directory.apply(event);
            this.position = event.position;
          },
          onCaughtUp: () => (this.retryDelayMs = 500),
          onError: retry,
        },
      );
    } catch (error) {
      retry(error);
    }
  }

  /** Race-free: the no_stream append decides which replica creates the key; a loser adopts the winner's. */
  private async firstStart(): Promise<void> {
    const given = this.config.adminKey;
    const key = given ?? generateApiKey();
    const event: ApiKeyEvent = {
      type: 'ApiKeyIssued',
      data: { name: FIRST_ADMIN_NAME, roles: ['admin'], keyHash: hashApiKey(key), issuedBy: FIRST_START_ACTOR },
    };
    try {
      await this.appendAndApply(FIRST_ADMIN_NAME, event, 'no_stream', FIRST_START_ACTOR);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      await this.catchUpStream(FIRST_ADMIN_NAME);
      this.logger.log('another replica created the first admin key');
      return;
    }
    if (given) this.logger.log('first start: created the admin key "admin" from REGISTRY_ADMIN_KEY');
    else printFirstAdminKey(FIRST_ADMIN_NAME, key);
  }
}
