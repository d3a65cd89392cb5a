/**
 * The full check of a partner's instrument definition, and the scoring shapes of the lazy
 * built-ins: for `@hearth/assessment/scoring` (the receiver, Node), not the widget's first chunk.
 *
 * @module
 */
import { phq9Items, phq9Scoring } from './bands.js';
import { pcl5Instrument } from './pcl-5.js';
import { addInstrument, instrumentById } from './registry.js';
import type { InstrumentDefinition, InstrumentScoring } from './types.js';

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

/** What scoring needs of the lazy built-ins, for the receiver (no wording). */
const scoringShapes: Readonly<Record<string, ScoringShape>> = {
  'pcl-5': pcl5Instrument,
  'phq-9': { id: 'phq-9', abbreviation: 'PHQ-9', items: phq9Items, scoring: phq9Scoring, safetyItem: 'phq9-9' },
};

/** What scoring needs: the full definition, or a lazy built-in's scoring shape. */
export function scoringShapeById(id: string): ScoringShape | undefined {
  return instrumentById(id) ?? scoringShapes[id];
}

const ID = /^[a-z][a-z0-9-]{0,39}$/;
const SCORING_KINDS = ['count-yes', 'sum', 'sum-bands'];

/**
 * Registers a partner's instrument after checking it in full, so that a flow runs it and the
 * receiver re-scores its answers by id.
 *
 * @throws {TypeError} with one sentence per problem when the definition cannot run as a flow.
 */
export function registerInstrument(definition: InstrumentDefinition): void {
  const problems = definitionProblems(definition);
  if (problems.length) {
    const name = typeof definition?.id === 'string' ? `"${definition.id}"` : 'an instrument';
    throw new TypeError(`Cannot register ${name}: ${problems.join('; ')}.`);
  }
  addInstrument(definition);
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
