import { html, nothing, type TemplateResult } from 'lit';
import type { PageContext } from './context.js';
import { crisisPanel } from './crisis.js';
import { questionPage } from './question.js';

/** Instruments with no official Spanish translation: the Spanish wording is our own. */
const UNOFFICIAL_IN_SPANISH: ReadonlySet<string> = new Set(['pc-ptsd-5', 'pcl-5']);

/**
 * Before the first question, in Spanish, for an instrument whose Spanish wording is our own: it
 * has not been validated and the result uses the English cut point (or, with
 * `assessment.spanishText: "english"`, the questions are shown in English, as validated).
 */
function translationNotice(ctx: PageContext): TemplateResult | typeof nothing {
  const { instrument, spanishText } = ctx.config.assessment;
  if (ctx.lang !== 'es' || !UNOFFICIAL_IN_SPANISH.has(instrument)) return nothing;
  const name = instrument === 'pcl-5' ? 'PCL-5' : 'PC-PTSD-5';
  return html`<div class="panel" part="translation-notice" id="age-translation">
    <p><strong>${ctx.t('age.translationTitle')}</strong></p>
    <p>${ctx.t(spanishText === 'english' ? 'age.englishText' : 'age.unvalidated', { instrument: name })}</p>
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
