import { retryableImport } from '@hearth/core';
import type { LeadDelivery, SendLeadOptions } from './outbox.js';
import type { LeadInput } from './schema.js';
import type * as PipelineModule from './pipeline.js';

type LeadPipeline = typeof PipelineModule;

const importPipeline = retryableImport<LeadPipeline>(() => import('./pipeline.js'));
const importLeadForm = retryableImport(() => import('./define.js'));
const logged = new Set<string>();
function errorOnce(message: string): void {
  if (logged.has(message)) return;
  logged.add(message);
  console.error(`[hearth] ${message}`);
}

/**
 * Loads the lead pipeline (schema, outbox, transport: about 10 KB) once per page. A failed load
 * (the network dropped, a chunk missing from the deployment) is not remembered, so the next call
 * tries again (see `retryableImport`).
 */
export function loadLeadPipeline(): Promise<LeadPipeline> {
  return importPipeline();
}

/**
 * Loads and defines `<hearth-lead-form>` once per page (it also brings the lead pipeline). Host
 * widgets call it one step before the form is shown; `LeadFormLoader` does it for them. A failed
 * load is not remembered.
 */
export function loadLeadForm(): Promise<void> {
  return importLeadForm().then(() => undefined);
}

/**
 * The one entry point widgets use to send a lead: loads the lead pipeline if it is not there yet,
 * then hands the lead to the page's durable outbox (see `Outbox`). It emits `hearth-lead-submit`
 * (cancelable), stores the lead on the device, attempts it, and answers:
 * - 'sent': the endpoint acknowledged it (`hearth-lead-submitted`);
 * - 'queued': saved on this device and retried until acknowledged (`hearth-lead-queued`, then
 *   `hearth-lead-submitted` on the widget or on `document` once delivered);
 * - 'failed': refused for good or not sendable (`hearth-lead-error`); `result.fieldErrors` names
 *   the fields. Resending the corrected lead with the same idempotency key is safe. Also 'failed'
 *   (code 'network', nothing stored) when the pipeline itself cannot be loaded: the person keeps
 *   every field and may try again.
 * Never rejects.
 */
export async function sendLead(lead: LeadInput, options: SendLeadOptions): Promise<LeadDelivery> {
  let loaded: LeadPipeline;
  try {
    loaded = await loadLeadPipeline();
  } catch (error) {
    const { source } = options;
    const rawKey = (lead as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    const idempotencyKey = typeof rawKey === 'string' ? rawKey : '';
    const message = `The lead pipeline could not be loaded (${(error as Error).message}); nothing was sent or saved.`;
    errorOnce(`<${source.localName}>: ${message} Deploy every file of Hearth's dist/ folder, and check the network panel.`);
    source.dispatchEvent(
      new CustomEvent('hearth-lead-error', {
        detail: { idempotencyKey, widget: source.localName, code: 'network', retrying: false },
        bubbles: true,
        composed: true,
      }),
    );
    return { status: 'failed', idempotencyKey, result: { ok: false, code: 'network', retryable: true, message }, errorCode: 'network' };
  }
  return loaded.sendLead(lead, options);
}
