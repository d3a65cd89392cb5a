/**
 * The assessment flow as pure data: which pages a person sees, in which order, given the
 * configured steps, the instrument and the answers so far. No Lit, no DOM, so it runs in Node.
 *
 * A *step* is what a partner configures (`assessment.steps`: intro, screen, safety…); a *page* is
 * one screen, one question (GOV.UK's "one thing per page"). The screen step is generated from the
 * instrument's definition (see `buildPages`); a safety answer above 0 adds the crisis page
 * straight after the safety question.
 *
 * @module
 */
import type { UsStateCode } from '@hearth/core/schemas';
import type { AssessmentStepId } from './schema.js';
import type { InstrumentDefinition } from './instruments/types.js';

/** An instrument's id: `pc-ptsd-5`, `pcl-5`, `phq-9`, or one a partner registered. */
export type InstrumentId = string;
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

/** One answer to an instrument question: yes/no, a rating, or `null` when unanswered. */
export type InstrumentAnswer = boolean | number | null;

/** Everything the person answered. Unanswered is `undefined`. */
export interface AssessmentAnswers {
  /** At or above the minimum age (config `assessment.minimumAge`); `false` ends the flow at the help page. */
  adult?: boolean;
  /**
   * Answers to each instrument, keyed by instrument id, then by item id (and by the gate's and
   * the follow-up question's ids): `{ 'phq-9': { 'phq9-1': 2, …, difficulty: 1 } }`.
   */
  instruments: Record<InstrumentId, Record<string, InstrumentAnswer>>;
  /** The standalone safety question (PHQ-9 item 9), 0–3; not asked when the instrument has its own safety item. */
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
  return { instruments: {} };
}

/** The answer to one question of an instrument (item, gate or follow-up), `undefined` when unanswered. */
export function instrumentAnswer(answers: AssessmentAnswers, instrument: InstrumentId, id: string): boolean | number | undefined {
  const value = answers.instruments[instrument]?.[id];
  return value === null ? undefined : value;
}

/** `answers` with one instrument answer set. */
export function withInstrumentAnswer(
  answers: AssessmentAnswers,
  instrument: InstrumentId,
  id: string,
  value: boolean | number,
): Pick<AssessmentAnswers, 'instruments'> {
  return { instruments: { ...answers.instruments, [instrument]: { ...answers.instruments[instrument], [id]: value } } };
}

export type PageKind =
  | 'intro'
  | 'age'
  | 'under-age'
  | 'gate'
  | 'item'
  | 'follow-up'
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
  /** The item is the instrument's safety item (PHQ-9 item 9): it carries the safety question's help and notice. */
  safety?: boolean;
}

const page = (kind: PageKind, step: AssessmentStepId, question: boolean, id: string = kind, extra: Partial<Page> = {}): Page => ({
  id,
  kind,
  step,
  question,
  ...extra,
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
 * The pages, in order, generated from the instrument's definition: its gate, one page per item
 * (one page kind for every instrument), the crisis page straight after a safety item answered
 * above 0, and its follow-up question. Conditional pages count while their condition is still
 * unknown (so the total only ever shrinks as the person answers): the items until the gate is
 * "No", the follow-up until every item is at its lowest, and "how much did it help" until neither
 * treatment was tried.
 *
 * When the instrument has a safety item and the screen step runs, the safety step adds nothing:
 * that item *is* the safety question, asked once.
 * The age question comes before any other question (after the intro, if any); under the minimum
 * age the flow ends on the help page: no screening question, no lead form.
 */
export function buildPages(
  steps: readonly AssessmentStepId[],
  definition: InstrumentDefinition,
  answers: AssessmentAnswers,
  options: FlowOptions = {},
): Page[] {
  const pages: Page[] = [];
  const id = definition.id;
  const answer = (key: string) => instrumentAnswer(answers, id, key);
  const ownSafety = definition.safetyItem !== undefined && steps.includes('screen');
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
      case 'screen': {
        const { gate, followUp } = definition;
        if (gate) pages.push(page('gate', step, true, gate.id));
        if (gate && answer(gate.id) === false) break;
        definition.items.forEach((item, index) => {
          const safety = item.id === definition.safetyItem;
          pages.push(page('item', step, true, `${id}-item-${index + 1}`, { item: index, ...(safety ? { safety } : {}) }));
          if (safety && Number(answer(item.id) ?? 0) > 0) pages.push(page('crisis', step, false));
        });
        if (followUp && (followUp.askWhen === 'always' || !allAtLowest(definition, answers))) {
          pages.push(page('follow-up', step, true, `${id}-${followUp.id}`));
        }
        break;
      }
      case 'safety':
        if (ownSafety) break;
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

/** Every item answered with the lowest option (PHQ-9: "Not at all" to all nine): the follow-up does not apply. */
function allAtLowest(definition: InstrumentDefinition, answers: AssessmentAnswers): boolean {
  const lowest = Math.min(...definition.options.map((option) => Number(option.value)));
  return definition.items.every((item) => instrumentAnswer(answers, definition.id, item.id) === lowest);
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
export function isAnswered(p: Page, answers: AssessmentAnswers, definition: InstrumentDefinition): boolean {
  const answer = (key: string | undefined) => key !== undefined && instrumentAnswer(answers, definition.id, key) !== undefined;
  switch (p.kind) {
    case 'age':
      return answers.adult !== undefined;
    case 'gate':
      return answer(definition.gate?.id);
    case 'item':
      return answer(definition.items[p.item ?? -1]?.id);
    case 'follow-up':
      return answer(definition.followUp?.id);
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
export function firstUnansweredBefore(
  pages: readonly Page[],
  pageId: string,
  answers: AssessmentAnswers,
  definition: InstrumentDefinition,
): Page | undefined {
  for (const p of pages) {
    if (p.id === pageId) return undefined;
    if (!isAnswered(p, answers, definition)) return p;
  }
  return undefined;
}
