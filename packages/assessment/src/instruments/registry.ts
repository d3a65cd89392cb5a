/**
 * Which instruments a flow (and the receiver) can use, by id. Pure: no Lit, no DOM.
 *
 * - The PC-PTSD-5 (the default) is always here (its wording is in the translation files).
 * - The PCL-5 and the PHQ-9 are built in but load on demand (`loadInstrument(id)`), so a page
 *   that does not use them never downloads them; the receiver scores them synchronously through
 *   `scoringShapeById` (check.ts).
 * - A partner adds its own with `registerInstrument(definition)` (or config
 *   `assessment.definitions`): a JSON definition with its wording inline, checked in full first.
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

/**
 * Adds a partner's instrument that `registerInstrument()` (check.ts) has checked in full, so that
 * `assessment.instrument: "<id>"` runs it. Registering the same definition twice is a no-op; a
 * built-in id cannot be replaced. The check lives in check.ts, which the widget loads only when a
 * config lists `assessment.definitions`, so that a page without them never downloads it.
 *
 * @throws {TypeError} when the id is taken.
 */
export function addInstrument(definition: InstrumentDefinition): void {
  const { id } = definition;
  const existing = registered.get(id);
  if (existing && JSON.stringify(existing) === JSON.stringify(definition)) return;
  if (existing || id in lazy) throw new TypeError(`Cannot register "${id}": that id is taken.`);
  registered.set(id, definition);
  notify();
}
