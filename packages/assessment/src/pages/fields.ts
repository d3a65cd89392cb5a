import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PageContext } from './context.js';

/** A page's form: its content, then the submit button (Continue unless told), so Enter works. */
export function pageForm(ctx: PageContext, content: unknown, submit = ctx.t('continue')): TemplateResult {
  return html`<form novalidate @submit=${ctx.onContinue} data-page-form=${ctx.page.id}>
    ${content}
    <div class="actions"><button class="button" type="submit">${submit}</button></div>
  </form>`;
}

/** The inline message of an unanswered question (the summary at the top links to its field). */
export function inlineError(ctx: PageContext): TemplateResult | typeof nothing {
  if (!ctx.error) return nothing;
  return html`<p class="error-message" id="${ctx.page.id}-error">
    <span class="visually-hidden">${ctx.t('errors.prefix')}</span> ${ctx.error.message}
  </p>`;
}

/** `aria-describedby` of a question: text before it, its hint, its error. */
export function describedBy(ctx: PageContext, hint: boolean, before?: string): string {
  const id = ctx.page.id;
  return [before, hint ? `${id}-hint` : '', ctx.error ? `${id}-error` : ''].filter(Boolean).join(' ');
}

export interface FieldChoice {
  value: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Default `<page id>-<index>`; the first one is what the error summary links to. */
  id?: string;
  /** A line before this choice ("or"). */
  divider?: string;
}

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

/** One question: a radio or checkbox group whose legend is the page heading, with hint and error. */
export function choiceFieldset(ctx: PageContext, options: ChoiceFieldOptions): TemplateResult {
  const { page, error } = ctx;
  return html`<div class="field ${error ? 'field--error' : ''}">
    <fieldset aria-describedby=${describedBy(ctx, Boolean(options.hint), options.describedBy) || nothing}>
      <legend class="legend legend--question">
        <h2 class="page-heading" tabindex="-1" data-focus>
          ${options.caption ? html`<span class="caption">${options.caption}</span>` : nothing}${options.heading}
        </h2>
      </legend>
      ${options.hint ? html`<p class="hint" id="${page.id}-hint">${options.hint}</p>` : nothing} ${inlineError(ctx)}
      <div class="choices">
        ${options.choices.map(
          (choice, index) =>
            html`${choice.divider ? html`<p class="choice choice--divider">${choice.divider}</p>` : nothing}<label class="choice">
                <input
                  type=${options.type}
                  id=${choice.id ?? `${page.id}-${index}`}
                  name=${options.name}
                  value=${choice.value}
                  .checked=${live(choice.checked)}
                  @change=${(e: Event) => choice.onChange((e.target as HTMLInputElement).checked)}
                />
                <span>${choice.label}</span>
              </label>`,
        )}
      </div>
    </fieldset>
  </div>`;
}
