import { html, nothing, type TemplateResult } from 'lit';
import type { PageContext } from './context.js';
import { crisisPanel } from './crisis.js';
import { questionPage, wordingOf } from './question.js';

/**
 * Before the first question, on a page not in English, whatever the wording in use says about
 * itself: an unvalidated translation (ours, or a partner's) is said to be one, read with the
 * English cut point (or, for a built-in with `assessment.spanishText: "english"`, the questions
 * are shown in English, as validated); a definition without this language says its questions
 * are offered in English only.
 */
function translationNotice(ctx: PageContext): TemplateResult | typeof nothing {
  const wording = wordingOf(ctx);
  const key =
    wording.lang !== ctx.lang
      ? 'age.englishOnly'
      : wording.status !== 'unvalidated'
        ? undefined
        : // `spanishText` switches the built-ins' keyed wording only, never a definition's own.
          ctx.config.assessment.spanishText === 'english' && !wording.inline
          ? 'age.englishText'
          : // A partner's translation is theirs, not ours: say only that it has not been validated.
            wording.inline
            ? 'age.unvalidatedPartner'
            : 'age.unvalidated';
  if (ctx.lang === 'en' || !key) return nothing;
  return html`<div class="panel" part="translation-notice" id="age-translation">
    <p><strong>${ctx.t('age.translationTitle')}</strong></p>
    <p>${ctx.t(key, { instrument: ctx.definition.abbreviation })}</p>
  </div>`;
}

/** The first question: is the person at or above the minimum age (`assessment.minimumAge`)? */
export function agePage(ctx: PageContext): TemplateResult {
  const { t, answers } = ctx;
  const count = ctx.config.assessment.minimumAge;
  const notice = translationNotice(ctx);
  return questionPage(ctx, {
    ...(notice === nothing ? {} : { before: notice }),
    heading: t('age.title', { count }),
    hint: t('age.hint', { count }),
    choices: (['yes', 'no'] as const).map((value) => ({ value, label: t(`age.${value}`, { count }) })),
    selected: answers.adult === undefined ? undefined : answers.adult ? 'yes' : 'no',
    onSelect: (v) => ctx.setAnswers({ adult: v === 'yes' }),
  });
}

/** Under the minimum age: help that serves every age, and who to talk to. No questions, no form. */
export function underAgePage(ctx: PageContext): TemplateResult {
  const { t } = ctx;
  const count = ctx.config.assessment.minimumAge;
  return html`<h2 class="page-heading" tabindex="-1" data-focus>${t('age.underTitle', { count })}</h2>
    <p>${t('age.underWhy', { count })}</p>
    <p>${t('age.underTalk')}</p>
    <p>${t('age.underLifeline')}</p>
    ${crisisPanel(t, 'under-age')}`;
}
