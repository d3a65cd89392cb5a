/**
 * `registerInstrument()` with the full check of a partner's definition, and the scoring shapes of
 * the lazy built-ins: for `@hearth/assessment/scoring` (the receiver, Node) and the npm entry.
 * The widget runs the same check (definition-problems.ts), loaded only for `assessment.definitions`.
 *
 * @module
 */
import { phq9Items, phq9Scoring } from './bands.js';
import { pcl5Instrument } from './pcl-5.js';
import { addInstrument, instrumentById } from './registry.js';
import { assertDefinition } from './definition-problems.js';
import type { InstrumentDefinition, InstrumentScoring } from './types.js';

export { definitionProblems } from './definition-problems.js';

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

/**
 * Registers a partner's instrument after checking it in full, so that a flow runs it and the
 * receiver re-scores its answers by id.
 *
 * @throws {TypeError} with one sentence per problem when the definition cannot run as a flow.
 */
export function registerInstrument(definition: InstrumentDefinition): void {
  assertDefinition(definition);
  addInstrument(definition);
}
