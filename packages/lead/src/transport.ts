import type { Lead, LeadFieldError } from './schema.js';
import type { LeadErrorCode } from '../events.js';

/** The outcome of one attempt to deliver a lead. */
export type DeliveryResult =
  | { ok: true; status: number; leadId?: string }
  | {
      ok: false;
      code: Exclude<LeadErrorCode, 'expired' | 'queue-full'>;
      /** Worth trying again later (network error, 408, 429, 5xx). */
      retryable: boolean;
      status?: number;
      /** From a `Retry-After` header, in milliseconds. */
      retryAfterMs?: number;
      /** Field errors the endpoint returned with a 400. */
      fieldErrors?: LeadFieldError[];
      message: string;
    };

/** One small interface between the lead pipeline and the network, so delivery can be made durable or replaced in tests. */
export interface LeadTransport {
  send(lead: Lead, endpoint: string, options?: { keepalive?: boolean; signal?: AbortSignal }): Promise<DeliveryResult>;
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * POSTs the lead as JSON with an `Idempotency-Key` header. No cookies (`credentials: 'omit'`),
 * and only the page's origin as referrer.
 */
export const fetchTransport: LeadTransport = {
  async send(lead, endpoint, options = {}) {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': lead.idempotencyKey },
        body: JSON.stringify(lead),
        credentials: 'omit',
        mode: 'cors',
        cache: 'no-store',
        referrerPolicy: 'strict-origin',
        keepalive: options.keepalive ?? false,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      return { ok: false, code: 'network', retryable: true, message: `The endpoint could not be reached (${(error as Error).message}).` };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.ok) {
      const id = (body as { id?: unknown } | undefined)?.id;
      return { ok: true, status: response.status, ...(typeof id === 'string' || typeof id === 'number' ? { leadId: String(id) } : {}) };
    }
    const status = response.status;
    const retryable = status === 408 || status === 429 || status >= 500;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const errors = (body as { errors?: unknown } | undefined)?.errors;
    const fieldErrors = Array.isArray(errors)
      ? errors.filter((e): e is LeadFieldError => typeof e?.path === 'string' && typeof e?.message === 'string')
      : undefined;
    return {
      ok: false,
      code: retryable ? 'server' : status === 400 || status === 422 ? 'invalid' : 'rejected',
      retryable,
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(fieldErrors?.length ? { fieldErrors } : {}),
      message: `The endpoint answered ${status}.`,
    };
  },
};
