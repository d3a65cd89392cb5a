/**
 * The candidacy summary shown under the screen result, and the result as sent with a lead.
 * Pure: no Lit, no DOM (the lead receiver can recompute it from answers).
 *
 * @module
 */
import type { UsStateCode } from '@hearth/core/schemas';
import type { LeadAnswers } from '@hearth/lead/schema';
import type { AssessmentConfig, AssessmentSummary, CANDIDACY_VALUES } from './schema.js';
import { evaluateSafety, scoreInstrument, type Phq9Item9Answer } from './scoring/index.js';
import type { AssessmentAnswers, InstrumentId, TreatmentHelp, YesNoUnsure } from './flow.js';
import type { InstrumentDefinition } from './instruments/types.js';

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

/** The screen outcome, from the published scoring rules. */
export interface ScreenOutcome {
  instrument: InstrumentId;
  /** The count of yes answers (PC-PTSD-5) or the total (PCL-5, PHQ-9, GAD-7…). */
  score: number;
  /** The highest possible score, for "12 out of 27". */
  maxScore: number;
  cutPoint: number;
  positive: boolean;
  /** PCL-5 only: the DSM-5 cluster rule, separate from the total. */
  provisionalDiagnosis?: boolean;
  /** `sum-bands` only (PHQ-9, GAD-7): the id of the severity band. */
  severity?: string;
  /** Gated screens (PC-PTSD-5): the gate was answered "No" (score 0, the screen stopped). */
  notExposed?: boolean;
}

/** The configured cut point of each built-in instrument, by id; a partner's instrument uses its definition's. */
const CUT_POINT_KEYS: Readonly<Record<string, keyof AssessmentConfig['cutPoints']>> = {
  'pc-ptsd-5': 'pcPtsd5',
  'pcl-5': 'pcl5',
  'phq-9': 'phq9',
  'gad-7': 'gad7',
};

/** The cut point that applies to `definition`: the configured one for a built-in, else the definition's own. */
export function cutPointFor(definition: InstrumentDefinition, cutPoints: Partial<AssessmentConfig['cutPoints']>): number {
  const key = CUT_POINT_KEYS[definition.id];
  const configured = key ? cutPoints[key] : undefined;
  return configured ?? (definition.scoring as { cutPoint: number }).cutPoint;
}

/**
 * Scores the screen with the definition's rule (`scoreInstrument`). Undefined when it was not
 * asked or is incomplete (never a partial sum).
 */
export function scoreScreen(
  definition: InstrumentDefinition,
  answers: AssessmentAnswers,
  cutPoints: Partial<AssessmentConfig['cutPoints']>,
): ScreenOutcome | undefined {
  const { id, gate, items, scoring } = definition;
  const own = answers.instruments[id] ?? {};
  const answered = (key: string) => own[key] !== undefined && own[key] !== null;
  if (gate && !answered(gate.id)) return undefined;
  const stopped = gate !== undefined && own[gate.id] === false;
  if (!stopped && !items.every((item) => answered(item.id))) return undefined;
  if (scoring.kind === 'safety-trigger') return undefined;
  const cutPoint = cutPointFor(definition, cutPoints);
  const result = scoreInstrument({ ...definition, scoring: { ...scoring, cutPoint } }, own as Record<string, number | boolean>);
  const base = { instrument: id, cutPoint, ...(stopped ? { notExposed: true } : {}) };
  if ('score' in result) return { ...base, score: result.score, maxScore: items.length, positive: result.positive };
  if (!('complete' in result) || !result.complete) return undefined;
  const maxScore = items.length * (scoring as { itemMax: number }).itemMax;
  const outcome: ScreenOutcome = { ...base, score: result.total, maxScore, positive: result.positive };
  if ('clusterRuleMet' in result && result.clusterRuleMet !== null) outcome.provisionalDiagnosis = result.clusterRuleMet;
  if ('severity' in result) outcome.severity = result.severity;
  return outcome;
}

/**
 * The safety question fired (any answer above 0): flag the lead as urgent. The answer is the
 * instrument's own safety item when it has one (PHQ-9 item 9), else the standalone question.
 */
export function isUrgent(answers: AssessmentAnswers, definition: InstrumentDefinition): boolean {
  const own = definition.safetyItem === undefined ? undefined : answers.instruments[definition.id]?.[definition.safetyItem];
  if (typeof own === 'number' && evaluateSafety(own as Phq9Item9Answer).triggered) return true;
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
  definition: InstrumentDefinition,
  cutPoints: Partial<AssessmentConfig['cutPoints']>,
  answers: AssessmentAnswers,
  coverage: Parameters<typeof isStateServed>[0],
  state: string | undefined,
): AssessmentOutcome {
  const screen = scoreScreen(definition, answers, cutPoints);
  return {
    screen,
    urgent: isUrgent(answers, definition),
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
  if (screen.severity !== undefined) summary.severity = screen.severity;
  if (answers.state) summary.state = answers.state as UsStateCode;
  return summary;
}

/** Whether the history step's therapy question was the trauma-focused one (no inline wording, as `treatmentPage`). */
function asksTraumaTherapy(definition: InstrumentDefinition): boolean {
  return !Object.values(definition.languages ?? {}).some((language) => language.items);
}

/**
 * The raw answers in the lead's shape, keyed by instrument id then question id (what the
 * receiver re-scores); sent only when the partner turns on `privacy.includeAnswers`. Questions
 * never asked (the items after a gate "No") are not sent.
 */
export function buildLeadAnswers(definition: InstrumentDefinition, answers: AssessmentAnswers): LeadAnswers {
  const out: LeadAnswers = {};
  const own = answers.instruments[definition.id] ?? {};
  const stopped = definition.gate !== undefined && own[definition.gate.id] === false;
  const asked = [
    ...(definition.gate ? [definition.gate.id] : []),
    ...(stopped ? [] : definition.items.map((item) => item.id)),
    ...(definition.followUp && !stopped ? [definition.followUp.id] : []),
  ];
  const sent = Object.fromEntries(asked.flatMap((key) => (own[key] === undefined || own[key] === null ? [] : [[key, own[key]]])));
  if (Object.keys(sent).length) out.instruments = { [definition.id]: sent };
  if (answers.phq9Item9 !== undefined) out.phq9Item9 = answers.phq9Item9;
  const history: Record<string, string> = {};
  // The built-in PTSD screens ask about a trauma-focused therapy (kept as `traumaTherapy` for
  // compatibility); an instrument with its own wording asks its own question (the PHQ-9: a talking
  // therapy for depression) or a general one, so the clinician must not read it as trauma therapy.
  if (answers.therapy) history[asksTraumaTherapy(definition) ? 'traumaTherapy' : 'therapy'] = answers.therapy;
  if (answers.medication) history.antidepressants = answers.medication;
  if (answers.helped) history.helped = answers.helped;
  if (Object.keys(history).length) out.history = history;
  if (answers.review) out.reviewItems = [...answers.review];
  return out;
}
