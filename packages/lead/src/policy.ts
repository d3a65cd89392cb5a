/**
 * The outbox's delivery policy, as pure functions: when a lead is retried, when it expires, which
 * leads go out with `keepalive` when the page may be going away, and how each answer of the
 * endpoint (or a network error) is classified. No DOM, no storage, no timers: it runs in Node,
 * and `Outbox` (the browser side) only applies what it decides.
 */
import { isAllowedEndpoint } from '@hearth/core/schemas';

const DAY = 24 * 60 * 60 * 1000;

/** Browsers cap the bodies of all keepalive requests in flight together at 64 KiB. */
export const KEEPALIVE_BUDGET = 64 * 1024;

/** The numbers the policy works with; `Outbox` takes each as an option. */
export interface OutboxPolicy {
  /** Backoff: each retry waits a random time in [0, min(maxDelayMs, baseDelayMs × 2^(attempt−1))] ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is shortened to it. */
  maxRetryAfterMs: number;
  /** An attempt with no answer after this long counts as a network failure. */
  attemptTimeoutMs: number;
  /** Leads older than this are held for the person, no longer sent (code 'expired'). */
  maxAgeMs: number;
  /** Queue limits across every tab of the site; a lead beyond them is not queued (code 'queue-full'). */
  maxEntries: number;
  maxBytes: number;
}

/** 2 s doubling up to 5 min; an hour at most for `Retry-After`; 20 s per attempt; 7 days; 20 leads or 512 KB. */
export const DEFAULT_POLICY: Readonly<OutboxPolicy> = Object.freeze({
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
  attemptTimeoutMs: 20_000,
  maxAgeMs: 7 * DAY,
  maxEntries: 20,
  maxBytes: 512 * 1024,
});

/** What a queued lead's schedule looks like to the policy. */
export interface ScheduledLead {
  key: string;
  endpoint: string;
  /** UTF-8 size of the JSON body. */
  bytes: number;
  queuedAt: number;
  /** Earliest next attempt by backoff. */
  nextAttemptAt: number;
  /** Earliest next attempt the endpoint allows (`Retry-After`). */
  notBefore: number;
}

// -----------------------------------------------------------------------------------------------
// Classification: what one answer means
// -----------------------------------------------------------------------------------------------

/** What becomes of a lead after one attempt. */
export type Verdict =
  /** 2xx: delivered; it leaves the device. */
  | { verdict: 'sent' }
  /** Worth another try later: it stays queued. */
  | { verdict: 'retry'; code: 'network' | 'server' }
  /** Refused for good: the person is told (at the form, or by the notice on their next page if it was queued). */
  | { verdict: 'reject'; code: 'invalid' | 'rejected' };

/**
 * How an HTTP status is classified: 2xx sent; 408 (timeout), 429 (rate limited) and 5xx retried;
 * a redirect (3xx, or 0 for the opaque redirect of `redirect: 'manual'`) is never a delivery and
 * is retried like a 5xx, so that a site that fixes its endpoint URL still gets the lead; 400 and
 * 422 rejected as invalid (the endpoint names the fields); any other status rejected.
 */
export function classifyStatus(status: number): Verdict {
  if (status >= 200 && status < 300) return { verdict: 'sent' };
  if (status === 0 || (status >= 300 && status < 400)) return { verdict: 'retry', code: 'server' };
  if (status === 408 || status === 429 || status >= 500) return { verdict: 'retry', code: 'server' };
  if (status === 400 || status === 422) return { verdict: 'reject', code: 'invalid' };
  return { verdict: 'reject', code: 'rejected' };
}

/** No answer at all (offline, DNS, CORS refusal, a timeout): always retried. */
export function classifyNetworkError(): { verdict: 'retry'; code: 'network' } {
  return { verdict: 'retry', code: 'network' };
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// -----------------------------------------------------------------------------------------------
// Schedule: backoff, Retry-After, expiry
// -----------------------------------------------------------------------------------------------

/**
 * The wait before retry number `attempt` (1 for the first retry): a random time in
 * [0, min(maxDelayMs, baseDelayMs × 2^(attempt−1))], "full jitter", so that many devices coming
 * back online together do not all knock at once. `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, policy: Pick<OutboxPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.floor(random() * cap);
}

/**
 * The schedule after a failed attempt (`attempts` counts it): nothing before `Retry-After`
 * (shortened to `maxRetryAfterMs`), and the next try at the later of that and the backoff.
 */
export function retrySchedule(
  now: number,
  attempts: number,
  retryAfterMs: number | undefined,
  policy: Pick<OutboxPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>,
  random: () => number,
): { notBefore: number; nextAttemptAt: number } {
  const retryAfter = retryAfterMs !== undefined ? Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs) : 0;
  return { notBefore: now + retryAfter, nextAttemptAt: now + Math.max(retryAfter, backoffDelay(attempts, policy, random)) };
}

/** A lead queued longer than `maxAgeMs` ago is held rather than sent (code 'expired'). */
export function isExpired(queuedAt: number, now: number, maxAgeMs: number): boolean {
  return now - queuedAt > maxAgeMs;
}

/**
 * Whether a queued lead may be attempted now: never before `Retry-After`; before its backoff only
 * when `ignoreBackoff` (a resume, the `online` event, "Try again now").
 */
export function isDue(lead: Pick<ScheduledLead, 'nextAttemptAt' | 'notBefore'>, now: number, ignoreBackoff: boolean): boolean {
  return now >= lead.notBefore && (ignoreBackoff || now >= lead.nextAttemptAt);
}

/** Whether one more lead fits the site's queue, counting what every tab holds (expired leads excluded). */
export function queueHasRoom(
  queued: { count: number; bytes: number },
  lead: { bytes: number },
  policy: Pick<OutboxPolicy, 'maxEntries' | 'maxBytes'>,
): boolean {
  return queued.count < policy.maxEntries && queued.bytes + lead.bytes <= policy.maxBytes;
}

// -----------------------------------------------------------------------------------------------
// The last chance: keepalive on pagehide
// -----------------------------------------------------------------------------------------------

export interface KeepaliveOptions {
  now: number;
  maxAgeMs: number;
  /** Bytes the keepalive requests may carry together. Default `KEEPALIVE_BUDGET`. */
  budget?: number;
  /** Keys with a normal request in flight. */
  inFlight?: ReadonlySet<string>;
  /** On `pagehide`, in-flight requests are cancelled with the page, so they go again; not when merely hidden. */
  includeInFlight: boolean;
  /** When each key last went out with keepalive: none is sent twice within 2 s. */
  lastKeepaliveAt?: ReadonlyMap<string, number>;
}

/**
 * The leads to send with `fetch(…, { keepalive: true })` when the page may be going away, oldest
 * first: not before `Retry-After`, not expired, only to an allowed endpoint, not twice within 2 s,
 * and within the browser's keepalive budget (a lead too big for what is left is skipped, a smaller
 * one after it may still fit).
 */
export function selectKeepalive<T extends ScheduledLead>(leads: Iterable<T>, options: KeepaliveOptions): T[] {
  let budget = options.budget ?? KEEPALIVE_BUDGET;
  const { now } = options;
  const chosen: T[] = [];
  for (const lead of [...leads].sort((a, b) => a.queuedAt - b.queuedAt)) {
    if (now < lead.notBefore || isExpired(lead.queuedAt, now, options.maxAgeMs) || !isAllowedEndpoint(lead.endpoint)) continue;
    if (!options.includeInFlight && options.inFlight?.has(lead.key)) continue;
    if ((options.lastKeepaliveAt?.get(lead.key) ?? -Infinity) > now - 2_000) continue;
    if (lead.bytes > budget) continue;
    budget -= lead.bytes;
    chosen.push(lead);
  }
  return chosen;
}
