import { html, nothing, type TemplateResult } from 'lit';
import { errorSummary } from '@hearth/core';
import { keyed } from 'lit/directives/keyed.js';
import type { Page } from '../flow.js';
import type { FieldError, PageContext } from './context.js';
import { crisisBar } from './crisis.js';

/** What surrounds every page: the crisis bar, Back, "Question 3 of 9", the error summary, Start again. */
export interface FrameContext {
  readonly t: PageContext['t'];
  readonly page: Page;
  readonly progress: { number: number; count: number } | undefined;
  readonly error: FieldError | undefined;
  readonly crisisOpen: boolean;
  /** Undefined where there is no going back (the first page, a lead already sent). */
  readonly onBack: (() => void) | undefined;
  /** Undefined before the person starts. */
  readonly onStartAgain: (() => void) | undefined;
  readonly onCrisisToggle: () => void;
  readonly focusField: (id: string) => void;
}

export function frame(ctx: FrameContext, content: unknown): TemplateResult {
  const { t, page, progress } = ctx;
  return html`<div class="hearth-root" part="base">
    ${crisisBar(t, ctx.crisisOpen, ctx.onCrisisToggle)}
    <div class="top">
      ${
        ctx.onBack
          ? html`<button class="button button--link back-link" type="button" @click=${ctx.onBack}>${t('back')}</button>`
          : html`<span></span>`
      }
      <p class="progress" part="progress" role="status">${progress ? t('progress', progress) : ''}</p>
    </div>
    ${progress ? html`<progress max=${progress.count} value=${progress.number} aria-hidden="true"></progress>` : nothing}
    ${errorSummary({ title: t('errors.summaryTitle'), items: ctx.error ? [ctx.error] : [], onSelect: ctx.focusField })}
    <div class="page" part="page" data-page=${page.id}>${keyed(page.id, content)}</div>
    ${
      ctx.onStartAgain
        ? html`<div class="footer">
            <button class="button button--link" type="button" @click=${ctx.onStartAgain}>${t('startAgain')}</button>
          </div>`
        : nothing
    }
  </div>`;
}
