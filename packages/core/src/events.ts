/**
 * Every Hearth event name and its `detail`. Widget packages add theirs by declaration merging:
 *
 *   declare module '@hearth/core' { interface HearthEventDetailMap { 'hearth-faq-toggle': {...} } }
 *
 * Details never carry answers or contact details (see STYLE.md, "Events").
 */
export interface HearthEventDetailMap {
  /**
   * A call to action was used, e.g. "Start the free assessment". Cancelable: a listener that handles
   * it (the assessment scrolls itself into view) cancels it, and the link does not navigate.
   * `widget` is the emitter (`guide`, `coverage`), `action` what it asks for (`assessment`).
   */
  'hearth-cta': { widget: string; action: string; href?: string };
  /** A lead was written to the device's outbox and will be sent (or retried). */
  'hearth-lead-queued': { idempotencyKey: string; widget: string };
  /** Cancelable: the host may veto the submission, or enrich `detail.lead` before it is queued. */
  'hearth-lead-submit': { idempotencyKey: string; widget: string };
  /** The endpoint acknowledged the lead. */
  'hearth-lead-submitted': { idempotencyKey: string; widget: string; leadId?: string };
  /** Delivery failed: `retrying` true means it stays queued and will be retried. */
  'hearth-lead-error': { idempotencyKey: string; widget: string; code: LeadErrorCode; retrying: boolean; status?: number };
  /**
   * A lead the person was told was saved can no longer go out on its own: the endpoint refused it
   * for good (`reason: 'rejected'`, with the HTTP `status`) or it expired. It stays on the device,
   * held, and the next page with a Hearth widget tells the person how to reach the clinic.
   * No contact details, no answers, not even whether the lead was urgent (that comes from the
   * safety answer, and the event reaches every script of the page).
   */
  'hearth-lead-rejected': { idempotencyKey: string; widget: string; reason: 'rejected' | 'expired'; status?: number };
}

export type LeadErrorCode = 'invalid' | 'rejected' | 'network' | 'server' | 'config' | 'expired' | 'queue-full';

export type HearthEventName = keyof HearthEventDetailMap;
export type HearthEvent<K extends HearthEventName> = CustomEvent<HearthEventDetailMap[K]>;

declare global {
  // Lets `el.addEventListener('hearth-lead-submitted', e => e.detail.leadId)` type-check.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends HearthEventsAsDomMap {}
}

type HearthEventsAsDomMap = { [K in HearthEventName]: HearthEvent<K> };
