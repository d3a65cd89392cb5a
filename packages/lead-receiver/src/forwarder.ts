import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { silentLogger, type ReceiverLogger } from './logger.js';
import type { ForwardJob, LeadStore, NewForwardJob } from './store.js';
import { RECEIVER_VERSION } from './version.js';

/** `HEARTH_FORWARD_SECRET` shorter than this is refused at startup. */
export const MIN_FORWARD_SECRET_LENGTH = 16;

export interface ForwardOptions {
  /** `--forward`: every stored lead is POSTed to each of these URLs. */
  urls?: readonly string[];
  /** `--notify-urgent`: urgent leads are also POSTed here (e.g. an on-call pager webhook). */
  notifyUrgent?: string | undefined;
  /** HMAC-SHA256 key for `Hearth-Signature` (env `HEARTH_FORWARD_SECRET`, at least 16 characters). */
  secret: string;
  /** Attempts before a job goes to the dead-letter list. Default 8. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt (±20 %). Default 2000 ms. */
  baseDelayMs?: number;
  /** Longest retry delay, and the cap on a consumer's Retry-After. Default 15 minutes. */
  maxDelayMs?: number;
  /** Per request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Deliveries in flight at once. Default 4. */
  concurrency?: number;
  /** How often the queue is polled for due jobs (new leads wake it at once). Default 1000 ms. */
  pollMs?: number;
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, the `Hearth-Signature` header.
 * A consumer recomputes v1 over the raw bytes it received and refuses old timestamps.
 */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** Checks a `Hearth-Signature` header (constant-time compare, default tolerance 5 minutes). */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  options: { toleranceSeconds?: number; nowSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}

/** Throws a startup error for a missing or short secret, or a target that is not an http(s) URL. */
export function checkForwardOptions(options: ForwardOptions): void {
  if (!options.secret || options.secret.length < MIN_FORWARD_SECRET_LENGTH) {
    throw new RangeError(
      `Forwarding needs HEARTH_FORWARD_SECRET in the environment, at least ${MIN_FORWARD_SECRET_LENGTH} characters (e.g. openssl rand -hex 32).`,
    );
  }
  for (const target of [...(options.urls ?? []), ...(options.notifyUrgent ? [options.notifyUrgent] : [])]) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new TypeError(`Forward target "${describeTarget(target)}" is not a URL.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new TypeError(`Forward target ${describeTarget(target)} must be http(s).`);
  }
}

/** A target for logs and /admin: scheme, host and port only (webhook URLs often carry a secret in the path). */
export function describeTarget(target: string): string {
  try {
    return new URL(target).origin;
  } catch {
    return '(invalid URL)';
  }
}

/** The jobs one stored lead needs: one per `--forward` URL, plus `--notify-urgent` when urgent. */
export function forwardJobsFor(
  options: ForwardOptions | undefined,
  lead: { urgent: boolean },
  body: (event: 'lead.created' | 'lead.urgent') => string,
  createdAt: string,
): NewForwardJob[] {
  if (!options) return [];
  const jobs: NewForwardJob[] = (options.urls ?? []).map((target) => ({
    id: randomUUID(),
    target,
    kind: 'forward',
    urgent: lead.urgent,
    body: body('lead.created'),
    createdAt,
  }));
  if (lead.urgent && options.notifyUrgent) {
    jobs.push({ id: randomUUID(), target: options.notifyUrgent, kind: 'urgent', urgent: true, body: body('lead.urgent'), createdAt });
  }
  return jobs;
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

type Outcome = { ok: true; status: number } | { ok: false; retry: boolean; reason: string; retryAfterMs?: number | undefined };

/**
 * The delivery worker: leases due jobs from the store (urgent first), POSTs each with its
 * signature, and records the outcome. Network errors, timeouts, 408, 429 and 5xx are retried
 * with exponential backoff (or the consumer's Retry-After); a redirect is never a delivery and is
 * retried the same way, so that the operator sees it; other 4xx go to the dead-letter list at
 * once. After `maxAttempts` a job is dead: /admin lists it with a retry button.
 */
export class Forwarder {
  readonly #store: LeadStore;
  readonly #options: Required<Omit<ForwardOptions, 'notifyUrgent' | 'urls'>>;
  readonly #logger: ReceiverLogger;
  readonly #now: () => Date;
  readonly #inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #timer: NodeJS.Timeout | undefined;
  #claiming = false;
  #pumping: Promise<void> | undefined;
  #again = false;
  #stopping = false;

  constructor(store: LeadStore, options: ForwardOptions, logger: ReceiverLogger = silentLogger, now: () => Date = () => new Date()) {
    checkForwardOptions(options);
    this.#store = store;
    this.#logger = logger;
    this.#now = now;
    this.#options = {
      secret: options.secret,
      maxAttempts: options.maxAttempts ?? 8,
      baseDelayMs: options.baseDelayMs ?? 2000,
      maxDelayMs: options.maxDelayMs ?? 15 * 60_000,
      timeoutMs: options.timeoutMs ?? 10_000,
      concurrency: Math.max(1, options.concurrency ?? 4),
      pollMs: options.pollMs ?? 1000,
    };
  }

  start(): void {
    if (this.#timer || this.#stopping) return;
    this.#timer = setInterval(() => this.kick(), this.#options.pollMs);
    this.#timer.unref();
    this.kick();
  }

  /** Looks for due jobs now (called after each stored lead). */
  kick(): void {
    if (this.#stopping) return;
    if (this.#claiming) {
      this.#again = true;
      return;
    }
    this.#pumping = this.#pump();
  }

  #release(job: ForwardJob): Promise<void> {
    return this.#store.failForwardJob(job.id, {
      attempts: job.attempts,
      nextAttemptAt: this.#now().toISOString(),
      lastError: 'interrupted by shutdown',
      dead: false,
    });
  }

  async #pump(): Promise<void> {
    this.#claiming = true;
    try {
      do {
        this.#again = false;
        const free = this.#options.concurrency - this.#inFlight.size;
        if (free <= 0 || this.#stopping) break;
        const now = this.#now();
        const leaseUntil = new Date(now.getTime() + this.#options.timeoutMs * 2 + 5000).toISOString();
        let jobs: ForwardJob[];
        try {
          jobs = await this.#store.claimForwardJobs(now.toISOString(), leaseUntil, free);
        } catch (error) {
          this.#logger.warn('forward.claim-failed', { error: error instanceof Error ? error.name : 'unknown' });
          break;
        }
        if (this.#stopping) {
          // Claimed while shutting down: hand them back rather than let the lease run out.
          for (const job of jobs) await this.#release(job);
          break;
        }
        for (const job of jobs) this.#launch(job);
        if (jobs.length === free) this.#again = true;
      } while (this.#again && !this.#stopping);
    } finally {
      this.#claiming = false;
    }
  }

  #launch(job: ForwardJob): void {
    const controller = new AbortController();
    const done = this.#deliver(job, controller.signal)
      .catch((error: unknown) => {
        this.#logger.error('forward.record-failed', { job: job.id, error: error instanceof Error ? error.name : 'unknown' });
      })
      .finally(() => {
        this.#inFlight.delete(job.id);
        this.kick();
      });
    this.#inFlight.set(job.id, { controller, done });
  }

  async #send(job: ForwardJob, signal: AbortSignal): Promise<Outcome> {
    const timestamp = Math.floor(this.#now().getTime() / 1000);
    let response: Response;
    try {
      response = await fetch(job.target, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': `hearth-lead-receiver/${RECEIVER_VERSION}`,
          'idempotency-key': job.idempotencyKey,
          'hearth-signature': signPayload(this.#options.secret, job.body, timestamp),
          'hearth-event': job.kind === 'urgent' ? 'lead.urgent' : 'lead.created',
          'hearth-delivery': job.id,
        },
        body: job.body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.#options.timeoutMs)]),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      return { ok: false, retry: true, reason: name === 'TimeoutError' ? 'timeout' : typeof code === 'string' ? code : name };
    }
    // The body is the consumer's business (and may echo personal data): drain it unread.
    await response.body?.cancel().catch(() => {});
    const { status } = response;
    if (status >= 200 && status < 300) return { ok: true, status };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#now().getTime());
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      let where = '(no Location)';
      if (location) {
        try {
          where = new URL(location, job.target).origin;
        } catch {
          where = '(invalid Location)';
        }
      }
      this.#logger.error('forward.redirect', { job: job.id, status, target: describeTarget(job.target), location: where });
      return { ok: false, retry: true, reason: `redirect ${status} to ${where}`, retryAfterMs };
    }
    if (status === 408 || status === 429 || status >= 500) return { ok: false, retry: true, reason: `HTTP ${status}`, retryAfterMs };
    return { ok: false, retry: false, reason: `HTTP ${status}` };
  }

  async #deliver(job: ForwardJob, signal: AbortSignal): Promise<void> {
    const outcome = await this.#send(job, signal);
    const attempts = job.attempts + 1;
    const fields = { job: job.id, idempotencyKey: job.idempotencyKey, kind: job.kind, target: describeTarget(job.target), attempts };
    if (outcome.ok) {
      await this.#store.completeForwardJob(job.id, this.#now().toISOString());
      this.#logger.info('forward.delivered', { ...fields, status: outcome.status });
      return;
    }
    if (signal.aborted && this.#stopping) {
      // Interrupted by shutdown: not the consumer's fault; due again at once on the next start.
      await this.#release(job);
      return;
    }
    const dead = !outcome.retry || attempts >= this.#options.maxAttempts;
    const backoff = Math.min(this.#options.maxDelayMs, this.#options.baseDelayMs * 2 ** (attempts - 1)) * (0.8 + Math.random() * 0.4);
    const delay = outcome.retryAfterMs !== undefined ? Math.min(outcome.retryAfterMs, this.#options.maxDelayMs) : backoff;
    const nextAttemptAt = new Date(this.#now().getTime() + Math.round(delay)).toISOString();
    await this.#store.failForwardJob(job.id, { attempts, nextAttemptAt, lastError: outcome.reason, dead });
    if (dead) this.#logger.error('forward.dead', { ...fields, reason: outcome.reason });
    else this.#logger.warn('forward.retry', { ...fields, reason: outcome.reason, inSeconds: Math.round(delay / 1000) });
  }

  /** Stops polling; deliveries in flight are aborted and put back in the queue. */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#timer);
    await this.#pumping;
    for (const { controller } of this.#inFlight.values()) controller.abort();
    await Promise.all([...this.#inFlight.values()].map((f) => f.done));
  }
}
