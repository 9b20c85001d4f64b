/** Addresses whose buckets are kept at most: beyond, the least recently failed are forgotten. */
const MAX_BUCKETS = 10_000;

interface Bucket {
  tokens: number;
  /** When `tokens` was counted, in ms of the throttle's clock. */
  at: number;
}

export interface ThrottleSettings {
  /** Failures an address may make at once. */
  burst: number;
  /** Failures it may make each second once the burst is spent. */
  perSecond: number;
}

/**
 * A token bucket per client address for failed authentications: each failure takes a token,
 * the bucket refills at `perSecond` up to `burst`, and a failure that finds it empty is refused
 * (429) before its key is even told bad, so that guessing keys runs at `perSecond` at most.
 * Requests with a valid key never come here. Memory is bounded: a bucket that has refilled is
 * the same as none and is dropped when met among the oldest, and at most MAX_BUCKETS are kept
 * (the least recently failed are forgotten first).
 */
export class FailureThrottle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly now: () => number = () => performance.now(),
    private readonly maxBuckets = MAX_BUCKETS,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  /**
   * Counts a failure of `address`: undefined when it may fail (a token was taken), else the
   * whole seconds until it may fail again.
   */
  fail(address: string): number | undefined {
    const now = this.now();
    const bucket = this.refilled(this.buckets.get(address), now);
    // Most recently failed last: Map keeps insertion order.
    this.buckets.delete(address);
    this.buckets.set(address, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    // After the token is taken: this bucket is not full, so not forgotten here.
    this.forgetIdle(now);
    return allowed ? undefined : Math.max(1, Math.ceil((1 - bucket.tokens) / this.settings.perSecond));
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    const { burst, perSecond } = this.settings;
    if (!bucket) return { tokens: burst, at: now };
    return { tokens: Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond), at: now };
  }

  private forgetIdle(now: number): void {
    for (const [address, bucket] of this.buckets) {
      const full = this.refilled(bucket, now).tokens >= this.settings.burst;
      if (!full && this.buckets.size <= this.maxBuckets) return;
      this.buckets.delete(address);
    }
  }
}
