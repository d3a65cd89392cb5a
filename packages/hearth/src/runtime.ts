/**
 * The shared chunk the loader imports first: @hearth/core (and, through it, lit, i18next and
 * zod/mini) plus the registration helpers. Every widget chunk imports its classes from here.
 */
import { HearthProvider, defineElement } from '@hearth/core';
import { resumePendingLeads } from '@hearth/lead';

export { configure, setLocale, VERSION } from '@hearth/core';

// The first widget of a page loads this chunk (hearth.all.js evaluates it once it owns the page):
// leads that earlier visits left queued on the device are sent now. It only looks in storage, and
// loads the lead pipeline only when something waits.
void resumePendingLeads();

/** `[tag suffix, class]` pairs, e.g. `['faq-item', HearthFaqItem]`. */
export type ElementList = readonly (readonly [string, CustomElementConstructor])[];

type Definable = CustomElementConstructor & { define?: (tag: string) => void };

/** Registers `<prefix-provider>`. Call before any widget of that prefix (they consume its context). */
export function defineProvider(prefix: string): void {
  HearthProvider.define(`${prefix}-provider`);
}

/**
 * Registers each class under `<prefix>-<suffix>` through its guarded `define()` (never throws;
 * a clash with another copy warns once; a class already registered under another prefix is
 * registered again as a subclass).
 */
export function defineElements(elements: ElementList, prefix: string): void {
  for (const [suffix, ctor] of elements) {
    const tag = `${prefix}-${suffix}`;
    const definable = ctor as Definable;
    if (typeof definable.define === 'function') definable.define(tag);
    else defineElement(tag, ctor);
  }
}
