import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry';

/** Why the registry turned a request away before it did anything. */
export const REFUSAL_REASONS = [
  'missing_key',
  'malformed_credentials',
  'unknown_key',
  'revoked_key',
  'role',
  'throttled',
  'stream_limit_client',
  'stream_limit_total',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * Counts refusals by reason in /metrics (`baytaq_access_refusals_total{reason}`): 401 without a
 * key, with a malformed header, an unknown key or a revoked one, 403 for a role the key lacks,
 * 429 once an address has failed too often, and the event feed's stream limits (429 per client,
 * 503 in total). A spike of `unknown_key` is someone guessing; of `revoked_key`, a system still
 * using a key that was taken away.
 */
@Injectable()
export class AccessRefusals {
  private readonly counter: Counter<'reason'>;

  constructor(@Inject(MetricsRegistry) registry: MetricsRegistry) {
    this.counter = new Counter({
      name: 'baytaq_access_refusals_total',
      help: 'Requests refused before they were served, by reason.',
      labelNames: ['reason'],
      registers: [registry],
    });
    // Every reason is a series from the start: a rate over a series that appears late is wrong.
    for (const reason of REFUSAL_REASONS) this.counter.inc({ reason }, 0);
  }

  count(reason: RefusalReason): void {
    this.counter.inc({ reason });
  }
}
