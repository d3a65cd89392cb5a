import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import type { PageContext } from './context.js';
import { pageForm } from './fields.js';
import { wordingOf } from './question.js';

/** What this is and is not, how long it takes, how answers are used, privacy, the crisis line. */
export function introPage(ctx: PageContext): TemplateResult {
  const { t, config } = ctx;
  const { definition } = ctx;
  const brand = config.brand.name;
  // An instrument may bring its own title and "what this is" (a depression or anxiety screen);
  // the PTSD wording in the translation files is the default.
  // They are in the wording's language: English, marked so for screen readers, when the definition
  // lacks the page's language.
  const { lang, inline } = wordingOf(ctx);
  const { title, what } = inline ?? {};
  return html`<h2 class="page-heading" tabindex="-1" data-focus lang=${title ? lang : nothing}>${title ?? t('intro.title')}</h2>
    ${title ? nothing : html`<p>${t('intro.lead', { brand })}</p>`}
    <h3>${t('intro.whatTitle')}</h3>
    <p lang=${what ? lang : nothing}>${what ?? t('intro.what', { instrument: definition.abbreviation })}</p>
    <h3>${t('intro.timeTitle')}</h3>
    <p>${t('intro.time', { count: definition.minutes ?? Math.max(1, Math.ceil(definition.items.length / 3)) })}</p>
    <h3>${t('intro.answersTitle')}</h3>
    <p>${t(config.privacy.includeAnswers ? 'intro.answersIncluded' : 'intro.answersSummary', { brand })}</p>
    <p>${t('intro.privacy')}</p>
    <p><strong>${t('intro.crisis')}</strong> ${crisisLines(t, { variant: 'links' })}</p>
    ${pageForm(ctx, nothing, t('intro.start'))}`;
}
