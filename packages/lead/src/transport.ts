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

const redirectsReported = new Set<string>();

/** One console error per endpoint that answers with a redirect: the site must fix its URL. */
function reportRedirect(endpoint: string, status: number, location: string | null): void {
  if (redirectsReported.has(endpoint)) return;
  redirectsReported.add(endpoint);
  // Browsers hide where a redirect they did not follow points to; other runtimes show it.
  let target = '';
  try {
    if (location) target = ` to ${new URL(location, endpoint).href}`;
  } catch {
    // An unreadable Location: the network panel still shows it.
  }
  console.error(
    `[hearth] The lead endpoint ${endpoint} answered with a redirect${status ? ` (${status})` : ''}${target}. Hearth never follows a redirect with a lead (it would turn the POST into a GET, or send health data to another address): the lead stays saved on the device and is retried. Set the endpoint to the final URL${target ? '' : ' (the network panel shows where it redirects)'}.`,
  );
}

/**
 * POSTs the lead as JSON with an `Idempotency-Key` header. No cookies (`credentials: 'omit'`),
 * only the page's origin as referrer, and never through a redirect (`redirect: 'manual'`).
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
        redirect: 'manual',
        referrerPolicy: 'strict-origin',
        keepalive: options.keepalive ?? false,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      const { code } = classifyNetworkError();
      return { ok: false, code, retryable: true, message: `The endpoint could not be reached (${(error as Error).message}).` };
    }
    // The browser hides a redirect it did not follow (type "opaqueredirect", status 0).
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      reportRedirect(endpoint, response.status, response.headers.get('location'));
      return { ok: false, code: 'server', retryable: true, message: 'The endpoint answered with a redirect.' };
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
