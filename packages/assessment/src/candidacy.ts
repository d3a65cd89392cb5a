/**
 * The candidacy summary shown under the screen result, and the result as sent with a lead.
 * Pure: no Lit, no DOM (the lead receiver can recompute it from answers).
 *
 * @module
 */
import type { UsStateCode } from '@hearth/core/schemas';
import type { LeadAnswers } from '@hearth/lead/schema';
import type { AssessmentSummary, CANDIDACY_VALUES } from './schema.js';
import { evaluateSafety, scorePcl5, scorePcPtsd5 } from './scoring/index.js';
import type { AssessmentAnswers, InstrumentId, TreatmentHelp, YesNoUnsure } from './flow.js';

/**
 * What the results say about ketamine-assisted therapy, one reading at a time:
 * - `not-served`: the partner's coverage says it does not treat people in that state yet;
 * - `screen-negative`: the screen was negative (or stopped at exposure "No"): never read as a
 *   recommendation of the treatment; a clinician can still talk options through;
 * - `first-line`: neither a trauma-focused therapy nor an antidepressant was tried: guidelines
 *   start there, and the clinic can discuss those;
 * - `helped`: the treatment tried helped a lot: keep it, and talk before changing anything;
 * - `review`: a clinician will review the items the person marked (never an automatic no);
 * - `discuss`: otherwise, worth discussing with a clinician.
 */
export type Candidacy = (typeof CANDIDACY_VALUES)[number];

export interface CandidacyInput {
  /** Whether the clinic serves the person's state; `undefined` when the state is unknown. */
  served: boolean | undefined;
  /** Clinician-review items marked; `[]` or `undefined` when none (or not asked). */
  reviewItems: readonly string[] | undefined;
  /** The screen's result; `undefined` when there is no scored screen. */
  positive?: boolean | undefined;
  /** The history answers (undefined when the history step is off). */
  therapy?: YesNoUnsure | undefined;
  medication?: YesNoUnsure | undefined;
  helped?: TreatmentHelp | undefined;
}

/**
 * Rules, in order (the guide's "Is it right for me?" says the same):
 * 1. A state the partner's coverage data does not serve → `not-served`.
 * 2. A negative screen → `screen-negative`: it does not rule PTSD out, and it is not a reason to
 *    offer this treatment.
 * 3. Neither first-line treatment tried (both history answers given, neither "yes") → `first-line`:
 *    VA/DoD 2023 starts with trauma-focused psychotherapy or sertraline, paroxetine or venlafaxine.
 * 4. The treatment tried helped "a lot" → `helped`.
 * 5. Any clinician-review item marked → `review`: relative cautions a clinician adjudicates.
 * 6. Otherwise → `discuss`. The safety question is handled separately (urgent follow-up).
 */
export function assessCandidacy({ served, reviewItems, positive, therapy, medication, helped }: CandidacyInput): Candidacy {
  if (served === false) return 'not-served';
  if (positive === false) return 'screen-negative';
  if (therapy && medication && therapy !== 'yes' && medication !== 'yes') return 'first-line';
  if (helped === 'a-lot') return 'helped';
  if (reviewItems && reviewItems.length > 0) return 'review';
  return 'discuss';
}

/** Served or not, from the partner's coverage data (never example data); undefined if the state or the data is unknown. */
export function isStateServed(
  coverage: { states: Partial<Record<string, { served: boolean } | undefined>> } | undefined,
  state: string | undefined,
): boolean | undefined {
  if (!state || !coverage) return undefined;
  // A state left out of the coverage data is not served (CoverageConfigSchema's rule).
  return coverage.states[state]?.served === true;
}

/** The screen outcome, from the published scoring functions. */
export interface ScreenOutcome {
  instrument: InstrumentId;
  /** PC-PTSD-5 score (0–5) or PCL-5 total (0–80). */
  score: number;
  cutPoint: number;
  positive: boolean;
  /** PCL-5 only: the DSM-5 cluster rule, separate from the total. */
  provisionalDiagnosis?: boolean;
  /** PC-PTSD-5 only: exposure answered "No" (score 0, the screen stopped). */
  notExposed?: boolean;
}

/**
 * Scores the screen. Undefined when it was not asked or is incomplete (the PCL-5 is never given a
 * partial sum).
 */
export function scoreScreen(
  instrument: InstrumentId,
  answers: AssessmentAnswers,
  cutPoints: { pcPtsd5: number; pcl5: number },
): ScreenOutcome | undefined {
  if (instrument === 'pcl-5') {
    const result = scorePcl5(answers.pcl5, { cutPoint: cutPoints.pcl5 });
    if (!result.complete) return undefined;
    return {
      instrument,
      score: result.total,
      cutPoint: result.cutPoint,
      positive: result.probablePtsd,
      provisionalDiagnosis: result.provisionalDiagnosis,
    };
  }
  if (answers.exposure === undefined) return undefined;
  if (answers.exposure && answers.pcPtsd5.some((a) => typeof a !== 'boolean')) return undefined;
  const result = scorePcPtsd5({ exposure: answers.exposure, items: answers.pcPtsd5 as boolean[] }, { cutPoint: cutPoints.pcPtsd5 });
  return { instrument, ...result, ...(answers.exposure ? {} : { notExposed: true }) };
}

/** The safety question fired (any answer above 0): flag the lead as urgent. */
export function isUrgent(answers: AssessmentAnswers): boolean {
  return answers.phq9Item9 !== undefined && evaluateSafety(answers.phq9Item9).triggered;
}

/** What the results show: the screen, whether the safety question fired, and the candidacy. */
export interface AssessmentOutcome {
  screen: ScreenOutcome | undefined;
  urgent: boolean;
  candidacy: Candidacy;
}

/** The outcome of a set of answers; `coverage` and `state` say whether the clinic serves the person. */
export function assessOutcome(
  assessment: { instrument: InstrumentId; cutPoints: { pcPtsd5: number; pcl5: number } },
  answers: AssessmentAnswers,
  coverage: Parameters<typeof isStateServed>[0],
  state: string | undefined,
): AssessmentOutcome {
  const screen = scoreScreen(assessment.instrument, answers, assessment.cutPoints);
  return {
    screen,
    urgent: isUrgent(answers),
    candidacy: assessCandidacy({
      served: isStateServed(coverage, state),
      reviewItems: answers.review,
      positive: screen?.positive,
      therapy: answers.therapy,
      medication: answers.medication,
      helped: answers.helped,
    }),
  };
}

/** The `summary` of an assessment lead: the outcome without the answers. Undefined without a scored screen. */
export function buildAssessmentSummary(
  screen: ScreenOutcome | undefined,
  candidacy: Candidacy,
  answers: AssessmentAnswers,
): AssessmentSummary | undefined {
  if (!screen) return undefined;
  const summary: AssessmentSummary = {
    type: 'assessment',
    instrument: screen.instrument,
    score: screen.score,
    cutPoint: screen.cutPoint,
    positive: screen.positive,
    reviewItemCount: answers.review?.length ?? 0,
    candidacy,
  };
  if (screen.provisionalDiagnosis !== undefined) summary.provisionalDiagnosis = screen.provisionalDiagnosis;
  if (answers.state) summary.state = answers.state as UsStateCode;
  return summary;
}

/** The raw answers in the lead's shape; sent only when the partner turns on `privacy.includeAnswers`. */
export function buildLeadAnswers(instrument: InstrumentId, answers: AssessmentAnswers): LeadAnswers {
  const out: LeadAnswers = {};
  if (instrument === 'pcl-5') {
    if (answers.pcl5.some((a) => a !== null)) out.pcl5 = [...answers.pcl5];
  } else if (answers.exposure !== undefined) {
    // Items after a "No" were never asked, so none are sent.
    out.pcPtsd5 = {
      exposure: answers.exposure,
      items: answers.exposure ? answers.pcPtsd5.filter((a): a is boolean => typeof a === 'boolean') : [],
    };
  }
  if (answers.phq9Item9 !== undefined) out.phq9Item9 = answers.phq9Item9;
  const history: Record<string, string> = {};
  if (answers.therapy) history.traumaTherapy = answers.therapy;
  if (answers.medication) history.antidepressants = answers.medication;
  if (answers.helped) history.helped = answers.helped;
  if (Object.keys(history).length) out.history = history;
  if (answers.review) out.reviewItems = [...answers.review];
  return out;
}
