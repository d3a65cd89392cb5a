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
import { instrumentIds } from './instruments/registry.js';
// The partner-facing reference of this section (descriptions, examples): read at build time only.
export { assessmentConfigDocs } from './schema-docs.js';

export const ASSESSMENT_STEPS = ['intro', 'screen', 'safety', 'history', 'review', 'state', 'results', 'lead'] as const;
export type AssessmentStepId = (typeof ASSESSMENT_STEPS)[number];

/** The built-in validated instruments; a partner may register more (`registerInstrument`, or `definitions`). */
export const INSTRUMENT_IDS = ['pc-ptsd-5', 'pcl-5', 'phq-9'] as const;
/** The shape of an instrument id (built-in or registered). */
export const INSTRUMENT_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** What the assessment tells a person about their next step, as a lead summary reports it. */
export const CANDIDACY_VALUES = ['discuss', 'review', 'not-served', 'screen-negative', 'first-line', 'helped'] as const;

const INSTRUMENT_EXPECTED = `"pc-ptsd-5", "pcl-5", "phq-9" or the id of a registered instrument (lowercase letters, digits, hyphens)`;

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

export const AssessmentConfigSchema = z
  .strictObject({
    /**
     * The PC-PTSD-5 (5 yes/no items) by default; the PCL-5 (20 items) for more detail; the PHQ-9
     * for depression; or the id of an instrument the partner registered (in `definitions`, or with
     * `registerInstrument()`). An id no page has registered is reported by the widget.
     */
    instrument: z._default(
      z.string({ error: INSTRUMENT_EXPECTED }).check(z.regex(INSTRUMENT_ID_PATTERN, { error: INSTRUMENT_EXPECTED })),
      'pc-ptsd-5',
    ),
    /**
     * The partner's own instruments as JSON definitions (see README "Adding an instrument"); each is
     * registered when the config is read, and checked then (the widget names what is wrong).
     */
    definitions: z.optional(
      z
        .array(
          z.looseObject({
            id: z.string({ error: 'an instrument id' }).check(z.regex(INSTRUMENT_ID_PATTERN, { error: INSTRUMENT_EXPECTED })),
          }),
        )
        .check(z.maxLength(10, { error: 'at most 10 instrument definitions' })),
    ),
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
  })
  .check(
    // The instrument must be one this page knows: built in, registered, or listed in `definitions`.
    z.superRefine((value, ctx) => {
      const listed = (value.definitions ?? []).map((d) => d.id);
      if ([...instrumentIds(), ...listed].includes(value.instrument)) return;
      ctx.issues.push({
        code: 'custom',
        path: ['instrument'],
        input: value.instrument,
        message: `one of ${[...instrumentIds(), ...listed].map((id) => `"${id}"`).join(', ')} (register another with registerInstrument() or assessment.definitions)`,
        params: EXPECTATION,
      });
    }),
  );
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
/** Highest possible score of each built-in instrument; a partner's instrument is bounded by 1000. */
const MAX_SCORE: Readonly<Record<string, number>> = { 'pc-ptsd-5': 5, 'pcl-5': 80, 'phq-9': 27 };

export const AssessmentSummarySchema = z
  .object({
    type: z.enum(['assessment']),
    /** The instrument's id: a built-in, or one the partner registered (the receiver re-scores any registered id). */
    instrument: z.string().check(z.regex(INSTRUMENT_ID_PATTERN)),
    score: z.int().check(z.gte(0), z.lte(1000)),
    cutPoint: z.int().check(z.gte(0), z.lte(1000)),
    positive: z.boolean(),
    /** PCL-5 only: the DSM-5 cluster rule, reported separately from the total. */
    provisionalDiagnosis: z.optional(z.boolean()),
    /** `sum-bands` instruments (PHQ-9, GAD-7): the id of the severity band. */
    severity: z.optional(z.string().check(z.maxLength(40))),
    /** Clinician-review items the person marked (count only; which ones are answers). */
    reviewItemCount: z.int().check(z.gte(0), z.lte(50)),
    candidacy: z.enum(CANDIDACY_VALUES),
    state: z.optional(UsStateCodeSchema),
  })
  .check(
    // A score past what the instrument can give is not a summary of it.
    z.superRefine((value, ctx) => {
      const max = MAX_SCORE[value.instrument];
      if (max !== undefined && value.score > max) {
        ctx.issues.push({
          code: 'too_big',
          maximum: max,
          origin: 'number',
          inclusive: true,
          path: ['score'],
          input: value.score,
          message: `at most ${max} for the ${value.instrument}`,
        });
      }
    }),
  );
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
