/**
 * @hearth/lead-receiver: the reference endpoint for Hearth leads (Hono + SQLite).
 *
 * Node only. Schemas come from `@hearth/core/schemas` and scoring from
 * `@hearth/assessment/scoring`, never from the browser entry points.
 */
export { startReceiver, generateAdminToken, DEFAULT_PORT, DEFAULT_DB_PATH, type ReceiverOptions, type RunningReceiver } from './server.js';
export { createApp, DEFAULT_BODY_LIMIT, MIN_ADMIN_TOKEN_LENGTH, type AppOptions, type LeadView } from './app.js';
export type { LeadStore, NewLeadRecord, StoredLead, InsertResult, ListOptions } from './store.js';
export { SqliteLeadStore, SQLITE_SCHEMA_VERSION, type SqliteLeadStoreOptions } from './sqlite-store.js';
export { rescoreLead, type Rescore, type ServerScore } from './rescore.js';
export { RateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';
export { jsonLogger, silentLogger, type ReceiverLogger, type LogFields, type LogValue } from './logger.js';
export { renderAdminPage, escapeHtml } from './admin.js';
export { RECEIVER_VERSION } from './version.js';
