import { html, nothing, type TemplateResult } from 'lit';
import type { Page } from '../flow.js';
import type { FieldError, PageContext } from './context.js';

/** The GOV.UK error summary above the page; its link moves focus to the field (`focusField`). */
export function errorSummary(
  t: PageContext['t'],
  error: FieldError | undefined,
  focusField: (id: string) => void,
): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 class="error-summary__title" id="error-summary-title">${t('errors.summaryTitle')}</h2>
    <ul class="error-summary__list">
      <li>
        <a
          href="#${error.target}"
          @click=${(e: Event) => {
            e.preventDefault();
            focusField(error.target);
          }}
          >${error.message}</a
        >
      </li>
    </ul>
  </div>`;
}

/** The key (under `errors.`) of the message of a page's unanswered question. */
export function errorMessageKey(page: Page): string {
  if (page.kind === 'pc-ptsd-5-item') return 'pcPtsd5';
  if (page.kind === 'pcl-5-item') return 'pcl5';
  return page.kind;
}
