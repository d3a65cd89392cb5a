/**
 * The lead pipeline: schema and validation, the durable outbox, its stores and the transport.
 * Pages load it on demand (`loadLeadPipeline()`): when a lead is sent, when the lead form loads, or
 * when an earlier visit left a lead waiting on the device. `@hearth/lead` re-exports all of it
 * from here and from nowhere else, so a bundle that does not use these values leaves them out
 * of the first download.
 */
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
} from './schema.js';
export { collectSource } from './source.js';
export { submitLead, newIdempotencyKey } from './submit.js';
export { fetchTransport, parseRetryAfter } from './transport.js';
export { DEFAULT_POLICY } from './policy.js';
export { Outbox, KEEPALIVE_BUDGET, sendLead } from './outbox.js';
export { openOutboxStore, MemoryOutboxStore } from './outbox-store.js';
