import { html, nothing, type TemplateResult } from 'lit';
import { choiceFieldset as coreChoiceFieldset, inlineError as coreInlineError, type Choice } from '@hearth/core';
import type { PageContext } from './context.js';

/** A page's form: its content, then the submit button (Continue unless told), so Enter works. */
export function pageForm(ctx: PageContext, content: unknown, submit = ctx.t('continue')): TemplateResult {
  return html`<form novalidate @submit=${ctx.onContinue} data-page-form=${ctx.page.id}>
    ${content}
    <div class="actions"><button class="button" type="submit">${submit}</button></div>
  </form>`;
}

/** The inline error of the page's unanswered question, for core's templates. */
function fieldError(ctx: PageContext): { message: string; prefix: string } | undefined {
  return ctx.error && { message: ctx.error.message, prefix: ctx.t('errors.prefix') };
}

/** The inline message of an unanswered question (the summary at the top links to its field). */
export function inlineError(ctx: PageContext): TemplateResult | typeof nothing {
  const error = fieldError(ctx);
  return error ? coreInlineError({ id: `${ctx.page.id}-error`, ...error }) : nothing;
}

/** `aria-describedby` of a question: its hint, its error. */
export function describedBy(ctx: PageContext): string {
  const id = ctx.page.id;
  return ctx.error ? `${id}-hint ${id}-error` : `${id}-hint`;
}

export type FieldChoice = Omit<Choice, 'hint'>;

export interface ChoiceFieldOptions {
  type: 'radio' | 'checkbox';
  name: string;
  heading: string;
  caption?: string;
  hint?: string;
  /** Ids of text before the question that describes it. */
  describedBy?: string;
  choices: readonly FieldChoice[];
}

/** One question: core's choice fieldset, whose legend is the page heading, with hint and error. */
export function choiceFieldset(ctx: PageContext, { heading, caption, ...options }: ChoiceFieldOptions): TemplateResult {
  const error = fieldError(ctx);
  return coreChoiceFieldset({
    ...options,
    legend: html`<h2 class="page-heading" tabindex="-1" data-focus>
      ${caption ? html`<span class="caption">${caption}</span>` : nothing}${heading}
    </h2>`,
    legendClass: 'legend legend--question',
    dividerClass: 'choice choice--divider',
    idPrefix: ctx.page.id,
    ...(error ? { error } : {}),
  });
}
