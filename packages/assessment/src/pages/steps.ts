/**
 * The age question, the pages after the screen's questions (safety, history, review, state,
 * results, lead), the embedded lead
 * form's setup and the scoring of the answers. They load with their
 * wording once the person starts (the `steps` part of WordingLoader), so the first screen does
 * not wait for them.
 */
import { agePage, underAgePage } from './age.js';
import { safetyPage } from './safety.js';
import { helpedPage, treatmentPage } from './history.js';
import { leadPage } from './lead.js';
import { createLeadForm, fillLeadForm } from './lead-form.js';
import { assessOutcome } from '../candidacy.js';
import { resultsPage } from './results.js';
import { reviewPage } from './review.js';
import { statePage } from './state.js';

export const stepPages = {
  agePage,
  underAgePage,
  safetyPage,
  helpedPage,
  treatmentPage,
  leadPage,
  resultsPage,
  reviewPage,
  statePage,
  createLeadForm,
  fillLeadForm,
  assessOutcome,
};
export type StepPages = typeof stepPages;
