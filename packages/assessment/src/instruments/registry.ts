/**
 * Which instruments a flow (and the receiver) can use, by id. Pure: no Lit, no DOM.
 *
 * - The PC-PTSD-5 and the PCL-5 are always here (their wording is in the translation files).
 * - The PHQ-9 is built in but loads on demand (`loadInstrument('phq-9')`), so a PTSD page never
 *   downloads it; its scoring shape is here at once, so the receiver scores it synchronously.
 * - A partner adds its own with `registerInstrument(definition)` (or config
 *   `assessment.definitions`): a JSON definition with its wording inline.
 *
 * @module
 */
import { pcPtsd5Instrument } from './pc-ptsd-5.js';
import { pcl5Instrument } from './pcl-5.js';
import { phq9Items, phq9Scoring } from './bands.js';
import type { InstrumentDefinition, InstrumentScoring } from './types.js';

const registered = new Map<string, InstrumentDefinition>([
  [pcPtsd5Instrument.id, pcPtsd5Instrument],
  [pcl5Instrument.id, pcl5Instrument],
]);

/** Built-ins whose full definition (with wording in two languages) loads only when asked for. */
const lazy: Readonly<Record<string, () => Promise<InstrumentDefinition>>> = {
  'phq-9': () => import('./phq-9.js').then((mod) => mod.phq9Instrument),
};

/** What scoring needs of the lazy built-ins, for the receiver (no wording). */
const scoringShapes: Readonly<Record<string, ScoringShape>> = {
  'phq-9': { id: 'phq-9', abbreviation: 'PHQ-9', items: phq9Items, scoring: phq9Scoring, safetyItem: 'phq9-9' },
};

/** The parts of a definition that scoring reads. */
export interface ScoringShape {
  readonly id: string;
  readonly abbreviation: string;
  readonly items: readonly { readonly id: string }[];
  readonly gate?: { readonly id: string };
  readonly scoring: InstrumentScoring;
  readonly safetyItem?: string;
  readonly options?: InstrumentDefinition['options'];
}

const listeners = new Set<() => void>();

/** The ids a flow can use now or after `loadInstrument()`. */
export function instrumentIds(): string[] {
  return [...new Set([...registered.keys(), ...Object.keys(lazy)])];
}

/** The full definition, if it is registered or already loaded. */
export function instrumentById(id: string): InstrumentDefinition | undefined {
  return registered.get(id);
}

/** What scoring needs: the full definition, or a lazy built-in's scoring shape. */
export function scoringShapeById(id: string): ScoringShape | undefined {
  return registered.get(id) ?? scoringShapes[id];
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
const SCORING_KINDS = ['count-yes', 'sum', 'sum-bands'];

/**
 * Registers a partner's instrument (a JSON-serialisable definition, wording inline per language)
 * so that `assessment.instrument: "<id>"` runs it and the receiver re-scores it. Registering the
 * same definition twice is a no-op; a built-in id cannot be replaced.
 *
 * @throws {TypeError} with one sentence per problem when the definition cannot run as a flow.
 */
export function registerInstrument(definition: InstrumentDefinition): void {
  const problems = definitionProblems(definition);
  if (problems.length) {
    const name = typeof definition?.id === 'string' ? `"${definition.id}"` : 'an instrument';
    throw new TypeError(`Cannot register ${name}: ${problems.join('; ')}.`);
  }
  const existing = registered.get(definition.id);
  if (existing && JSON.stringify(existing) === JSON.stringify(definition)) return;
  if (existing || definition.id in lazy)
    throw new TypeError(`Cannot register "${definition.id}": that id is already taken by another definition.`);
  registered.set(definition.id, definition);
  notify();
}

/** What stops a definition from running as a flow, in words a partner can act on (scoring itself is checked by `scoreInstrument`). */
export function definitionProblems(definition: InstrumentDefinition): string[] {
  const problems: string[] = [];
  if (typeof definition !== 'object' || definition === null) return ['it must be an object'];
  const { id, items, options, scoring, languages } = definition;
  if (typeof id !== 'string' || !ID.test(id)) problems.push('id must be lowercase letters, digits and hyphens, starting with a letter');
  for (const field of ['version', 'name', 'abbreviation', 'citation'] as const) {
    if (typeof definition[field] !== 'string' || definition[field] === '') problems.push(`${field} must be a non-empty string`);
  }
  if (!Array.isArray(items) || items.length === 0) problems.push('items must list at least one item');
  if (!Array.isArray(options) || options.length < 2) problems.push('options must list at least two answers');
  if (typeof scoring !== 'object' || scoring === null || !SCORING_KINDS.includes(scoring.kind)) {
    problems.push(`scoring.kind must be one of ${SCORING_KINDS.join(', ')}`);
  }
  if (typeof definition.minutes !== 'number' || !(definition.minutes > 0)) problems.push('minutes must be a positive number');
  if (typeof languages !== 'object' || languages === null || !languages.en) {
    problems.push('languages.en is required (status, source and wording)');
    return problems;
  }
  for (const [lang, language] of Object.entries(languages)) {
    if (language.status !== 'official' && language.status !== 'unvalidated') {
      problems.push(`languages.${lang}.status must be "official" or "unvalidated"`);
    }
    if (typeof language.source !== 'string' || language.source === '')
      problems.push(`languages.${lang}.source must say where the wording comes from`);
    const count = (list: unknown): number => (Array.isArray(list) ? list.filter((s) => typeof s === 'string' && s !== '').length : 0);
    if (Array.isArray(items) && count(language.items) !== items.length)
      problems.push(`languages.${lang}.items must hold ${items.length} texts`);
    if (Array.isArray(options) && count(language.options) !== options.length) {
      problems.push(`languages.${lang}.options must hold ${options.length} labels`);
    }
    if (definition.followUp && count(language.followUp?.options) !== definition.followUp.options.length) {
      problems.push(`languages.${lang}.followUp must hold its text and ${definition.followUp.options.length} labels`);
    }
  }
  if (definition.safetyItem !== undefined && !(Array.isArray(items) && items.some((item) => item.id === definition.safetyItem))) {
    problems.push(`safetyItem "${String(definition.safetyItem)}" is not one of the items`);
  }
  return problems;
}
