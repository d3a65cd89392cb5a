import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import { instrumentText, stateName, type OutcomeContext } from './context.js';
import { crisisPanel } from './crisis.js';
import { pageForm } from './fields.js';
import { langOf, wordingOf } from './question.js';

/** The screen result in plain words, what it means, candidacy, next steps and crisis resources. */
export function resultsPage(ctx: OutcomeContext): TemplateResult {
  const { t, config, screen, urgent, candidacy, state } = ctx;
  const brand = config.brand.name;
  const { definition } = ctx;
  // Instruments that bring their own words (PHQ-9, a partner's GAD-7): severity in plain words,
  // "not a diagnosis" and the candidacy sentences for their condition; the PTSD wording in the
  // translation files otherwise.
  const wording = wordingOf(ctx);
  const own = wording.inline;
  // Its words in English, on a page in another language (a definition without that language).
  const lang = langOf(ctx, wording) ?? nothing;
  const notDiagnosis = own?.notDiagnosis ?? t('results.notDiagnosis');
  const means = screen && (screen.positive ? own?.meansPositive : own?.meansNegative);
  const general = own && (candidacy === 'screen-negative' || candidacy === 'first-line');
  const ownCandidacy = general ? own.candidacy?.[candidacy] : undefined;
  const bookingUrl = config.brand.bookingUrl;
  const reviewCount = ctx.answers.review?.length ?? 0;
  return html`${urgent ? crisisPanel(t, 'results', true) : nothing}
    <h2 class="page-heading" tabindex="-1" ?data-focus=${!urgent}>${t('results.title')}</h2>
    ${
      screen
        ? html`<div class="result" part="result">
              ${
                screen.severity !== undefined && own?.bands?.[screen.severity]
                  ? html`<h3 class="result__title" lang=${lang}>${own.bands[screen.severity]}</h3>
                      <p>${t('results.scoreTotal', { score: screen.score, max: screen.maxScore, cutPoint: screen.cutPoint })}</p>`
                  : html`<h3 class="result__title">${t(screen.positive ? 'results.positive' : 'results.negative')}</h3>
                      <p>
                        ${
                          screen.notExposed
                            ? t('results.notExposed')
                            : t(screen.instrument === 'pcl-5' ? 'results.scorePcl5' : 'results.scorePcPtsd5', {
                                score: screen.score,
                                cutPoint: screen.cutPoint,
                              })
                        }
                      </p>`
              }
              ${
                screen.provisionalDiagnosis === undefined
                  ? nothing
                  : html`<p>${t(screen.provisionalDiagnosis ? 'results.patternMet' : 'results.patternNotMet')}</p>`
              }
            </div>
            <h3>${t('results.meansTitle')}</h3>
            <p><strong lang=${own?.notDiagnosis ? lang : nothing}>${notDiagnosis}</strong></p>
            <p lang=${means ? lang : nothing}>${means ?? t(screen.positive ? 'results.meansPositive' : 'results.meansNegative')}</p>
            <p class="source">${t('results.source', { name: definition.name, citation: definition.citation })}</p>
            <p class="source" lang=${own ? lang : nothing}>${own ? wording.notice : instrumentText(ctx, definition.attributionKey)}</p>`
        : html`<p><strong lang=${own?.notDiagnosis ? lang : nothing}>${notDiagnosis}</strong></p>`
    }
    <h3>${t('results.candidacyTitle', { brand })}</h3>
    <p data-candidacy=${candidacy} lang=${ownCandidacy ? lang : nothing}>
      ${
        general
          ? (ownCandidacy?.replaceAll('{{brand}}', brand) ?? t(`results.candidacyGeneral.${candidacy}`, { brand }))
          : t(`results.candidacy.${candidacy}`, { brand, count: reviewCount, state: state ? stateName(state, ctx.lang) : '' })
      }
    </p>
    ${
      // Items marked always get their sentence, whatever else the results say.
      reviewCount && candidacy !== 'review' && candidacy !== 'not-served'
        ? html`<p>${t('results.candidacy.review', { count: reviewCount })}</p>`
        : nothing
    }
    <h3>${t('results.nextTitle')}</h3>
    <ul class="list">
      <li>${bookingUrl ? html`<a href=${bookingUrl}>${t('results.nextBook')}</a>` : t('results.nextBookPlain')}</li>
      <li>${t('results.nextDoctor')}</li>
      <li>${t('results.nextCrisis')} (${crisisLines(t, { variant: 'links', separator: ', ' })})</li>
    </ul>
    ${urgent ? nothing : crisisPanel(t, 'results')} ${ctx.hasLead ? pageForm(ctx, nothing, t('results.continue', { brand })) : nothing}`;
}
