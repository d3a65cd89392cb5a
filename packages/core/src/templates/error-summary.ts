import { css, html, nothing, type TemplateResult } from 'lit';
import { token } from '../styles/tokens.js';

/** One line of an error summary: a link to its field, or plain text for an error that has none. */
export interface ErrorSummaryItem {
  message: string;
  /** Id of the field the line links to (its first control for a group). */
  target?: string;
}

export interface ErrorSummaryOptions {
  /** "There is a problem". */
  title: string;
  items: readonly ErrorSummaryItem[];
  /** Called with the target id when a link is followed (pass `(id) => focusField(this.renderRoot, id)`). */
  onSelect: (target: string) => void;
  /** The heading's level: 2 at the top of a widget, 3 inside a form that has its own heading. Default 2. */
  headingLevel?: 2 | 3;
}

/**
 * The GOV.UK error summary: a `role="alert"` box (give it focus when it appears) whose links move
 * focus to each field. Nothing is rendered when there are no items.
 */
export function errorSummary(options: ErrorSummaryOptions): TemplateResult | typeof nothing {
  if (!options.items.length) return nothing;
  const title =
    options.headingLevel === 3
      ? html`<h3 class="error-summary__title" id="error-summary-title">${options.title}</h3>`
      : html`<h2 class="error-summary__title" id="error-summary-title">${options.title}</h2>`;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    ${title}
    <ul class="error-summary__list">
      ${options.items.map(({ message, target }) =>
        target === undefined
          ? html`<li>${message}</li>`
          : html`<li>
              <a
                href="#${target}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  options.onSelect(target);
                }}
                >${message}</a
              >
            </li>`,
      )}
    </ul>
  </div>`;
}

export interface InlineErrorOptions {
  /** The message's id, for the field's `aria-describedby` (e.g. `email-error`). */
  id: string;
  /** "Error:", read before the message by screen readers only. */
  prefix: string;
  message: string;
  part?: string;
  /** A `<span>` (inside a `<label>`) rather than a `<p>`. */
  inline?: boolean;
}

/** The message above a field in error; the field lists `id` in its `aria-describedby`. */
export function inlineError(options: InlineErrorOptions): TemplateResult {
  const { id, prefix, message } = options;
  const part = options.part ?? nothing;
  return options.inline
    ? html`<span class="error-message" id=${id} part=${part}><span class="visually-hidden">${prefix}</span> ${message}</span>`
    : html`<p class="error-message" id=${id} part=${part}><span class="visually-hidden">${prefix}</span> ${message}</p>`;
}

/** Styles of the error summary, the inline message and a field in error. */
export const errorSummaryStyles = css`
  .field--error {
    border-inline-start: 4px solid ${token('--hearth-color-danger')};
    padding-inline-start: ${token('--hearth-space-s')};
  }
  .error-message {
    display: block;
    color: ${token('--hearth-color-danger')};
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .error-summary {
    border: 4px solid ${token('--hearth-color-danger')};
    padding: ${token('--hearth-space-m')};
    margin: 0 0 ${token('--hearth-space-l')};
    background: ${token('--hearth-color-background')};
  }
  .error-summary:focus {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  .error-summary__title {
    font-size: 1.125em;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .error-summary__list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary__list a {
    color: ${token('--hearth-color-danger')};
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .field--error,
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
