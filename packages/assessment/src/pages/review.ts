import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { REVIEW_ITEMS, type ReviewItem } from '../flow.js';
import type { PageContext } from './context.js';
import { inlineError } from './errors.js';

/** The items a clinician reviews, with "None of these" (never an automatic rejection). */
export function reviewPage(ctx: PageContext): TemplateResult {
  const { t, page, error } = ctx;
  const selected = ctx.answers.review;
  const toggle = (item: ReviewItem, checked: boolean) => {
    const current = new Set(selected ?? []);
    if (checked) current.add(item);
    else current.delete(item);
    const next = REVIEW_ITEMS.filter((i) => current.has(i));
    // Unticking the last item leaves the question unanswered, not "None of these".
    ctx.setAnswers({ review: next.length ? next : undefined });
  };
  const describedBy = [`${page.id}-hint`, error ? `${page.id}-error` : ''].filter(Boolean).join(' ');
  return html`<form novalidate @submit=${ctx.onContinue}>
    <div class="field ${error ? 'field--error' : ''}">
      <fieldset aria-describedby=${describedBy}>
        <legend class="legend legend--question">
          <h2 class="page-heading" tabindex="-1" data-focus>${t('review.title')}</h2>
        </legend>
        <p class="hint" id="${page.id}-hint">${t('review.hint')}</p>
        ${inlineError(ctx)}
        <div class="choices">
          ${REVIEW_ITEMS.map(
            (item, index) =>
              html`<label class="choice">
                <input
                  type="checkbox"
                  id="${page.id}-${index}"
                  name="review"
                  value=${item}
                  .checked=${live(selected?.includes(item) ?? false)}
                  @change=${(e: Event) => toggle(item, (e.target as HTMLInputElement).checked)}
                />
                <span>${t(`review.items.${item}`)}</span>
              </label>`,
          )}
          <p class="choice choice--divider">${t('review.or')}</p>
          <label class="choice">
            <input
              type="checkbox"
              id="${page.id}-none"
              name="review"
              value="none"
              .checked=${live(selected !== undefined && selected.length === 0)}
              @change=${(e: Event) => ctx.setAnswers({ review: (e.target as HTMLInputElement).checked ? [] : undefined })}
            />
            <span>${t('review.none')}</span>
          </label>
        </div>
      </fieldset>
    </div>
    <div class="actions"><button class="button" type="submit">${t('continue')}</button></div>
  </form>`;
}
