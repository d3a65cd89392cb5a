import { isAllowedEndpoint } from '@hearth/core/schemas';
import type { HearthEventDetailMap, LeadErrorCode } from '@hearth/core';
import { validateLead, type Lead, type LeadInput } from './schema.js';
import { fetchTransport, type DeliveryResult, type LeadTransport } from './transport.js';
import { registerSharedOutbox } from './pending.js';
import { showHeldLeads } from './held-notice.js';
import {
  DEFAULT_POLICY,
  KEEPALIVE_BUDGET,
  backoffDelay,
  isDue,
  isExpired,
  queueHasRoom,
  retrySchedule,
  selectKeepalive,
  type OutboxPolicy,
} from './policy.js';
import {
  DEFAULT_OUTBOX_NAME,
  MemoryOutboxStore,
  isOutboxEntry,
  openOutboxStore,
  type HeldState,
  type OutboxEntry,
  type OutboxStore,
} from './outbox-store.js';

/** What the person is told after pressing Send. */
export type LeadDeliveryStatus =
  /** The endpoint acknowledged it: say "Sent". */
  | 'sent'
  /** Kept on this device and retried: say "Saved on this device…". */
  | 'queued'
  /** Refused (invalid, 4xx) or not sendable (no endpoint): show what was wrong, keep every field. */
  | 'failed';

export interface LeadDelivery {
  status: LeadDeliveryStatus;
  idempotencyKey: string;
  /** The last attempt (for 'failed' after a 400: `result.fieldErrors` names each field). */
  result: DeliveryResult;
  /**
   * 'queued' only: true when the lead is in IndexedDB or localStorage and survives a reload;
   * false when the browser allows no storage and it lives only as long as this page.
   */
  durable?: boolean;
  /** The code the `hearth-lead-error` event carried ('failed', or 'queued' after a failed attempt). */
  errorCode?: LeadErrorCode;
}

export interface SendLeadOptions {
  endpoint: string | undefined;
  /** The widget that produced the lead: events are dispatched on it (on `document` once it is gone). */
  source: HTMLElement;
  transport?: LeadTransport;
  /**
   * Whether raw answers may travel and be stored with this lead. Default: the source widget's
   * `privacy.includeAnswers` config, else false. Without it, `lead.answers` is removed.
   */
  includeAnswers?: boolean;
  /** Default: the page's shared outbox (`Outbox.shared()`). */
  outbox?: Outbox;
}

export interface OutboxOptions {
  /** IndexedDB database name / localStorage prefix. Default `hearth-outbox`. */
  storeName?: string;
  /** A store, or how to open one (tests, or a host with its own storage). Default: `openOutboxStore()`. */
  store?: OutboxStore | (() => Promise<OutboxStore>);
  transport?: LeadTransport;
  /** Backoff: each retry waits a random time in [0, min(maxDelayMs, baseDelayMs × 2^(attempt−1))] ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is shortened to it. Default 1 hour. */
  maxRetryAfterMs?: number;
  /** An attempt with no answer after this long counts as a network failure. Default 20 s. */
  attemptTimeoutMs?: number;
  /** Leads older than this are held, no longer sent (`hearth-lead-error` code 'expired', `hearth-lead-rejected`). Default 7 days. */
  maxAgeMs?: number;
  /** Queue limits across every tab of the site; a lead beyond them is not queued (code 'queue-full'). */
  maxEntries?: number;
  maxBytes?: number;
  /** Random source in [0, 1) and clock, for tests. */
  random?: () => number;
  now?: () => number;
  /** Where events go once the widget that sent the lead is gone. Default `document`. */
  eventTarget?: EventTarget | null;
  /** Web Locks, so two tabs never send one lead at the same time. Default `navigator.locks`; null for none. */
  locks?: LockManager | null;
}

/** A queued lead as the host may see it: no contact details, no answers. */
export interface PendingLead {
  idempotencyKey: string;
  widget: string;
  endpoint: string;
  attempts: number;
  queuedAt: number;
  nextAttemptAt: number;
  notBefore: number;
  bytes: number;
  lastError?: { code: string; status?: number };
}

/**
 * A lead held on this device (see `Outbox.held()`): refused for good or expired after the person
 * was told it was saved. No contact details, no answers.
 */
export interface HeldLead {
  idempotencyKey: string;
  widget: string;
  reason: HeldState['reason'];
  /** The endpoint's refusal ('rejected'). */
  status?: number;
  /** Whether the lead was urgent: the notice then shows the crisis lines. */
  urgent: boolean;
  queuedAt: number;
  heldAt: number;
}

type Outcome =
  | { kind: 'delivered'; result: DeliveryResult }
  | { kind: 'retry'; result: DeliveryResult }
  | { kind: 'failed'; result: DeliveryResult }
  /** Its endpoint is not allowed: removed. */
  | { kind: 'dropped'; code: 'config' }
  /** Expired (or held by another tab): kept on the device, not retried. */
  | { kind: 'held'; reason: HeldState['reason'] }
  /** Another tab (or outbox) holds this lead's lock: it is being sent there. */
  | { kind: 'busy' }
  /** No longer queued: delivered or dropped elsewhere. */
  | { kind: 'gone' };

const DAY = 24 * 60 * 60 * 1000;
export { KEEPALIVE_BUDGET };

const logged = new Set<string>();
function errorOnce(message: string): void {
  if (logged.has(message)) return;
  logged.add(message);
  console.error(`[hearth] ${message}`);
}

/** Keys this page saw delivered, by any outbox instance (answers "is it sent?" when another instance got there first). */
const deliveredHere = new Set<string>();

function stripAnswers(lead: Lead): Lead {
  const { answers: _answers, ...rest } = lead;
  return rest;
}

function includeAnswersOf(source: HTMLElement): boolean | undefined {
  // Read through the widget's public config: the pipeline never imports HearthElement (nor Lit).
  const config = (source as { hearthConfig?: { privacy?: { includeAnswers?: unknown } } }).hearthConfig;
  const value = config?.privacy?.includeAnswers;
  return typeof value === 'boolean' ? value : undefined;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The attempt timed out.', 'TimeoutError')), ms);
  return controller.signal;
}

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
const OFFLINE_RESULT: DeliveryResult = { ok: false, code: 'network', retryable: true, message: 'The device is offline.' };

/**
 * The durable lead outbox. A lead is written to IndexedDB (or localStorage, or — when the browser
 * allows neither — memory) before the first attempt, and removed only when the endpoint answers
 * 2xx or refuses it for good.
 *
 * - Retries: 408, 429, 5xx, network errors and timeouts, with exponential backoff and full jitter
 *   while the page is open, at once on `online`, and on the next page load of the site that has
 *   any Hearth widget (`resumePendingLeads()`, started by the script-tag runtime, by `<hearth-lead-form>`
 *   and by `@hearth/lead/hearth-lead-form.js`). `Retry-After` is honoured.
 *   On `pagehide` (and when the page is hidden) a last attempt goes out with `fetch(…, { keepalive: true })`,
 *   within the browser's 64 KiB keepalive budget.
 * - One lead, one idempotency key, on every attempt and in every tab; the endpoint deduplicates.
 *   A Web Lock per lead keeps two tabs from sending it at the same time.
 * - A resumed lead goes only to the endpoint stored with it, and only if that endpoint is still
 *   allowed (https:, or http: on loopback).
 * - A permanent refusal (other 4xx) of the first attempt, while the person is at the form, removes
 *   the lead and reports 'failed' with the endpoint's field errors, so the form can show them. The
 *   person corrects and resends: reusing the same key is safe and recommended, because nothing was
 *   stored under it.
 * - A lead the person was told was saved is never deleted in silence: refused for good on a later
 *   attempt, or older than 7 days, it is held on the device (`entry.held`: not retried, not counted
 *   as queued), with one console error, `hearth-lead-error` (not retrying) and
 *   `hearth-lead-rejected`. The next page with any Hearth widget shows `<hearth-lead-notice>`:
 *   how to reach the clinic, "Try sending again" (`retryHeld()`) and "Dismiss" (`dismiss()`).
 * - Limits: at most 20 leads / 512 KB are queued per site (held leads excluded); a lead beyond
 *   them is tried once and never stored (code 'queue-full').
 * - Events (`hearth-lead-queued`, `hearth-lead-submitted`, `hearth-lead-error`,
 *   `hearth-lead-rejected`) carry the idempotency key and the widget tag, never personal data.
 *   They are dispatched on the widget that sent the lead while it is in the page, otherwise on
 *   `document`.
 * - Stored leads hold contact details, consent, source and summary; answers only when the site
 *   turned on `privacy.includeAnswers`.
 */
export class Outbox {
  readonly #options: OutboxPolicy;
  readonly #storeName: string;
  readonly #openStore: () => Promise<OutboxStore>;
  readonly #transport: LeadTransport;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #eventTarget: EventTarget | null;
  readonly #locks: LockManager | null;

  #storePromise: Promise<OutboxStore> | undefined;
  #storeDurable = false;
  #started: Promise<void> | undefined;
  #disposed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** What this outbox knows is queued (mirrors the store; pagehide needs it synchronously). */
  readonly #known = new Map<string, OutboxEntry>();
  /** Held leads (`entry.held`): kept for the person, never attempted on their own. */
  readonly #held = new Map<string, OutboxEntry>();
  /** Keys the store refused to hold (quota): they live in memory only. */
  readonly #volatile = new Set<string>();
  readonly #inflight = new Map<string, Promise<Outcome>>();
  readonly #sources = new Map<string, WeakRef<HTMLElement>>();
  readonly #transports = new Map<string, LeadTransport>();
  readonly #keepaliveAt = new Map<string, number>();
  readonly #listeners: [EventTarget, string, EventListener][] = [];

  constructor(options: OutboxOptions = {}) {
    this.#options = {
      baseDelayMs: options.baseDelayMs ?? DEFAULT_POLICY.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULT_POLICY.maxDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_POLICY.maxRetryAfterMs,
      attemptTimeoutMs: options.attemptTimeoutMs ?? DEFAULT_POLICY.attemptTimeoutMs,
      maxAgeMs: options.maxAgeMs ?? DEFAULT_POLICY.maxAgeMs,
      maxEntries: options.maxEntries ?? DEFAULT_POLICY.maxEntries,
      maxBytes: options.maxBytes ?? DEFAULT_POLICY.maxBytes,
    };
    this.#storeName = options.storeName ?? DEFAULT_OUTBOX_NAME;
    const store = options.store;
    this.#openStore =
      typeof store === 'function' ? store : store ? () => Promise.resolve(store) : () => openOutboxStore({ name: this.#storeName });
    this.#transport = options.transport ?? fetchTransport;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    this.#eventTarget = options.eventTarget === undefined ? (typeof document === 'undefined' ? null : document) : options.eventTarget;
    const pageLocks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    this.#locks = options.locks === undefined ? (pageLocks ?? null) : options.locks;
  }

  // ---------------------------------------------------------------------------------------------
  // The page's shared outbox
  // ---------------------------------------------------------------------------------------------

  static #shared: Outbox | undefined;

  /** The page's outbox, used by `sendLead()`. Options apply only on the first call. */
  static shared(options?: OutboxOptions): Outbox {
    if (!Outbox.#shared) {
      Outbox.#shared = new Outbox(options);
      // From now on, widgets that connect resume this outbox directly (no storage check first).
      registerSharedOutbox(() => Outbox.resume());
    }
    return Outbox.#shared;
  }

  /**
   * Starts the shared outbox once per page: sends what earlier visits left queued and listens for
   * `online` and `pagehide`, and shows `<hearth-lead-notice>` when leads that could not be sent are
   * held on the device (`showHeldLeads()`). Called when a widget connects and leads are waiting on
   * the device (`resumePendingLeads()`), or once the page has a shared outbox; never throws.
   */
  static resume(): void {
    if (typeof window === 'undefined') return;
    try {
      void Outbox.shared().resume();
      void showHeldLeads();
    } catch (error) {
      errorOnce(`The lead outbox could not start: ${(error as Error).message}`);
    }
  }

  /** Tests only: stops the shared outbox so the next `shared()` builds a new one. Queued leads stay stored. */
  static resetShared(): void {
    Outbox.#shared?.dispose();
    Outbox.#shared = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Public API
  // ---------------------------------------------------------------------------------------------

  /** Loads what is queued, attempts it now and listens for `online` / `pagehide`. Idempotent. */
  resume(): Promise<void> {
    this.#started ??= (async () => {
      this.#listen();
      await this.#load();
      await this.#flush(true);
    })().catch((error: unknown) => errorOnce(`The lead outbox could not resume: ${(error as Error).message}`));
    return this.#started;
  }

  /** Attempts every queued lead whose `Retry-After` has passed, ignoring backoff (e.g. a "Retry now" button). */
  async flush(): Promise<void> {
    await this.#load();
    await this.#flush(true);
  }

  /** What is queued, without contact details or answers. */
  async pending(): Promise<PendingLead[]> {
    await this.#load();
    return [...this.#known.values()]
      .sort((a, b) => a.queuedAt - b.queuedAt)
      .map((e) => ({
        idempotencyKey: e.key,
        widget: e.widget,
        endpoint: e.endpoint,
        attempts: e.attempts,
        queuedAt: e.queuedAt,
        nextAttemptAt: e.nextAttemptAt,
        notBefore: e.notBefore,
        bytes: e.bytes,
        ...(e.lastError ? { lastError: { ...e.lastError } } : {}),
      }));
  }

  /** Leads held on this device (refused for good or expired), oldest first, without contact details or answers. */
  async held(): Promise<HeldLead[]> {
    await this.#load();
    return [...this.#held.values()]
      .sort((a, b) => a.queuedAt - b.queuedAt)
      .map((e) => ({
        idempotencyKey: e.key,
        widget: e.widget,
        reason: e.held?.reason ?? 'rejected',
        ...(e.held?.status ? { status: e.held.status } : {}),
        urgent: e.lead.urgent === true,
        queuedAt: e.queuedAt,
        heldAt: e.held?.at ?? e.queuedAt,
      }));
  }

  /**
   * Sends a held lead once more, now, with the same key and body ("Try sending again", for a site
   * that has since fixed its endpoint). 'sent' removes it from the device; any other answer keeps
   * it held, and it is still not retried on its own. Events go to `source` while it is connected.
   */
  async retryHeld(key: string, options: { source?: HTMLElement } = {}): Promise<LeadDelivery> {
    if (options.source) this.#sources.set(key, new WeakRef(options.source));
    const outcome = await this.#withLock(key, true, async (): Promise<Outcome> => {
      const store = await this.#store();
      const entry = await this.#read(key, store, this.#held);
      if (!entry?.held) return { kind: 'gone' };
      if (!isAllowedEndpoint(entry.endpoint)) {
        await this.#drop(entry, store);
        return { kind: 'dropped', code: 'config' };
      }
      const { held, ...pending } = entry;
      const lead = entry.answersAllowed ? entry.lead : stripAnswers(entry.lead);
      const result = await this.#safeSend(this.#transport, lead, entry.endpoint, false);
      if (result.ok) return this.#settle(pending, result, store, false);
      entry.attempts += 1;
      entry.lastError = { code: result.code, ...(result.status ? { status: result.status } : {}) };
      entry.held = {
        reason: result.retryable ? held.reason : 'rejected',
        at: this.#now(),
        ...(result.status ? { status: result.status } : {}),
      };
      this.#held.set(key, entry);
      if (!this.#volatile.has(key)) await store.put(entry).catch(() => {});
      this.#emit(key, 'hearth-lead-error', {
        idempotencyKey: key,
        widget: entry.widget,
        code: result.code,
        retrying: false,
        ...(result.status ? { status: result.status } : {}),
      });
      return { kind: 'failed', result };
    });
    return this.#delivery(key, outcome);
  }

  /** Deletes a held lead from this device (the notice's "Dismiss"). Returns false when no such lead is held. */
  async dismiss(key: string): Promise<boolean> {
    const store = await this.#store();
    const entry = await this.#read(key, store, this.#held);
    if (!entry?.held) return false;
    await this.#forget(key, store);
    return true;
  }

  /** Forgets every queued or held lead on this device (e.g. "remove my details from this shared computer"). Returns how many. */
  async clear(): Promise<number> {
    const store = await this.#store();
    const keys = new Set([...this.#known.keys(), ...this.#held.keys(), ...(await store.list().catch(() => [])).map((e) => e.key)]);
    for (const key of keys) await this.#forget(key, store);
    this.#schedule();
    return keys.size;
  }

  /** Stops timers and listeners and closes the store. Queued leads stay stored for the next page. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    for (const [target, type, listener] of this.#listeners) target.removeEventListener(type, listener);
    this.#listeners.length = 0;
    void this.#storePromise?.then((s) => s.close()).catch(() => {});
  }

  /** See `sendLead()`. */
  async send(input: LeadInput, options: SendLeadOptions): Promise<LeadDelivery> {
    const { source } = options;
    const widget = source.localName;
    const rawKey = (input as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    const key = typeof rawKey === 'string' ? rawKey : '';
    const fire = <K extends keyof HearthEventDetailMap>(name: K, detail: HearthEventDetailMap[K], cancelable = false) =>
      source.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
    const failed = (result: Extract<DeliveryResult, { ok: false }>, code: LeadErrorCode = result.code): LeadDelivery => {
      fire('hearth-lead-error', {
        idempotencyKey: key,
        widget,
        code,
        retrying: false,
        ...(result.status ? { status: result.status } : {}),
      });
      return { status: 'failed', idempotencyKey: key, result, errorCode: code };
    };

    if (!fire('hearth-lead-submit', { idempotencyKey: key, widget }, true)) {
      return {
        status: 'failed',
        idempotencyKey: key,
        result: { ok: false, code: 'rejected', retryable: false, message: 'The page cancelled the submission.' },
      };
    }
    const endpoint = options.endpoint;
    if (!endpoint || !isAllowedEndpoint(endpoint)) {
      const message = endpoint
        ? `The lead endpoint ${endpoint} is not allowed: use https: (http: only on localhost).`
        : 'No lead endpoint is configured: set lead.endpoint in the Hearth config.';
      // The widget reports this one (it knows its tag); logging here too would make two errors.
      return failed({ ok: false, code: 'config', retryable: false, message });
    }
    const checked = validateLead(input);
    if (!checked.ok) {
      return failed({
        ok: false,
        code: 'invalid',
        retryable: false,
        fieldErrors: checked.errors,
        message: `The lead is invalid: ${checked.errors.map((e) => e.path).join(', ')}.`,
      });
    }
    const answersAllowed = options.includeAnswers ?? includeAnswersOf(source) ?? false;
    let lead = checked.lead;
    if (lead.answers && !answersAllowed) {
      // Answers are health data: they leave the page only when the site opted in.
      errorOnce(`<${widget}> put answers in a lead although privacy.includeAnswers is off: they were removed before storing and sending.`);
      lead = stripAnswers(lead);
    }
    void this.resume();
    this.#sources.set(key, new WeakRef(source));
    if (options.transport) this.#transports.set(key, options.transport);

    // Already queued (a second press of Send, or "Try again" on a queued lead): attempt it now.
    const known = this.#known.get(key);
    if (this.#inflight.has(key) || known) {
      if (known && JSON.stringify(known.lead) !== JSON.stringify(lead)) {
        errorOnce(
          `Lead ${key} is already queued with other content; the queued version is kept. A changed lead needs a new idempotency key.`,
        );
      }
      const outcome = await this.#attempt(key, { wait: true });
      return this.#delivery(key, outcome);
    }

    const now = this.#now();
    const entry: OutboxEntry = {
      key,
      endpoint,
      lead,
      widget,
      answersAllowed,
      bytes: utf8Bytes(JSON.stringify(lead)),
      queuedAt: now,
      attempts: 0,
      nextAttemptAt: now,
      notBefore: now,
    };
    let durable = false;
    const first = this.#withLock(key, true, async (): Promise<Outcome | { kind: 'full' }> => {
      const store = await this.#store();
      if (!(await this.#hasRoom(entry, store))) return { kind: 'full' };
      try {
        // Written before the first attempt: if the tab dies mid-request, the next page sends it.
        await store.put(entry);
        durable = store.durable;
      } catch {
        this.#volatile.add(key);
      }
      this.#known.set(key, entry);
      if (offline()) {
        await this.#reschedule(entry, OFFLINE_RESULT, store, true);
        return { kind: 'retry', result: OFFLINE_RESULT };
      }
      return this.#attemptEntry(entry, store, { first: true });
    });
    const tracked = first.then((o) => (o.kind === 'full' ? ({ kind: 'gone' } as Outcome) : o));
    this.#inflight.set(key, tracked);
    let outcome: Outcome | { kind: 'full' };
    try {
      outcome = await first;
    } finally {
      this.#inflight.delete(key);
      this.#schedule();
    }
    if (outcome.kind === 'full') return this.#sendUnqueued(lead, endpoint, key, widget, options.transport);
    if (outcome.kind === 'failed' && !outcome.result.ok && outcome.result.code !== 'invalid') {
      errorOnce(
        `The lead endpoint ${endpoint} refused a lead (${outcome.result.status ?? outcome.result.code}): ${outcome.result.message}`,
      );
    }
    if (outcome.kind === 'failed' && !outcome.result.ok && outcome.result.code === 'invalid') {
      const paths = outcome.result.fieldErrors?.map((e) => e.path).join(', ') || 'no field named';
      errorOnce(`The lead endpoint ${endpoint} refused a lead as invalid (${outcome.result.status}): ${paths}.`);
    }
    const delivery = this.#delivery(key, outcome, durable);
    if (delivery.status === 'queued' && !delivery.durable) {
      // The site owner cannot fix a visitor's storage settings, so this is logged only when it matters.
      errorOnce('A lead could not be saved on this device (storage is blocked or full): it is retried only while this page stays open.');
    }
    return delivery;
  }

  // ---------------------------------------------------------------------------------------------
  // Internals
  // ---------------------------------------------------------------------------------------------

  #store(): Promise<OutboxStore> {
    this.#storePromise ??= this.#openStore()
      // No storage at all: leads still go out and are retried, for as long as the page is open.
      .catch((): OutboxStore => new MemoryOutboxStore())
      .then((store) => {
        this.#storeDurable = store.durable;
        return store;
      });
    return this.#storePromise;
  }

  #delivery(key: string, outcome: Outcome, durable?: boolean): LeadDelivery {
    switch (outcome.kind) {
      case 'delivered':
        return { status: 'sent', idempotencyKey: key, result: outcome.result };
      case 'retry': {
        const result = outcome.result;
        return {
          status: 'queued',
          idempotencyKey: key,
          result,
          durable: durable ?? (!this.#volatile.has(key) && this.#storeDurable),
          ...(!result.ok ? { errorCode: result.code } : {}),
        };
      }
      case 'failed':
        return {
          status: 'failed',
          idempotencyKey: key,
          result: outcome.result,
          ...(!outcome.result.ok ? { errorCode: outcome.result.code } : {}),
        };
      case 'busy':
        return {
          status: 'queued',
          idempotencyKey: key,
          result: { ok: false, code: 'network', retryable: true, message: 'Another tab is sending this lead now.' },
          durable: this.#storeDurable,
        };
      case 'gone':
        if (deliveredHere.has(key)) return { status: 'sent', idempotencyKey: key, result: { ok: true, status: 200 } };
        return {
          status: 'failed',
          idempotencyKey: key,
          result: { ok: false, code: 'rejected', retryable: false, message: 'This lead is no longer queued on this device.' },
        };
      case 'dropped':
        return {
          status: 'failed',
          idempotencyKey: key,
          result: { ok: false, code: 'config', retryable: false, message: 'The lead was dropped (config).' },
          errorCode: 'config',
        };
      case 'held':
        return {
          status: 'failed',
          idempotencyKey: key,
          result: { ok: false, code: 'rejected', retryable: false, message: `The lead is held on this device (${outcome.reason}).` },
          errorCode: outcome.reason,
        };
    }
  }

  /** Counts what every tab has queued; expired leads are dropped first so they do not hold room. */
  async #hasRoom(entry: OutboxEntry, store: OutboxStore): Promise<boolean> {
    let queued: OutboxEntry[];
    try {
      queued = await store.list();
    } catch {
      queued = [...this.#known.values()];
    }
    for (const key of this.#volatile) {
      const v = this.#known.get(key);
      if (v && !queued.some((q) => q.key === key)) queued.push(v);
    }
    const now = this.#now();
    let count = 0;
    let bytes = 0;
    for (const q of queued) {
      // Held leads wait for the person, not for delivery: they take no room in the queue.
      if (q.key === entry.key || q.held) continue;
      if (isExpired(q.queuedAt, now, this.#options.maxAgeMs)) {
        if (!this.#inflight.has(q.key)) await this.#hold(q, 'expired', store);
        continue;
      }
      count++;
      bytes += q.bytes;
    }
    return queueHasRoom({ count, bytes }, entry, this.#options);
  }

  /** The queue is full: one direct attempt, never stored. The person keeps every field if it fails. */
  async #sendUnqueued(lead: Lead, endpoint: string, key: string, widget: string, transport?: LeadTransport): Promise<LeadDelivery> {
    const result = await this.#safeSend(transport ?? this.#transport, lead, endpoint, false);
    if (result.ok) {
      deliveredHere.add(key);
      this.#emit(key, 'hearth-lead-submitted', { idempotencyKey: key, widget, ...(result.leadId ? { leadId: result.leadId } : {}) });
      this.#sources.delete(key);
      return { status: 'sent', idempotencyKey: key, result };
    }
    const code: LeadErrorCode = result.retryable ? 'queue-full' : result.code;
    if (code === 'queue-full') {
      errorOnce(
        `The lead outbox on this device is full (${this.#options.maxEntries} leads or ${Math.round(this.#options.maxBytes / 1024)} KB): a new lead could not be sent or saved. Check that the lead endpoint is reachable.`,
      );
    }
    this.#emit(key, 'hearth-lead-error', {
      idempotencyKey: key,
      widget,
      code,
      retrying: false,
      ...(result.status ? { status: result.status } : {}),
    });
    this.#sources.delete(key);
    return { status: 'failed', idempotencyKey: key, result, errorCode: code };
  }

  async #safeSend(transport: LeadTransport, lead: Lead, endpoint: string, keepalive: boolean): Promise<DeliveryResult> {
    try {
      return await transport.send(lead, endpoint, keepalive ? { keepalive } : { signal: timeoutSignal(this.#options.attemptTimeoutMs) });
    } catch (error) {
      return { ok: false, code: 'network', retryable: true, message: `The attempt failed (${(error as Error).message}).` };
    }
  }

  async #withLock<T>(key: string, wait: boolean, fn: () => Promise<T>): Promise<T | { kind: 'busy' }> {
    const locks = this.#locks;
    if (!locks) return fn();
    let ran = false;
    try {
      return await locks.request(`hearth-lead:${this.#storeName}:${key}`, wait ? {} : { ifAvailable: true }, async (lock) => {
        if (!lock) return { kind: 'busy' as const };
        ran = true;
        return fn();
      });
    } catch (error) {
      // Web Locks can refuse (opaque-origin frames, blocked site data): send without the lock,
      // the idempotency key still keeps the receiver to one row. Errors from fn() itself propagate.
      if (ran) throw error;
      return fn();
    }
  }

  /** One attempt of a queued lead, read fresh from the store under its lock. */
  #attempt(key: string, { wait = false }: { wait?: boolean } = {}): Promise<Outcome> {
    const running = this.#inflight.get(key);
    if (running) return running;
    const attempt = this.#withLock(key, wait, async (): Promise<Outcome> => {
      const store = await this.#store();
      const entry = await this.#read(key, store, this.#known);
      if (!entry) {
        // Delivered (or dropped) by another tab.
        this.#known.delete(key);
        return { kind: 'gone' };
      }
      if (entry.held) {
        // Held by another tab meanwhile: it is not sent on its own any more.
        this.#known.delete(key);
        this.#held.set(key, entry);
        return { kind: 'held', reason: entry.held.reason };
      }
      this.#known.set(key, entry);
      return this.#attemptEntry(entry, store, {});
    })
      .then((outcome) => {
        if (outcome.kind === 'busy') {
          // Being sent elsewhere: look again after a backoff rather than spin.
          const entry = this.#known.get(key);
          if (entry) entry.nextAttemptAt = this.#now() + backoffDelay(Math.max(1, entry.attempts), this.#options, this.#random);
        }
        return outcome;
      })
      .finally(() => {
        this.#inflight.delete(key);
        this.#schedule();
      });
    this.#inflight.set(key, attempt);
    return attempt;
  }

  /** The stored copy of a lead, read fresh (another tab may have changed it); `mirror` when the store cannot tell. */
  async #read(key: string, store: OutboxStore, mirror: Map<string, OutboxEntry>): Promise<OutboxEntry | undefined> {
    if (this.#volatile.has(key) || !store.durable) return mirror.get(key);
    try {
      return await store.get(key);
    } catch {
      return mirror.get(key);
    }
  }

  async #attemptEntry(entry: OutboxEntry, store: OutboxStore, { first = false }: { first?: boolean }): Promise<Outcome> {
    if (this.#disposed) return { kind: 'busy' };
    if (isExpired(entry.queuedAt, this.#now(), this.#options.maxAgeMs)) {
      await this.#hold(entry, 'expired', store);
      return { kind: 'held', reason: 'expired' };
    }
    // Never send a stored lead to an endpoint that is not allowed, whatever wrote it there.
    if (!isAllowedEndpoint(entry.endpoint)) {
      await this.#drop(entry, store);
      return { kind: 'dropped', code: 'config' };
    }
    const lead = entry.answersAllowed ? entry.lead : stripAnswers(entry.lead);
    const result = await this.#safeSend(this.#transports.get(entry.key) ?? this.#transport, lead, entry.endpoint, false);
    return this.#settle(entry, result, store, first);
  }

  async #settle(entry: OutboxEntry, result: DeliveryResult, store: OutboxStore, first: boolean): Promise<Outcome> {
    const { key, widget } = entry;
    // The transport classified the answer (policy.ts: classifyStatus / classifyNetworkError).
    if (result.ok) {
      const announce = !deliveredHere.has(key);
      deliveredHere.add(key);
      await this.#forget(key, store);
      if (announce)
        this.#emit(key, 'hearth-lead-submitted', { idempotencyKey: key, widget, ...(result.leadId ? { leadId: result.leadId } : {}) });
      this.#sources.delete(key);
      return { kind: 'delivered', result };
    }
    if (result.retryable) {
      await this.#reschedule(entry, result, store, first);
      return { kind: 'retry', result };
    }
    if (!first) {
      // The person was told "saved" earlier and may be gone: never delete it in silence. It is held
      // for them, and the next page with a Hearth widget tells them how to reach the clinic.
      await this.#hold(entry, 'rejected', store, result);
      return { kind: 'failed', result };
    }
    // The person is still at the form: they see what was refused and keep every field.
    await this.#forget(key, store);
    this.#emit(key, 'hearth-lead-error', {
      idempotencyKey: key,
      widget,
      code: result.code,
      retrying: false,
      ...(result.status ? { status: result.status } : {}),
    });
    this.#sources.delete(key);
    return { kind: 'failed', result };
  }

  async #reschedule(entry: OutboxEntry, result: DeliveryResult, store: OutboxStore, first: boolean): Promise<void> {
    if (result.ok) return;
    const now = this.#now();
    entry.attempts += 1;
    Object.assign(entry, retrySchedule(now, entry.attempts, result.retryAfterMs, this.#options, this.#random));
    entry.lastError = { code: result.code, ...(result.status ? { status: result.status } : {}) };
    this.#known.set(entry.key, entry);
    if (!this.#volatile.has(entry.key)) {
      try {
        // Only if it is still there: another tab may have delivered it meanwhile.
        if (!store.durable || (await store.get(entry.key))) await store.put(entry);
      } catch {
        // The copy in memory keeps the schedule; the stored copy still holds the lead.
      }
    }
    const detail = { idempotencyKey: entry.key, widget: entry.widget };
    if (first) this.#emit(entry.key, 'hearth-lead-queued', detail);
    this.#emit(entry.key, 'hearth-lead-error', {
      ...detail,
      code: result.code,
      retrying: true,
      ...(result.status ? { status: result.status } : {}),
    });
  }

  async #forget(key: string, store: OutboxStore): Promise<void> {
    this.#known.delete(key);
    this.#held.delete(key);
    this.#volatile.delete(key);
    this.#transports.delete(key);
    this.#keepaliveAt.delete(key);
    try {
      await store.delete(key);
    } catch (error) {
      // A stale copy is harmless: the next attempt carries the same key and the endpoint deduplicates.
      errorOnce(`A delivered lead could not be removed from this device's outbox (${(error as Error).message}).`);
    }
  }

  /** A stored lead whose endpoint is not allowed (tampered storage): it can never be sent, so it goes. */
  async #drop(entry: OutboxEntry, store: OutboxStore): Promise<void> {
    await this.#forget(entry.key, store);
    console.error(
      `[hearth] A lead waiting on this device was dropped: its endpoint ${entry.endpoint} is not allowed (https:, or http: on localhost) (idempotency key ${entry.key}).`,
    );
    this.#emit(entry.key, 'hearth-lead-error', { idempotencyKey: entry.key, widget: entry.widget, code: 'config', retrying: false });
    this.#sources.delete(entry.key);
  }

  /**
   * Refused for good (`result`) or expired: kept on the device but no longer attempted. One console
   * error for the site owner, `hearth-lead-error` (not retrying) and `hearth-lead-rejected`.
   */
  async #hold(entry: OutboxEntry, reason: HeldState['reason'], store: OutboxStore, result?: DeliveryResult): Promise<void> {
    const { key, widget } = entry;
    // Once per lead: a send, a flush and a read of the store can each find it expired at once.
    if (this.#holding.has(key) || this.#held.has(key)) return;
    this.#holding.add(key);
    try {
      await this.#holdOnce(entry, key, widget, reason, store, result);
    } finally {
      this.#holding.delete(key);
    }
  }

  readonly #holding = new Set<string>();

  async #holdOnce(
    entry: OutboxEntry,
    key: string,
    widget: string,
    reason: HeldState['reason'],
    store: OutboxStore,
    result?: DeliveryResult,
  ): Promise<void> {
    const status = result && !result.ok ? result.status : undefined;
    const held: OutboxEntry = { ...entry, held: { reason, at: this.#now(), ...(status ? { status } : {}) } };
    this.#known.delete(key);
    this.#transports.delete(key);
    this.#keepaliveAt.delete(key);
    if (!this.#volatile.has(key)) {
      try {
        // Only if it is still there: another tab may have delivered it meanwhile.
        if (store.durable && !(await store.get(key))) return;
        await store.put(held);
      } catch {
        // The copy in memory still tells this page's notice.
      }
    }
    this.#held.set(key, held);
    const paths = result && !result.ok ? result.fieldErrors?.map((e) => e.path).join(', ') : undefined;
    const why =
      reason === 'expired'
        ? `could not be delivered to ${entry.endpoint} within ${Math.round(this.#options.maxAgeMs / DAY)} days`
        : `was refused by the lead endpoint ${entry.endpoint} (${status ?? (result && !result.ok ? result.code : reason)})${paths ? `: ${paths}` : ''}`;
    console.error(
      `[hearth] Queued lead ${key} ${why}. It is kept on this device and no longer retried; the person is told on their next page with Hearth and may send it again once the endpoint is fixed.`,
    );
    const code: LeadErrorCode = reason === 'expired' ? 'expired' : result && !result.ok ? result.code : 'rejected';
    this.#emit(key, 'hearth-lead-error', { idempotencyKey: key, widget, code, retrying: false, ...(status ? { status } : {}) });
    this.#emit(key, 'hearth-lead-rejected', {
      idempotencyKey: key,
      widget,
      reason,
      ...(status ? { status } : {}),
    });
    this.#sources.delete(key);
  }

  #emit<K extends 'hearth-lead-queued' | 'hearth-lead-submitted' | 'hearth-lead-error' | 'hearth-lead-rejected'>(
    key: string,
    name: K,
    detail: HearthEventDetailMap[K],
  ): void {
    const source = this.#sources.get(key)?.deref();
    const target = source?.isConnected ? source : this.#eventTarget;
    target?.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /**
   * Reads the store into memory: entries from earlier pages and other tabs join; expired ones are
   * held. One read at a time: two at once (resume() and held() on a new page) would each find an
   * expired lead and report it twice.
   */
  #load(): Promise<void> {
    const next = this.#loading.then(() => this.#loadOnce());
    this.#loading = next.catch(() => undefined);
    return next;
  }

  #loading: Promise<void> = Promise.resolve();

  async #loadOnce(): Promise<void> {
    const store = await this.#store();
    this.#storeDurable = store.durable;
    let stored: unknown[];
    try {
      stored = await store.list();
    } catch (error) {
      errorOnce(`The lead outbox could not be read (${(error as Error).message}).`);
      return;
    }
    const seen = new Set<string>();
    const now = this.#now();
    for (const value of stored) {
      if (!isOutboxEntry(value)) continue;
      seen.add(value.key);
      if (value.held) {
        this.#known.delete(value.key);
        this.#held.set(value.key, value);
        continue;
      }
      this.#held.delete(value.key);
      if (this.#inflight.has(value.key)) continue;
      if (isExpired(value.queuedAt, now, this.#options.maxAgeMs)) {
        await this.#hold(value, 'expired', store);
        continue;
      }
      if (value.lead.answers && !value.answersAllowed) value.lead = stripAnswers(value.lead);
      const mine = this.#known.get(value.key);
      // Keep this page's schedule for leads it already knows; adopt the rest.
      this.#known.set(
        value.key,
        mine ? { ...value, nextAttemptAt: mine.nextAttemptAt, notBefore: Math.max(mine.notBefore, value.notBefore) } : value,
      );
    }
    if (store.durable) {
      for (const key of [...this.#known.keys()]) {
        if (!seen.has(key) && !this.#volatile.has(key) && !this.#inflight.has(key)) this.#known.delete(key);
      }
      for (const key of [...this.#held.keys()]) if (!seen.has(key) && !this.#volatile.has(key)) this.#held.delete(key);
    }
  }

  /** Attempts every lead that is due (one at a time), then sets the timer for the next. */
  async #flush(ignoreBackoff: boolean): Promise<void> {
    if (this.#disposed) return;
    // Offline: wait for the `online` event rather than fail fast in a loop.
    if (offline()) return;
    const now = this.#now();
    const due = [...this.#known.values()]
      .filter((e) => !this.#inflight.has(e.key) && isDue(e, now, ignoreBackoff))
      .sort((a, b) => a.queuedAt - b.queuedAt);
    for (const entry of due) {
      if (this.#disposed) return;
      await this.#attempt(entry.key);
    }
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#disposed || offline()) return;
    let due = Infinity;
    for (const e of this.#known.values()) {
      if (!this.#inflight.has(e.key)) due = Math.min(due, Math.max(e.nextAttemptAt, e.notBefore));
    }
    if (due === Infinity) return;
    this.#timer = setTimeout(() => void this.#flush(false), Math.min(2 ** 31 - 1, Math.max(0, due - this.#now())));
  }

  #listen(): void {
    if (typeof window === 'undefined' || this.#listeners.length) return;
    const on = (target: EventTarget, type: string, listener: EventListener) => {
      target.addEventListener(type, listener);
      this.#listeners.push([target, type, listener]);
    };
    on(window, 'online', () => void this.flush());
    on(window, 'pagehide', () => this.#lastChance(true));
    if (typeof document !== 'undefined') {
      on(document, 'visibilitychange', () => {
        if (document.visibilityState === 'hidden') this.#lastChance(false);
      });
    }
  }

  /**
   * The page may be going away: send what is due with `keepalive`, which outlives the page,
   * synchronously and within the browser's 64 KiB budget. Normal requests in flight are cancelled
   * on unload, so on `pagehide` they are sent again too (the endpoint deduplicates).
   */
  #lastChance(includeInFlight: boolean): void {
    if (this.#disposed) return;
    const now = this.#now();
    const chosen = selectKeepalive(this.#known.values(), {
      now,
      maxAgeMs: this.#options.maxAgeMs,
      inFlight: new Set(this.#inflight.keys()),
      includeInFlight,
      lastKeepaliveAt: this.#keepaliveAt,
    });
    for (const entry of chosen) {
      this.#keepaliveAt.set(entry.key, now);
      const lead = entry.answersAllowed ? entry.lead : stripAnswers(entry.lead);
      // fetch() starts synchronously inside send(), before the page can be frozen.
      void this.#safeSend(this.#transports.get(entry.key) ?? this.#transport, lead, entry.endpoint, true).then(async (result) => {
        // If the page lived on (hidden, or restored from the back/forward cache), settle as usual;
        // a retryable failure changes nothing, the schedule already holds the lead.
        if (result.ok ? deliveredHere.has(entry.key) : result.retryable || !this.#known.has(entry.key)) return;
        await this.#settle(entry, result, await this.#store(), false);
      });
    }
  }
}

/**
 * The one entry point widgets use to send a lead. It emits `hearth-lead-submit` (cancelable),
 * stores the lead in the device's outbox, attempts it, and answers:
 * - 'sent': the endpoint acknowledged it (`hearth-lead-submitted`);
 * - 'queued': saved on this device and retried until acknowledged (`hearth-lead-queued`, then
 *   `hearth-lead-submitted` on the widget or on `document` once delivered);
 * - 'failed': refused for good or not sendable (`hearth-lead-error`); `result.fieldErrors` names
 *   the fields. Resending the corrected lead with the same idempotency key is safe.
 */
export function sendLead(lead: LeadInput, options: SendLeadOptions): Promise<LeadDelivery> {
  return (options.outbox ?? Outbox.shared()).send(lead, options);
}
