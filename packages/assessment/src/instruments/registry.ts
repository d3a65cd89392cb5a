/**
 * Which instruments a flow (and the receiver) can use, by id. Pure: no Lit, no DOM.
 *
 * - The PC-PTSD-5 (the default) is always here (its wording is in the translation files).
 * - The PCL-5 and the PHQ-9 are built in but load on demand (`loadInstrument(id)`), so a page
 *   that does not use them never downloads them; the receiver scores them synchronously through
 *   `scoringShapeById` (check.ts).
 * - A partner adds its own with `registerInstrument(definition)` (or config
 *   `assessment.definitions`): a JSON definition with its wording inline.
 *
 * @module
 */
import { pcPtsd5Instrument } from './pc-ptsd-5.js';
import type { InstrumentDefinition } from './types.js';

const registered = new Map<string, InstrumentDefinition>([[pcPtsd5Instrument.id, pcPtsd5Instrument]]);

/** Built-ins whose full definition (with wording in two languages) loads only when asked for. */
const lazy: Readonly<Record<string, () => Promise<InstrumentDefinition>>> = {
  'pcl-5': () => import('./pcl-5.js').then((mod) => mod.pcl5Instrument),
  'phq-9': () => import('./phq-9.js').then((mod) => mod.phq9Instrument),
};

const listeners = new Set<() => void>();

/** The ids a flow can use now or after `loadInstrument()`. */
export function instrumentIds(): string[] {
  return [...new Set([...registered.keys(), ...Object.keys(lazy)])];
}

/** The full definition, if it is registered or already loaded. */
export function instrumentById(id: string): InstrumentDefinition | undefined {
  return registered.get(id);
}

/** Whether `id` is a built-in that has to be loaded first. */
export function isLazyInstrument(id: string): boolean {
  return !registered.has(id) && id in lazy;
}

/** Loads a lazy built-in (once) and registers it; resolves to undefined for an unknown id. */
export async function loadInstrument(id: string): Promise<InstrumentDefinition | undefined> {
  const known = registered.get(id);
  if (known) return known;
  const load = lazy[id];
  if (!load) return undefined;
  const definition = await load();
  registered.set(id, definition);
  notify();
  return definition;
}

/** Called after any instrument is registered or loaded (a widget waiting for one re-renders). */
export function onInstrumentsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

const ID = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Registers a partner's instrument (a JSON-serialisable definition, wording inline per language)
 * so that `assessment.instrument: "<id>"` runs it. Registering the same definition twice is a
 * no-op; a built-in id cannot be replaced. The widget checks only what it needs to render (the
 * full check, with one sentence per problem, is `registerInstrument` from
 * `@hearth/assessment/scoring`, which the receiver uses).
 *
 * @throws {TypeError} when the definition cannot run as a flow.
 */
export function addInstrument(definition: InstrumentDefinition): void {
  const en = definition?.languages?.en;
  const id = String(definition?.id);
  if (
    !ID.test(id) ||
    !Array.isArray(definition.items) ||
    en?.items?.length !== definition.items.length ||
    en.options?.length !== definition.options?.length
  ) {
    throw new TypeError(`Cannot register instrument "${id}": it needs an id, items, options and their English wording (languages.en).`);
  }
  const existing = registered.get(id);
  if (existing && JSON.stringify(existing) === JSON.stringify(definition)) return;
  if (existing || id in lazy) throw new TypeError(`Cannot register "${id}": that id is taken.`);
  registered.set(id, definition);
  notify();
}
