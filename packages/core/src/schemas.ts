/**
 * The DOM-free part of @hearth/core: schemas and validation only (no Lit, no browser globals),
 * for Node (the lead receiver) and pure logic (coverage rules, scoring).
 */
export * from './config/schema.js';
export * from './config/coverage-schema.js';
export * from './config/us-states.js';
export * from './config/errors.js';
export * from './config/endpoint.js';
export * from './config/merge.js';
export { resolveConfig, DEFAULT_CONFIG, type ConfigResult } from './config/resolve.js';
