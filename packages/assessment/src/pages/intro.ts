import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import type { InstrumentId } from '../flow.js';
import { pcPtsd5Instrument, pcl5Instrument } from '../instruments/index.js';
import type { PageContext } from './context.js';
import { pageForm } from './fields.js';

const MINUTES: Record<InstrumentId, number> = { 'pc-ptsd-5': 3, 'pcl-5': 8 };

/** What this is and is not, how long it takes, how answers are used, privacy, the crisis line. */
export function introPage(ctx: PageContext): TemplateResult {
  const { t, config } = ctx;
  const instrument = config.assessment.instrument;
  const brand = config.brand.name;
  const definition = instrument === 'pcl-5' ? pcl5Instrument : pcPtsd5Instrument;
  return html`<h2 class="page-heading" tabindex="-1" data-focus>${t('intro.title')}</h2>
    <p>${t('intro.lead', { brand })}</p>
    <h3>${t('intro.whatTitle')}</h3>
    <p>${t('intro.what', { instrument: definition.abbreviation })}</p>
    <h3>${t('intro.timeTitle')}</h3>
    <p>${t('intro.time', { count: MINUTES[instrument] })}</p>
    <h3>${t('intro.answersTitle')}</h3>
    <p>${t(config.privacy.includeAnswers ? 'intro.answersIncluded' : 'intro.answersSummary', { brand })}</p>
    <p>${t('intro.privacy')}</p>
    <p><strong>${t('intro.crisis')}</strong> ${crisisLines(t, { variant: 'links' })}</p>
    ${pageForm(ctx, nothing, t('intro.start'))}`;
}
