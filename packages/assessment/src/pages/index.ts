import type { TemplateResult } from 'lit';
import type { OutcomeContext, PageContext } from './context.js';
import { crisisPage } from './crisis.js';
import { introPage } from './intro.js';
import { followUpPage, gatePage, itemPage } from './question.js';
import type { StepPages } from './steps.js';

export type { FieldError, OutcomeContext, PageContext } from './context.js';
export { errorMessageKey } from './errors.js';
export { frame, type FrameContext } from './frame.js';
export type { StepPages };

/**
 * The template of the current page; `outcome` scores the answers (with the steps module's
 * scoring), for the pages that show it.
 * `steps` is the module of the pages after the questions, once it has loaded (the host shows
 * "Loading…" for those pages until then, see WordingLoader).
 */
export function renderPage(ctx: PageContext, outcome: (steps: StepPages) => OutcomeContext, steps: StepPages | undefined): TemplateResult {
  switch (ctx.page.kind) {
    case 'intro':
      return introPage(ctx);
    case 'gate':
      return gatePage(ctx);
    case 'item':
      return itemPage(ctx);
    case 'follow-up':
      return followUpPage(ctx);
    case 'crisis':
      return crisisPage(ctx);
  }
  if (!steps) throw new Error(`the page "${ctx.page.kind}" was rendered before its module loaded`);
  switch (ctx.page.kind) {
    case 'safety':
      return steps.safetyPage(ctx);
    case 'age':
      return steps.agePage(ctx);
    case 'under-age':
      return steps.underAgePage(ctx);
    case 'therapy':
    case 'medication':
      return steps.treatmentPage(ctx, ctx.page.kind);
    case 'helped':
      return steps.helpedPage(ctx);
    case 'review':
      return steps.reviewPage(ctx);
    case 'state':
      return steps.statePage(ctx);
    case 'results':
      return steps.resultsPage(outcome(steps));
    case 'lead':
      return steps.leadPage(outcome(steps));
  }
}
