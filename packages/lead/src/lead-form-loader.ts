import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { reportOnce } from '@hearth/core';
import { loadLeadForm } from './load.js';

const TAG = 'hearth-lead-form';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Brings `<hearth-lead-form>` to a host widget only when the person is about to need it, so that a
 * page pays for the form and the lead pipeline only when someone reaches the lead step.
 *
 * - `prefetch()` one step ahead (e.g. on the results), so the form is usually there at once;
 * - `render(create, t)` on the lead step: the form `create()` makes, once it is defined; until then
 *   "Loading the form…" (a status message); if the load fails, a message with "Try again" (and one
 *   console error for the site owner). After a successful "Try again", focus moves to the form.
 */
export class LeadFormLoader implements ReactiveController {
  readonly #host: Host;
  readonly #loadForm: () => Promise<unknown>;
  #state: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  #focusForm = false;

  /** `load` defines `<hearth-lead-form>`; default `loadLeadForm()` (tests pass their own). */
  constructor(host: Host, { load = loadLeadForm }: { load?: () => Promise<unknown> } = {}) {
    this.#host = host;
    this.#loadForm = load;
    host.addController(this);
  }

  /** True once `<hearth-lead-form>` is defined (by this copy of Hearth or another one). */
  get ready(): boolean {
    return this.#state === 'loaded' || customElements.get(TAG) !== undefined;
  }

  /** Starts loading the form; does nothing while it loads or once it is defined. */
  prefetch(): void {
    if (!this.ready && this.#state !== 'loading') this.#load();
  }

  #load(): void {
    this.#state = 'loading';
    this.#loadForm().then(
      () => {
        this.#state = 'loaded';
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#state = 'failed';
        reportOnce(
          `<${this.#host.localName}> could not load the lead form (${(error as Error).message}). Deploy every file of Hearth's dist/ folder, and check the network panel.`,
        );
        this.#host.requestUpdate();
      },
    );
  }

  readonly #handleRetry = (): void => {
    this.#focusForm = true;
    this.#load();
    this.#host.requestUpdate();
  };

  /** The lead form, or what the person sees in its place while it loads or after it failed to. */
  render(create: () => HTMLElement, t: (key: string) => string): unknown {
    if (this.ready) return create();
    if (this.#state === 'idle') this.#load();
    if (this.#state === 'failed') {
      return html`<div class="panel panel--danger" role="alert">
        <p>${t('core:lead.loadFailed')}</p>
        <p><button class="button button--secondary" type="button" @click=${this.#handleRetry}>${t('core:lead.retry')}</button></p>
      </div>`;
    }
    return html`<p class="lead-form-loading" role="status">${t('core:lead.loading')}</p>`;
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (!this.#focusForm || !this.ready) return;
    this.#focusForm = false;
    const form = this.#host.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(TAG);
    // The "Try again" button the person pressed is gone: put them at the start of the form.
    void Promise.resolve(form?.updateComplete).then(() => form?.focus());
  }
}
