import type { Lead, LeadFieldError } from './schema.js';
import type { LeadErrorCode } from '@hearth/core';
import { classifyNetworkError, classifyStatus, parseRetryAfter } from './policy.js';

export { parseRetryAfter };

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
      const { code } = classifyNetworkError();
      return { ok: false, code, retryable: true, message: `The endpoint could not be reached (${(error as Error).message}).` };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const status = response.status;
    const verdict = classifyStatus(status);
    if (verdict.verdict === 'sent') {
      const id = (body as { id?: unknown } | undefined)?.id;
      return { ok: true, status, ...(typeof id === 'string' || typeof id === 'number' ? { leadId: String(id) } : {}) };
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const errors = (body as { errors?: unknown } | undefined)?.errors;
    const fieldErrors = Array.isArray(errors)
      ? errors.filter((e): e is LeadFieldError => typeof e?.path === 'string' && typeof e?.message === 'string')
      : undefined;
    return {
      ok: false,
      code: verdict.code,
      retryable: verdict.verdict === 'retry',
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(fieldErrors?.length ? { fieldErrors } : {}),
      message: `The endpoint answered ${status}.`,
    };
  },
};
