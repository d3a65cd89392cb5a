/**
 * What hearth.all.js evaluates once it knows it owns the page: every element class, the
 * shared runtime, and a helper to register them all under a prefix. Imported dynamically by
 * all.ts, so that a copy that stands down never runs any of it (a module-level registration
 * would otherwise warn a second time). Importing runtime.ts also starts the resume of leads
 * queued on earlier visits.
 */
import { elements } from 'virtual:hearth/all';
import { defineElements } from './runtime.js';

export { configure, setLocale } from './runtime.js';

/** Registers the provider (first in `elements`) and then every widget under `prefix`. */
export function defineAll(prefix: string): void {
  defineElements(elements, prefix);
}
