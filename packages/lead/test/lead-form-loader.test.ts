// LeadFormLoader: host widgets load <hearth-lead-form> (and the lead pipeline) only when the person
// is about to need it. What the person sees meanwhile, and when the load fails, is tested here
// with a load the test controls; the real one is `loadLeadForm()`.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HearthElement, baseStyles, buttonStyles } from '@hearth/core';
import { LeadFormLoader, formStyles, loadLeadForm, type HearthLeadForm } from '../src/index.js';

class HearthLoaderHost extends HearthElement {
  static override i18nNamespaces = ['core'];
  static override styles = [baseStyles, buttonStyles, formStyles];
  attempts = 0;
  failures = 0;
  /** Holds each load until the test releases it, so the loading state can be seen. */
  release: () => void = () => {};
  #form: HearthLeadForm | undefined;
  readonly loader = new LeadFormLoader(this, {
    load: async () => {
      this.attempts++;
      await new Promise<void>((resolve) => (this.release = resolve));
      if (this.failures > 0) {
        this.failures--;
        throw new Error('net::ERR_INTERNET_DISCONNECTED');
      }
      await loadLeadForm();
    },
  });

  protected renderContent(): unknown {
    return html`<div class="hearth-root" part="base">
      ${this.loader.render(
        () => {
          this.#form ??= document.createElement('hearth-lead-form');
          this.#form.hostConfig = this.hearthConfig;
          return this.#form;
        },
        (key) => this.localize.t(key),
      )}
    </div>`;
  }
}
HearthLoaderHost.define('hearth-loader-host');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-loader-host': HearthLoaderHost;
  }
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

describe('LeadFormLoader', () => {
  it('is accessible while the form loads, after a failed load, and once the form is there; "Try again" loads it and moves focus to it', async () => {
    expect(customElements.get('hearth-lead-form'), 'not loaded before it is needed').to.equal(undefined);
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      const el = await fixture<HearthLoaderHost>(html`<hearth-loader-host endpoint="https://clinic.example/leads"></hearth-loader-host>`);
      el.failures = 1;
      await el.updateComplete;
      // Loading: a status message in place of the form.
      expect(el.attempts).to.equal(1);
      expect($(el, '[role="status"]')?.textContent?.trim()).to.equal('Loading the form…');
      expect($(el, 'hearth-lead-form')).to.equal(null);
      await expect(el).to.be.accessible();

      // The load fails: an alert that says so, with "Try again", and one console error for the site owner.
      el.release();
      await waitUntil(() => $(el, '[role="alert"]'), 'the failure is shown');
      expect($(el, '[role="alert"] p')?.textContent?.trim()).to.equal(
        'The form could not be loaded. Check your connection, then try again.',
      );
      expect(errors.filter((e) => e.includes('could not load the lead form'))).to.have.length(1);
      await expect(el).to.be.accessible();

      // "Try again" by keyboard focus and activation: the form arrives and takes the focus.
      const retry = $(el, '[role="alert"] button')!;
      expect(retry.textContent?.trim()).to.equal('Try again');
      retry.focus();
      retry.click();
      await el.updateComplete;
      expect(el.attempts).to.equal(2);
      expect($(el, '[role="status"]')?.textContent?.trim()).to.equal('Loading the form…');
      el.release();
      await waitUntil(() => $(el, 'hearth-lead-form')?.shadowRoot?.querySelector('form'), 'the form is shown');
      const form = $(el, 'hearth-lead-form') as HearthLeadForm;
      await waitUntil(() => el.shadowRoot!.activeElement === form, 'focus moves to the form');
      expect(form.shadowRoot!.activeElement?.id).to.equal('name');
      expect($(el, '[role="alert"]')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('prefetch() loads once and a later render shows the form at once', async () => {
    const el = await fixture<HearthLoaderHost>(html`<hearth-loader-host></hearth-loader-host>`);
    // The form is defined by the first test: nothing is loaded again.
    expect(el.loader.ready).to.equal(true);
    el.loader.prefetch();
    expect(el.attempts).to.equal(0);
    expect($(el, 'hearth-lead-form')).not.to.equal(null);
  });
});
