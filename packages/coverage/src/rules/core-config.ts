/**
 * The one place where the rules reach into `@hearth/core`: its DOM-free `./schemas` entry, so the
 * rules stay pure (no Lit, no DOM, runnable in Node).
 *
 * @module
 */
export { isUsStateCode, unknownUsStateCodeMessage, US_STATE_CODES } from '@hearth/core/schemas';
export type { UsStateCode, CoverageConfig, Payer, ReservedPayerId, SelfPayUnit, StateCoverage } from '@hearth/core/schemas';
