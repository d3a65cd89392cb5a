export interface RateLimitOptions {
  /** Requests allowed per client address in a burst, refilled evenly over `windowMs`. */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 30, windowMs: 60_000 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client address: bursts up to `max`, then `max` per `windowMs`. Memory is
 * bounded: full buckets (clients that went quiet) are dropped once many addresses are tracked.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #max: number;
  readonly #perMs: number;
  readonly #now: () => number;

  constructor(options: RateLimitOptions, now: () => number = Date.now) {
    if (!(options.max >= 1) || !(options.windowMs > 0)) throw new RangeError('rateLimit needs max >= 1 and windowMs > 0.');
    this.#max = options.max;
    this.#perMs = options.max / options.windowMs;
    this.#now = now;
  }

  /** Takes one token for `client`; when none is left, says how long until one is. */
  take(client: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.#now();
    const bucket = this.#buckets.get(client) ?? { tokens: this.#max, updatedAt: now };
    bucket.tokens = Math.min(this.#max, bucket.tokens + (now - bucket.updatedAt) * this.#perMs);
    bucket.updatedAt = now;
    if (!this.#buckets.has(client)) {
      if (this.#buckets.size >= 10_000) this.#prune(now);
      this.#buckets.set(client, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.#perMs) };
  }

  #prune(now: number): void {
    for (const [client, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.#perMs >= this.#max) this.#buckets.delete(client);
    }
    // Still full of active clients: forget the oldest rather than grow without bound.
    for (const client of this.#buckets.keys()) {
      if (this.#buckets.size < 10_000) break;
      this.#buckets.delete(client);
    }
  }
}
