import type { HearthConfig } from '@hearth/core';
import { US_STATES, translate } from '@hearth/core';
import type { AssessmentAnswers, Page, ReviewItem } from '../flow.js';
import type { AssessmentOutcome } from '../candidacy.js';
import type { InstrumentDefinition } from '../instruments/types.js';

/** The unanswered question of the current page: its message and the id of its first field. */
export interface FieldError {
  message: string;
  target: string;
}

/** What a page template needs from the assessment; pages never see the element. */
export interface PageContext {
  readonly config: HearthConfig;
  readonly page: Page;
  /** The flow's instrument. */
  readonly definition: InstrumentDefinition;
  readonly answers: AssessmentAnswers;
  readonly error: FieldError | undefined;
  /** `en` or `es`, for the names of states. */
  readonly lang: string;
  t(key: string, options?: Record<string, unknown>): string;
  setAnswers(patch: Partial<AssessmentAnswers>): void;
  /** The page's form submit: validates, then moves on. */
  readonly onContinue: (event: Event) => void;
  /** The items a clinician reviews, from the content pack, in its order. */
  readonly reviewItems: readonly ReviewItem[];
}

/** What the results and lead pages add: the outcome, computed once per render. */
export interface OutcomeContext extends PageContext, Readonly<AssessmentOutcome> {
  /** The state of residence: the answer, or the one shared by another widget. */
  readonly state: string | undefined;
  readonly hasLead: boolean;
  /** The embedded lead form, or what stands in its place while it loads. */
  readonly leadForm: () => unknown;
}

/** A key of the instruments' namespace. */
export function instrumentText(ctx: PageContext, key: string): string {
  // A partner may show, in Spanish, the validated English wording of an instrument that has no
  // official Spanish translation (the PHQ-9 has one: it stays in Spanish). The PC-PTSD-5's and
  // PCL-5's keys, attributions included, all contain "pc": the attribution then is the English
  // original's, never "Traducción al español de Hearth".
  if (ctx.lang === 'es' && ctx.config.assessment.spanishText === 'english' && /pc/.test(key))
    return translate('en', 'assessment-instruments', key);
  return ctx.t(`assessment-instruments:${key}`);
}

export function stateName(code: string, lang: string): string {
  const state = US_STATES.find((s) => s.code === code);
  if (!state) return code;
  return lang === 'es' ? (state.nameEs ?? state.name) : state.name;
}
