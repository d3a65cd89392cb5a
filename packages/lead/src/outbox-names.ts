/**
 * Names the outbox stores leads under, in a module of their own: the check that runs on every page
 * (`resumePendingLeads()`) reads them without loading the outbox itself.
 */

/** IndexedDB database name and localStorage key prefix of the page's shared outbox. */
export const DEFAULT_OUTBOX_NAME = 'hearth-outbox';
/** The IndexedDB object store that holds one record per lead, keyed by idempotency key. */
export const OUTBOX_OBJECT_STORE = 'leads';
/** localStorage keys are `<name>:<idempotency key>`, one per lead. */
export const localStoragePrefix = (name: string): string => `${name}:`;
