/**
 * @hearth/lead-receiver: the reference endpoint for Hearth leads (Hono + SQLite or PostgreSQL).
 *
 * Node only. Schemas come from `@hearth/lead/schema` and scoring from
 * `@hearth/assessment/scoring`, never from the browser entry points.
 */
export {
  startReceiver,
  openStore,
  generateAdminToken,
  DEFAULT_PORT,
  DEFAULT_DB_PATH,
  type ReceiverOptions,
  type RunningReceiver,
} from './server.js';
export { createApp, isTransientStoreError, DEFAULT_BODY_LIMIT, MIN_ADMIN_TOKEN_LENGTH, type AppOptions, type LeadView } from './app.js';
export type {
  LeadStore,
  NewLeadRecord,
  StoredLead,
  InsertResult,
  ListOptions,
  NewForwardJob,
  ForwardJob,
  ForwardJobState,
  ForwardFailure,
  ForwardCounts,
} from './store.js';
export { SqliteLeadStore, SQLITE_SCHEMA_VERSION, SQLITE_BUSY_TIMEOUT_MS, type SqliteLeadStoreOptions } from './sqlite-store.js';
export { PgLeadStore, PG_SCHEMA_VERSION, isPostgresUrl, type PgLeadStoreOptions } from './pg-store.js';
export {
  Forwarder,
  signPayload,
  verifySignature,
  forwardJobsFor,
  parseRetryAfter,
  MIN_FORWARD_SECRET_LENGTH,
  type ForwardOptions,
} from './forwarder.js';
export { stripControl, stripControlDeep, maskPath, csvCell, toCsv } from './sanitize.js';
export { rescoreLead, type Rescore, type ServerScore } from './rescore.js';
export { RateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
export { jsonLogger, silentLogger, type ReceiverLogger, type LogFields, type LogValue } from './logger.js';
export { renderAdminPage, leadsCsv, escapeHtml, type AdminExtras } from './admin.js';
export { RECEIVER_VERSION } from './version.js';
