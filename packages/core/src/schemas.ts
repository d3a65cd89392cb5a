/**
 * The DOM-free part of @hearth/core: schemas and validation only (no Lit, no browser globals),
 * for Node (the lead receiver) and pure logic (coverage rules, scoring). Domain packages register
 * their config sections and lead summaries here (`registerConfigSection`, `registerSummarySchema`).
 */
export * from './config/schema.js';
export * from './config/registry.js';
export * from './config/us-states.js';
export * from './config/errors.js';
export * from './config/endpoint.js';
export * from './config/merge.js';
export * from './config/docs.js';
export { resolveConfig, defaultConfig, type ConfigResult } from './config/resolve.js';
