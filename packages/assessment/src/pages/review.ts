import type { TemplateResult } from 'lit';
import type { ReviewItem } from '../flow.js';
import type { PageContext } from './context.js';
import { choiceFieldset, pageForm } from './fields.js';

/** The items a clinician reviews (the content pack's), with "None of these" (never an automatic rejection). */
export function reviewPage(ctx: PageContext): TemplateResult {
  const { t, page } = ctx;
  const selected = ctx.answers.review;
  const toggle = (item: ReviewItem, checked: boolean) => {
    const current = new Set(selected ?? []);
    if (checked) current.add(item);
    else current.delete(item);
    const next = ctx.reviewItems.filter((i) => current.has(i));
    // Unticking the last item leaves the question unanswered, not "None of these".
    ctx.setAnswers({ review: next.length ? next : undefined });
  };
  const fieldset = choiceFieldset(ctx, {
    type: 'checkbox',
    name: 'review',
    heading: t('review.title'),
    hint: t('review.hint'),
    choices: [
      ...ctx.reviewItems.map((item) => ({
        value: item,
        label: t(`review.items.${item}`),
        checked: selected?.includes(item) ?? false,
        onChange: (checked: boolean) => toggle(item, checked),
      })),
      {
        value: 'none',
        label: t('review.none'),
        id: `${page.id}-none`,
        divider: t('review.or'),
        checked: selected !== undefined && selected.length === 0,
        onChange: (checked: boolean) => ctx.setAnswers({ review: checked ? [] : undefined }),
      },
    ],
  });
  return pageForm(ctx, fieldset);
}
