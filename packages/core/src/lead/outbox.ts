import type { LeadInput } from './schema.js';
import { submitLead } from './submit.js';
import type { DeliveryResult, LeadTransport } from './transport.js';

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
  result: DeliveryResult;
}

export interface SendLeadOptions {
  endpoint: string | undefined;
  /** The widget that produced the lead: events are dispatched on it. */
  source: HTMLElement;
  transport?: LeadTransport;
}

/**
 * The one entry point widgets use to send a lead. It emits `hearth-lead-submit` (cancelable),
 * then `hearth-lead-submitted` or `hearth-lead-error`, with the idempotency key and no personal data.
 *
 * NOTE: the durable outbox (IndexedDB, retries with backoff, `online`, next page load, pagehide)
 * replaces the body of this function; its signature and statuses stay.
 */
export async function sendLead(lead: LeadInput, options: SendLeadOptions): Promise<LeadDelivery> {
  const { source } = options;
  const key = lead.idempotencyKey;
  const widget = source.localName;
  const fire = (name: string, detail: object, cancelable = false) =>
    source.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  if (!fire('hearth-lead-submit', { idempotencyKey: key, widget }, true)) {
    const result: DeliveryResult = { ok: false, code: 'rejected', retryable: false, message: 'The page cancelled the submission.' };
    return { status: 'failed', idempotencyKey: key, result };
  }
  const result = await submitLead(lead, { endpoint: options.endpoint, ...(options.transport ? { transport: options.transport } : {}) });
  if (result.ok) {
    fire('hearth-lead-submitted', { idempotencyKey: key, widget, ...(result.leadId ? { leadId: result.leadId } : {}) });
    return { status: 'sent', idempotencyKey: key, result };
  }
  fire('hearth-lead-error', { idempotencyKey: key, widget, code: result.code, retrying: false, ...(result.status ? { status: result.status } : {}) });
  return { status: 'failed', idempotencyKey: key, result };
}
