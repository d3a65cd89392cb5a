/**
 * The assessment flow as pure data: which pages a person sees, in which order, given the
 * configured steps, the instrument and the answers so far. No Lit, no DOM, so it runs in Node.
 *
 * A *step* is what a partner configures (`assessment.steps`: intro, screen, safety…); a *page* is
 * one screen, one question (GOV.UK's "one thing per page"). The screen step holds one page per
 * item; the PC-PTSD-5 items appear only after a "yes" to exposure; a safety answer above 0 adds
 * the crisis page straight after the safety question.
 *
 * @module
 */
import type { UsStateCode } from '@hearth/core/schemas';
import type { AssessmentStepId } from './schema.js';

export type InstrumentId = 'pc-ptsd-5' | 'pcl-5';
export type YesNoUnsure = 'yes' | 'no' | 'unsure';
export type TreatmentHelp = 'a-lot' | 'somewhat' | 'a-little' | 'not-at-all';

/** Things a clinician reviews before ketamine treatment (shared/reference/instruments.md); never an automatic rejection. */
export const REVIEW_ITEMS = [
  'heart',
  'psychosis',
  'substance-use',
  'liver',
  'pregnancy',
  'head-or-eye-pressure',
  'ketamine-reaction',
  'thyroid',
] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];

export const PC_PTSD_5_ITEMS = 5;
export const PCL_5_ITEMS = 20;

/** Everything the person answered. Unanswered is `undefined` (or `null` inside the item arrays). */
export interface AssessmentAnswers {
  /** At or above the minimum age (config `assessment.minimumAge`); `false` ends the flow at the help page. */
  adult?: boolean;
  exposure?: boolean;
  /** PC-PTSD-5 items 1–5, `true` for "Yes". */
  pcPtsd5: (boolean | null)[];
  /** PCL-5 items 1–20, rated 0–4. */
  pcl5: (number | null)[];
  /** PHQ-9 item 9, 0–3. */
  phq9Item9?: 0 | 1 | 2 | 3;
  therapy?: YesNoUnsure;
  medication?: YesNoUnsure;
  /** Asked only when therapy or medication was tried. */
  helped?: TreatmentHelp;
  /** The items marked; `[]` means "None of these". */
  review?: ReviewItem[];
  state?: UsStateCode;
}

export function emptyAnswers(): AssessmentAnswers {
  return { pcPtsd5: Array<null>(PC_PTSD_5_ITEMS).fill(null), pcl5: Array<null>(PCL_5_ITEMS).fill(null) };
}

export type PageKind =
  | 'intro'
  | 'age'
  | 'under-age'
  | 'exposure'
  | 'pc-ptsd-5-item'
  | 'pcl-5-item'
  | 'safety'
  | 'crisis'
  | 'therapy'
  | 'medication'
  | 'helped'
  | 'review'
  | 'state'
  | 'results'
  | 'lead';

export interface Page {
  /** Unique within the flow, e.g. `pcl-5-item-7`. */
  id: string;
  kind: PageKind;
  /** The configured step this page belongs to. */
  step: AssessmentStepId;
  /** A question page counts in "Question 3 of 9". */
  question: boolean;
  /** 0-based item index for instrument item pages. */
  item?: number;
}

const page = (kind: PageKind, step: AssessmentStepId, question: boolean, item?: number): Page => ({
  id: item === undefined ? kind : `${kind}-${item + 1}`,
  kind,
  step,
  question,
  ...(item === undefined ? {} : { item }),
});

/** Whether the person said they tried a treatment, so "how much did it help" applies. */
export function triedTreatment(answers: AssessmentAnswers): boolean | undefined {
  if (answers.therapy === 'yes' || answers.medication === 'yes') return true;
  if (answers.therapy === undefined || answers.medication === undefined) return undefined;
  return false;
}

export interface FlowOptions {
  /** Ask the state of residence: only when the partner configured the states it serves. */
  askState?: boolean;
}

/**
 * The pages, in order. Conditional pages count while their condition is still unknown (so the
 * total only ever shrinks as the person answers): the PC-PTSD-5 items until exposure is "No", and
 * "how much did it help" until neither treatment was tried.
 * The age question comes before any other question (after the intro, if any); under the minimum
 * age the flow ends on the help page: no screening question, no lead form.
 */
export function buildPages(
  steps: readonly AssessmentStepId[],
  instrument: InstrumentId,
  answers: AssessmentAnswers,
  options: FlowOptions = {},
): Page[] {
  const pages: Page[] = [];
  const introFirst = steps[0] === 'intro';
  const head = steps[0] ?? 'intro';
  if (introFirst) pages.push(page('intro', head, false));
  pages.push(page('age', head, true));
  if (answers.adult === false) return [...pages, page('under-age', head, false)];
  for (const step of steps) {
    switch (step) {
      case 'intro':
        if (!introFirst) pages.push(page('intro', step, false));
        break;
      case 'screen':
        if (instrument === 'pcl-5') {
          for (let i = 0; i < PCL_5_ITEMS; i++) pages.push(page('pcl-5-item', step, true, i));
        } else {
          pages.push(page('exposure', step, true));
          if (answers.exposure !== false) for (let i = 0; i < PC_PTSD_5_ITEMS; i++) pages.push(page('pc-ptsd-5-item', step, true, i));
        }
        break;
      case 'safety':
        pages.push(page('safety', step, true));
        if ((answers.phq9Item9 ?? 0) > 0) pages.push(page('crisis', step, false));
        break;
      case 'history':
        pages.push(page('therapy', step, true), page('medication', step, true));
        if (triedTreatment(answers) !== false) pages.push(page('helped', step, true));
        break;
      case 'state':
        if (options.askState) pages.push(page(step, step, true));
        break;
      case 'review':
      case 'results':
      case 'lead':
        pages.push(page(step, step, step === 'review'));
        break;
    }
  }
  return pages;
}

/** "Question 3 of 9": the position among question pages, or undefined on other pages. */
export function questionProgress(pages: readonly Page[], pageId: string): { number: number; count: number } | undefined {
  const questions = pages.filter((p) => p.question);
  const index = questions.findIndex((p) => p.id === pageId);
  return index < 0 ? undefined : { number: index + 1, count: questions.length };
}

/**
 * The step's position among the configured steps. Events and analytics use this, never page
 * positions: the page count changes with the answers (exposure "No", the crisis page), so it
 * would leak them.
 */
export function stepProgress(steps: readonly AssessmentStepId[], step: AssessmentStepId): { stepNumber: number; stepCount: number } {
  return { stepNumber: steps.indexOf(step) + 1, stepCount: steps.length };
}

/** Whether the page's question has an answer (non-question pages always do). */
export function isAnswered(p: Page, answers: AssessmentAnswers): boolean {
  switch (p.kind) {
    case 'age':
      return answers.adult !== undefined;
    case 'exposure':
      return answers.exposure !== undefined;
    case 'pc-ptsd-5-item':
      return typeof answers.pcPtsd5[p.item ?? -1] === 'boolean';
    case 'pcl-5-item':
      return typeof answers.pcl5[p.item ?? -1] === 'number';
    case 'safety':
      return answers.phq9Item9 !== undefined;
    case 'therapy':
      return answers.therapy !== undefined;
    case 'medication':
      return answers.medication !== undefined;
    case 'helped':
      return answers.helped !== undefined;
    case 'review':
      return answers.review !== undefined;
    case 'state':
      return answers.state !== undefined;
    default:
      return true;
  }
}

/** The first page whose question is unanswered, before `pageId` (a resumed or tampered session cannot skip questions). */
export function firstUnansweredBefore(pages: readonly Page[], pageId: string, answers: AssessmentAnswers): Page | undefined {
  for (const p of pages) {
    if (p.id === pageId) return undefined;
    if (!isAnswered(p, answers)) return p;
  }
  return undefined;
}
