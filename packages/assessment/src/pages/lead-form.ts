// The form and the lead pipeline load when the person reaches the results (see LeadFormLoader).
import type { HearthLeadForm } from '@hearth/lead';
import type { AssessmentAnswers } from '../flow.js';
import { buildAssessmentSummary, buildLeadAnswers } from '../candidacy.js';
import type { OutcomeContext } from './context.js';

/**
 * The embedded `<hearth-lead-form>`; needs the tag to be defined. The element keeps it, so that
 * going Back and returning keeps every field the person typed.
 */
export function createLeadForm(onResult: (event: Event) => void): HearthLeadForm {
  // createElement, not `new`: another copy of Hearth may own the tag.
  const form = document.createElement('hearth-lead-form') as HearthLeadForm;
  form.kind = 'assessment';
  form.setAttribute('part', 'lead-form');
  form.setAttribute('exportparts', 'form: lead-form-form, submit: lead-form-submit, result: lead-form-result');
  form.addEventListener('hearth-lead-form-result', onResult);
  return form;
}

/** Gives the lead form this assessment's summary (and the answers only with `privacy.includeAnswers`). */
export function fillLeadForm(
  form: HearthLeadForm,
  ctx: OutcomeContext,
  { startedAt, widget }: { startedAt: number; widget: string },
): HearthLeadForm {
  const { config, answers, state } = ctx;
  form.hostConfig = config;
  form.summary = buildAssessmentSummary(ctx.screen, ctx.candidacy, {
    ...answers,
    ...(state ? { state: state as AssessmentAnswers['state'] } : {}),
  });
  form.answers = config.privacy.includeAnswers ? buildLeadAnswers(ctx.definition, answers) : undefined;
  form.urgent = ctx.urgent;
  form.state = state;
  form.startedAt = startedAt || undefined;
  form.widget = widget;
  return form;
}
