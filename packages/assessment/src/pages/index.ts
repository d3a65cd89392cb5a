import type { TemplateResult } from 'lit';
import type { OutcomeContext, PageContext } from './context.js';
import { crisisPage } from './crisis.js';
import { helpedPage, treatmentPage } from './history.js';
import { introPage } from './intro.js';
import { leadPage } from './lead.js';
import { exposurePage, pcPtsd5Page, pcl5Page } from './question.js';
import { resultsPage } from './results.js';
import { reviewPage } from './review.js';
import { safetyPage } from './safety.js';
import { statePage } from './state.js';

export type { FieldError, OutcomeContext, PageContext } from './context.js';
export { errorMessageKey } from './errors.js';
export { frame, type FrameContext } from './frame.js';
export { createLeadForm, fillLeadForm } from './lead.js';

/** The template of the current page; `outcome` scores the answers, for the pages that show it. */
export function renderPage(ctx: PageContext, outcome: () => OutcomeContext): TemplateResult {
  switch (ctx.page.kind) {
    case 'intro':
      return introPage(ctx);
    case 'exposure':
      return exposurePage(ctx);
    case 'pc-ptsd-5-item':
      return pcPtsd5Page(ctx);
    case 'pcl-5-item':
      return pcl5Page(ctx);
    case 'safety':
      return safetyPage(ctx);
    case 'crisis':
      return crisisPage(ctx);
    case 'therapy':
    case 'medication':
      return treatmentPage(ctx, ctx.page.kind);
    case 'helped':
      return helpedPage(ctx);
    case 'review':
      return reviewPage(ctx);
    case 'state':
      return statePage(ctx);
    case 'results':
      return resultsPage(outcome());
    case 'lead':
      return leadPage(outcome());
  }
}
