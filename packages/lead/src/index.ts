/**
 * @hearth/lead: the lead schema, the durable outbox (and its pure policy), the transport,
 * `<hearth-lead-form>`'s loader and the resume of leads queued on earlier visits. Registers
 * nothing: import `@hearth/lead/hearth-lead-form.js` to define `<hearth-lead-form>`.
 */

// The lead pipeline (schema, outbox, transport) comes from one module that pages load on demand:
// a bundle that uses none of these values leaves all of it out of the first download.
export {
  LeadSchema,
  ContactSchema,
  ConsentSchema,
  SourceSchema,
  AnswersSchema,
  LEAD_SCHEMA_VERSION,
  US_E164,
  validateLead,
  normalizeUsPhone,
  collectSource,
  submitLead,
  newIdempotencyKey,
  fetchTransport,
  parseRetryAfter,
  Outbox,
  KEEPALIVE_BUDGET,
  DEFAULT_POLICY,
  openOutboxStore,
  MemoryOutboxStore,
} from './pipeline.js';
export type { Lead, LeadInput, LeadAnswers, LeadFieldError, LeadValidation } from './schema.js';
export type { SubmitOptions } from './submit.js';
export type { DeliveryResult, LeadTransport } from './transport.js';
export type { LeadDelivery, LeadDeliveryStatus, SendLeadOptions, OutboxOptions, PendingLead, HeldLead } from './outbox.js';
export type { OutboxEntry, OutboxStore, OpenOutboxStoreOptions, HeldState } from './outbox-store.js';
export type { OutboxPolicy, Verdict, ScheduledLead, KeepaliveOptions } from './policy.js';
export type { HearthLeadForm, LeadFormKind, LeadFormOptionalField, LeadFormField, LeadFormStatus } from './hearth-lead-form.js';
export type { HearthLeadNotice } from './hearth-lead-notice.js';
export { DEFAULT_OUTBOX_NAME } from './outbox-names.js';
// Small and loaded with every page that uses them: they load the rest when it is needed.
export { sendLead, loadLeadPipeline, loadLeadForm } from './load.js';
export { hasPendingLeads, resumePendingLeads, type PendingLeadsOptions } from './pending.js';
export { LeadFormLoader } from './lead-form-loader.js';
export { formStyles } from './form-styles.js';
