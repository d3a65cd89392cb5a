import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { registerTranslations, reportOnce, retryableImport } from '@hearth/core';
import type { Page } from './flow.js';
import { loadInstrument } from './instruments/registry.js';
import type { StepPages } from './pages/steps.js';
import en from './translations/en.json' with { type: 'json' };
import instrumentsEn from './instruments/translations/en.json' with { type: 'json' };

// What every page may need at once (the intro, the questions, the crisis bar and safety step); the rest loads on demand.
registerTranslations('assessment', en, { es: () => import('./translations/es.json', { with: { type: 'json' } }) });
registerTranslations('assessment-instruments', instrumentsEn, {
  es: () => import('./instruments/translations/es.json', { with: { type: 'json' } }),
});

/**
 * English wording that loads on demand, into the namespaces and under the keys it always had (so
 * partners' copy overrides still apply). Spanish files hold everything and load on demand anyway.
 * - `steps`: the steps after the questions (history, review, state, results, lead): their wording
 *   and their page templates, loaded once the person starts;
 * - `pcl5`: the PCL-5's 20 items, loaded only where that instrument is used.
 */
let stepPages: StepPages | undefined;

/** The pages after the questions, once the `steps` part has loaded. */
export function loadedStepPages(): StepPages | undefined {
  return stepPages;
}

// Each import can be tried again after a failure (see retryableImport): "Try again" works.
const stepsWording = retryableImport(() => import('./translations/steps.en.json', { with: { type: 'json' } }));
const stepsModule = retryableImport(() => import('./pages/steps.js'));
const pcl5Wording = retryableImport(() => import('./instruments/translations/pcl5.en.json', { with: { type: 'json' } }));

const PARTS = {
  steps: () =>
    Promise.all([
      stepsWording().then((mod) => registerTranslations('assessment', mod.default)),
      stepsModule().then((mod) => {
        stepPages = mod.stepPages;
      }),
    ]).then(() => undefined),
  pcl5: () => pcl5Wording().then((mod) => registerTranslations('assessment-instruments', mod.default)),
};
/** A part: the steps, the PCL-5's wording, or a lazy built-in instrument's definition (`instrument:phq-9`). */
export type WordingPart = keyof typeof PARTS | `instrument:${string}`;

/** The part that loads a lazy built-in instrument (its definition carries its wording). */
export function instrumentPart(id: string): WordingPart {
  return `instrument:${id}`;
}

function loaderOf(part: WordingPart): () => Promise<void> {
  if (part.startsWith('instrument:')) {
    const id = part.slice('instrument:'.length);
    return () =>
      loadInstrument(id).then((definition) => {
        if (!definition) throw new Error(`no built-in instrument "${id}"`);
      });
  }
  return PARTS[part as keyof typeof PARTS];
}

const loads = new Map<WordingPart, Promise<void>>();

/** Loads one part once per page; a failed load is not remembered, so "Try again" tries again. */
function loadPart(part: WordingPart): Promise<void> {
  let load = loads.get(part);
  if (!load) {
    load = loaderOf(part)().catch((error: unknown) => {
      loads.delete(part);
      throw error;
    });
    loads.set(part, load);
  }
  return load;
}

const STEP_PAGES: ReadonlySet<Page['kind']> = new Set([
  'age',
  'under-age',
  'safety',
  'therapy',
  'medication',
  'helped',
  'review',
  'state',
  'results',
  'lead',
]);

/** The part of the wording a page needs beyond what ships with the widget. */
export function wordingPartOf(page: Page): WordingPart | undefined {
  if (page.kind === 'item' && page.id.startsWith('pcl-5-')) return 'pcl5';
  return STEP_PAGES.has(page.kind) ? 'steps' : undefined;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Brings the wording of a page to the host when it is about to be needed, as `LeadFormLoader`
 * does for the lead form:
 * - `need(part)` starts loading a part (once the person starts, or where PCL-5 is used);
 * - `render(part, t)` stands in place of a page whose wording has not arrived: "Loading…" (a
 *   status message), or after a failure a message with "Try again" (and one console error for the
 *   site owner). When the wording arrives while the person waits on that page, focus moves to
 *   the page's heading.
 */
export class WordingLoader implements ReactiveController {
  readonly #host: Host;
  readonly #state = new Map<WordingPart, 'loading' | 'ready' | 'failed'>();
  #focusHeading = false;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  ready(part: WordingPart): boolean {
    return this.#state.get(part) === 'ready';
  }

  /** Starts loading a part; the page that needs it re-renders once it is there. */
  need(part: WordingPart): void {
    const state = this.#state.get(part);
    if (state === 'ready' || state === 'loading') return;
    this.#state.set(part, 'loading');
    loadPart(part).then(
      () => {
        this.#state.set(part, 'ready');
        // The person may be waiting on that page: give its heading the focus once it is there.
        if (this.#host.renderRoot.querySelector('[data-text-pending]')) this.#focusHeading = true;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#state.set(part, 'failed');
        reportOnce(
          `<${this.#host.localName}> could not load the wording of its next steps (${(error as Error).message}). Deploy every file of Hearth's dist/ folder, and check the network panel.`,
        );
        this.#host.requestUpdate();
      },
    );
  }

  readonly #handleRetry = (): void => {
    this.#focusHeading = true;
    for (const [part, state] of this.#state) if (state === 'failed') this.need(part);
    this.#host.requestUpdate();
  };

  /** In place of a page while its wording loads, or after it failed to (the crisis bar stays above). */
  render(part: WordingPart, t: (key: string) => string): TemplateResult {
    // Not `need()` after a failure: that would retry at every render, and the failure would never show.
    if (!this.#state.has(part)) this.need(part);
    if (this.#state.get(part) === 'failed') {
      // Focus moves to its heading, which reads it out: an alert role would announce it twice.
      return html`<div class="panel panel--danger" data-text-pending>
        <h2 class="page-heading" tabindex="-1" data-focus>${t('pending.failed')}</h2>
        <p><button class="button button--secondary" type="button" @click=${this.#handleRetry}>${t('pending.retry')}</button></p>
      </div>`;
    }
    // A heading keeps its heading role; the live region is the wrapper around it.
    return html`<div role="status" data-text-pending>
      <h2 class="page-heading" tabindex="-1" data-focus>${t('pending.loading')}</h2>
    </div>`;
  }

  hostUpdated(): void {
    if (!this.#focusHeading) return;
    this.#focusHeading = false;
    this.#host.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus({ preventScroll: false });
  }
}
