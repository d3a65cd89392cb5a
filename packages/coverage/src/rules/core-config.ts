/**
 * The one place where the rules reach into `@hearth/core`: its DOM-free `./schemas` entry, so the
 * rules stay pure (no Lit, no DOM, runnable in Node). The coverage config's own schema is
 * `../schema.ts`.
 *
 * @module
 */
export { isUsStateCode, unknownUsStateCodeMessage, US_STATE_CODES } from '@hearth/core/schemas';
export type { UsStateCode } from '@hearth/core/schemas';
