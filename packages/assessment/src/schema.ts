/**
 * `@hearth/assessment/schema`: the assessment config section and the assessment lead summary.
 * DOM-free (the lead receiver imports it in Node); importing it registers both with core.
 *
 * @module
 */
import * as z from 'zod/mini';
import { UsStateCodeSchema, registerConfigSection, registerSummarySchema } from '@hearth/core/schemas';
// The assessment reads only which states the partner's `coverage` serves, and checks that much
// itself (servedStates in hearth-assessment.ts): the full coverage schema is <hearth-coverage>'s.
import type {} from '@hearth/coverage/schema';
// The partner-facing reference of this section (descriptions, examples): read at build time only.
export { assessmentConfigDocs } from './schema-docs.js';

export const ASSESSMENT_STEPS = ['intro', 'screen', 'safety', 'history', 'review', 'state', 'results', 'lead'] as const;
export type AssessmentStepId = (typeof ASSESSMENT_STEPS)[number];

/** The validated instruments a partner can choose. */
export const INSTRUMENT_IDS = ['pc-ptsd-5', 'pcl-5'] as const;
/** What the assessment tells a person about their next step, as a lead summary reports it. */
export const CANDIDACY_VALUES = ['discuss', 'review', 'not-served', 'screen-negative', 'first-line', 'helped'] as const;

// Marks a refinement whose message says what was expected (not a sentence about the problem).
const EXPECTATION = { expected: true };

/** True when those of `order` that appear in `steps` appear in that order. */
function inOrder(steps: readonly string[], order: readonly string[]): boolean {
  const positions = order.map((step) => steps.indexOf(step)).filter((i) => i >= 0);
  return positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? -1));
}

/** The validated instruments' wording must stay verbatim: a partner may not override it. */
export const PROTECTED_INSTRUMENT_COPY = /^assessment-instruments:/;

/**
 * A cut point a site may choose: a whole number inside the instrument's published range. Outside
 * it the screen would no longer be the validated one, so it is a config error that names the range.
 */
function cutPointSchema(range: readonly [number, number], fallback: number, instrument: string) {
  const expected = `a whole number from ${range[0]} to ${range[1]} (the published range for the ${instrument})`;
  return z._default(
    z
      .int({ error: expected })
      .check(
        z.gte(range[0], { error: expected }),
        z.lte(range[1], { error: expected }),
        z.describe(`${instrument} cut point, inclusive: ${range[0]}–${range[1]}, default ${fallback}.`),
      ),
    fallback,
  );
}

/** Cut points when none is configured: each instrument's published default. */
const DEFAULT_CUT_POINTS = { pcPtsd5: 3, pcl5: 33, phq9: 10, gad7: 10 };

export const AssessmentConfigSchema = z.strictObject({
  /** The PC-PTSD-5 (5 yes/no items) by default; the PCL-5 (20 items) when a partner wants more detail. */
  instrument: z._default(z.enum(INSTRUMENT_IDS, { error: '"pc-ptsd-5" or "pcl-5"' }), 'pc-ptsd-5'),
  /** Inclusive cut points, each bounded to its instrument's published range. */
  cutPoints: z._default(
    z.strictObject({
      pcPtsd5: cutPointSchema([3, 4], DEFAULT_CUT_POINTS.pcPtsd5, 'PC-PTSD-5'),
      pcl5: cutPointSchema([31, 33], DEFAULT_CUT_POINTS.pcl5, 'PCL-5'),
      phq9: cutPointSchema([8, 12], DEFAULT_CUT_POINTS.phq9, 'PHQ-9'),
      gad7: cutPointSchema([8, 12], DEFAULT_CUT_POINTS.gad7, 'GAD-7'),
    }),
    { ...DEFAULT_CUT_POINTS },
  ),
  /** The age asked before any question; under it the person gets age-appropriate help only. At least 18. */
  minimumAge: z._default(z.int({ error: 'a whole number from 18 to 99' }).check(z.gte(18), z.lte(99)), 18),
  /** In Spanish, an instrument without an official translation shows our (unvalidated) translation with a notice, or its English text. */
  spanishText: z._default(z.enum(['translation', 'english']), 'translation'),
  /** Which steps run, in order. The safety question and results cannot be removed. */
  steps: z._default(
    z.array(z.enum(ASSESSMENT_STEPS, { error: `one of ${ASSESSMENT_STEPS.join(', ')}` })).check(
      z.refine((steps) => steps.includes('safety') && steps.includes('results'), {
        error: 'a list that keeps "safety" and "results" (they protect the patient)',
        params: EXPECTATION,
      }),
      z.refine((steps) => new Set(steps).size === steps.length, { error: 'a list without repeated steps', params: EXPECTATION }),
      // The screen must come before the safety question, and the safety question before the
      // results and the lead form: otherwise a lead could leave without its urgent flag.
      z.refine((steps) => inOrder(steps, ['screen', 'safety', 'results']) && inOrder(steps, ['safety', 'lead']), {
        error: 'a list where "screen" comes before "safety", and "safety" before "results" and "lead"',
        params: EXPECTATION,
      }),
    ),
    [...ASSESSMENT_STEPS],
  ),
});
export type AssessmentConfig = z.output<typeof AssessmentConfigSchema>;

/** The `assessment` section, defaults filled in when the partner sets none. */
export const AssessmentSectionSchema = z._default(AssessmentConfigSchema, {
  instrument: 'pc-ptsd-5',
  minimumAge: 18,
  spanishText: 'translation',
  cutPoints: { ...DEFAULT_CUT_POINTS },
  steps: [...ASSESSMENT_STEPS],
});

/** The result of the self-assessment, without the answers. */
export const AssessmentSummarySchema = z.object({
  type: z.enum(['assessment']),
  instrument: z.enum(INSTRUMENT_IDS),
  score: z.int().check(z.gte(0), z.lte(80)),
  cutPoint: z.int().check(z.gte(0), z.lte(80)),
  positive: z.boolean(),
  /** PCL-5 only: the DSM-5 cluster rule, reported separately from the total. */
  provisionalDiagnosis: z.optional(z.boolean()),
  /** Clinician-review items the person marked (count only; which ones are answers). */
  reviewItemCount: z.int().check(z.gte(0), z.lte(50)),
  candidacy: z.enum(CANDIDACY_VALUES),
  state: z.optional(UsStateCodeSchema),
});
export type AssessmentSummary = z.output<typeof AssessmentSummarySchema>;

declare module '@hearth/core/schemas' {
  interface HearthConfigSections {
    assessment: typeof AssessmentSectionSchema;
  }
  interface HearthLeadSummaries {
    assessment: typeof AssessmentSummarySchema;
  }
}

registerConfigSection('assessment', AssessmentSectionSchema, { protectedCopy: PROTECTED_INSTRUMENT_COPY });
registerSummarySchema('assessment', AssessmentSummarySchema);
