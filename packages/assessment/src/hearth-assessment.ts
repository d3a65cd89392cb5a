import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import {
  HearthElement,
  LeadFormLoader,
  US_STATES,
  reportOnce,
  baseStyles,
  buttonStyles,
  formStyles,
  isUsStateCode,
  registerTranslations,
  type AssessmentStepId,
  type HearthConfig,
  type HearthConfigInput,
} from '@hearth/core';
// The form and the lead pipeline load when the person reaches the results (see LeadFormLoader).
import type { HearthLeadForm } from '@hearth/core/lead-form.js';
import styles from './hearth-assessment.styles.js';
import en from './translations/en.json' with { type: 'json' };
import instrumentsEn from './instruments/translations/en.json' with { type: 'json' };
import { pcPtsd5Instrument, pcl5Instrument, phq9Item9Instrument } from './instruments/index.js';
import {
  PCL_5_ITEMS,
  REVIEW_ITEMS,
  buildPages,
  emptyAnswers,
  firstUnansweredBefore,
  isAnswered,
  questionProgress,
  stepProgress,
  triedTreatment,
  type AssessmentAnswers,
  type InstrumentId,
  type Page,
  type ReviewItem,
  type TreatmentHelp,
  type YesNoUnsure,
} from './flow.js';
import {
  assessCandidacy,
  buildAssessmentSummary,
  buildLeadAnswers,
  isStateServed,
  isUrgent,
  scoreScreen,
  type Candidacy,
  type ScreenOutcome,
} from './candidacy.js';
import { clearProgress, loadProgress, saveProgress, storageKey } from './storage.js';

registerTranslations('assessment', en, { es: () => import('./translations/es.json', { with: { type: 'json' } }) });
registerTranslations('assessment-instruments', instrumentsEn, {
  es: () => import('./instruments/translations/es.json', { with: { type: 'json' } }),
});

/**
 * English wording that loads on demand, into the namespaces and under the keys it always had (so
 * partners' copy overrides still apply). Spanish files hold everything and load on demand anyway.
 * - `steps`: the steps after the questions (history, review, state, results, lead), loaded once
 *   the person starts;
 * - `pcl5`: the PCL-5's 20 items, loaded only where that instrument is used.
 */
const TEXT_PARTS = {
  steps: () =>
    import('./translations/steps.en.json', { with: { type: 'json' } }).then((mod) => registerTranslations('assessment', mod.default)),
  pcl5: () =>
    import('./instruments/translations/pcl5.en.json', { with: { type: 'json' } }).then((mod) =>
      registerTranslations('assessment-instruments', mod.default),
    ),
};
type TextPart = keyof typeof TEXT_PARTS;
const textLoads = new Map<TextPart, Promise<void>>();

/** Loads one part once per page; a failed load is not remembered, so "Try again" tries again. */
function loadText(part: TextPart): Promise<void> {
  let load = textLoads.get(part);
  if (!load) {
    load = TEXT_PARTS[part]().catch((error: unknown) => {
      textLoads.delete(part);
      throw error;
    });
    textLoads.set(part, load);
  }
  return load;
}

const STEP_PAGES: ReadonlySet<Page['kind']> = new Set(['therapy', 'medication', 'helped', 'review', 'state', 'results', 'lead']);
/** The part of the wording a page needs beyond what ships with the widget. */
function textPartOf(page: Page): TextPart | undefined {
  if (page.kind === 'pcl-5-item') return 'pcl5';
  return STEP_PAGES.has(page.kind) ? 'steps' : undefined;
}

/** `detail` of `hearth-assessment-complete`. The screen outcome is there only with `share-result`. */
export interface AssessmentCompleteDetail {
  instrument: InstrumentId;
  /** Only with `share-result`: the screen was positive (undefined when no screen was asked). */
  positive?: boolean;
  /** Only with `share-result`: the safety question fired. */
  urgent?: boolean;
  /** Only with `share-result`. */
  candidacy?: Candidacy;
}

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /** The person started the assessment. */
    'hearth-assessment-start': { instrument: InstrumentId };
    /** The person reached a configured step. Positions are of configured steps, never of pages (which would leak answers). */
    'hearth-assessment-step': { step: AssessmentStepId; stepNumber: number; stepCount: number };
    /** The person reached the results. No answers; the outcome only when the host opted in with `share-result`. */
    'hearth-assessment-complete': AssessmentCompleteDetail;
  }
}

type Coverage = { states: Partial<Record<string, { served: boolean } | undefined>> };
interface Choice {
  value: string;
  label: string;
}

// One guide CTA opens one assessment, even when a page has several.
const handledCtas = new WeakSet<Event>();
const MINUTES: Record<InstrumentId, number> = { 'pc-ptsd-5': 3, 'pcl-5': 8 };

/**
 * @summary The free PTSD self-assessment: a validated screen (PC-PTSD-5 or PCL-5), the PHQ-9 item 9
 * safety question, treatment history, the items a clinician reviews, the state of residence,
 * results in plain words and a lead form, one question per screen (GOV.UK question pages).
 *
 * Steps and their order come from config `assessment.steps`; the instrument from
 * `assessment.instrument` (or the `instrument` attribute) and its cut point from
 * `assessment.cutPoints`. Served states come from `coverage`, or the demo dataset of
 * `@hearth/content-ptsd` when none is configured.
 *
 * Progress is kept in `sessionStorage` (never `localStorage`) under `hearth-assessment:v1:<id>`,
 * so a refresh loses nothing; it is deleted when the lead is sent or the person starts again.
 * Contact details are never stored. The lead form (and the lead pipeline behind it) loads when the
 * person reaches the results, so a page pays for it only then; on the lead step "Loading the form…"
 * shows until it arrives, and a failed load says so and offers "Try again".
 * The page's `hearth-guide-cta` event (detail `{ target: 'assessment' }`)
 * scrolls the assessment into view and focuses its heading.
 *
 * @event hearth-assessment-start - `{ instrument }`: the person pressed Start (or answered the first question when there is no intro).
 * @event hearth-assessment-step - `{ step, stepNumber, stepCount }`: a configured step was reached.
 * @event hearth-assessment-complete - `{ instrument }` on reaching the results; adds `positive`, `urgent`, `candidacy` only with `share-result`.
 * @event hearth-lead-submit - Cancelable, from the lead pipeline (see @hearth/core).
 * @event hearth-lead-submitted - The endpoint acknowledged the lead.
 * @event hearth-lead-error - Delivery failed.
 * @event hearth-lead-form-result - `{ status, kind, idempotencyKey? }` from the embedded `<hearth-lead-form>`.
 *
 * @csspart base - The wrapper.
 * @csspart crisis-bar - The "Need help now?" bar shown on every step.
 * @csspart crisis - A crisis resources panel.
 * @csspart page - The current step.
 * @csspart progress - "Question 3 of 9".
 *
 * @cssproperty --hearth-assessment-max-width - Maximum width (default 40rem).
 * @cssproperty --hearth-assessment-background - Background (defaults to `--hearth-color-background`).
 * @cssproperty --hearth-assessment-crisis-bar-background - The crisis bar (defaults to `--hearth-color-surface`).
 * @cssproperty --hearth-assessment-crisis-border - The crisis panel border (defaults to `--hearth-color-danger`).
 */
export class HearthAssessment extends HearthElement {
  static override i18nNamespaces = ['assessment', 'assessment-instruments', 'core'];
  static override styles = [baseStyles, buttonStyles, formStyles, styles];
  static override properties = {
    ...HearthElement.properties,
    instrument: {},
    shareResult: { type: Boolean, attribute: 'share-result' },
  };
  protected static override configProperties = ['instrument'];

  /** `pc-ptsd-5` (default) or `pcl-5`; shorthand for config `assessment.instrument`. */
  declare instrument: InstrumentId | undefined;
  /** Adds the screen outcome (`positive`, `urgent`, `candidacy`) to `hearth-assessment-complete`. Off by default: it is health information. */
  declare shareResult: boolean;

  #instrument: InstrumentId | undefined;
  #answers: AssessmentAnswers = emptyAnswers();
  #pageId = '';
  #started = false;
  #startedAt = 0;
  #lastStep: AssessmentStepId | undefined;
  #completeSent = false;
  #leadDone = false;
  #error: { message: string; target: string } | undefined;
  #focusAfterRender: 'heading' | 'error' | undefined;
  #crisisOpen = false;
  #coverage: Coverage | undefined;
  #coverageLoading = false;
  #leadForm: HearthLeadForm | undefined;
  readonly #leadFormLoader = new LeadFormLoader(this);
  readonly #text = new Map<TextPart, 'loading' | 'ready' | 'failed'>();

  constructor() {
    super();
    this.shareResult = false;
  }

  protected override configFromAttributes(): HearthConfigInput {
    return this.instrument ? { assessment: { instrument: this.instrument } } : {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('hearth-guide-cta', this.#handleGuideCta);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('hearth-guide-cta', this.#handleGuideCta);
  }

  protected override configChanged(config: HearthConfig): void {
    const instrument = config.assessment.instrument;
    if (instrument !== this.#instrument) {
      this.#instrument = instrument;
      const saved = loadProgress(this.#storageKey, instrument);
      this.#answers = saved?.answers ?? emptyAnswers();
      this.#started = saved !== undefined;
      this.#startedAt = saved?.startedAt ?? 0;
      this.#pageId = saved?.page ?? '';
      this.#completeSent = false;
      this.#leadDone = false;
    }
    if (config.coverage) this.#coverage = config.coverage;
    else if (this.#started) this.#needCoverage();
    if (this.#started) this.#needText('steps');
    if (instrument === 'pcl-5') this.#needText('pcl5');
  }

  /** Starts loading a part of the wording; the page that needs it re-renders once it is there. */
  #needText(part: TextPart): void {
    const state = this.#text.get(part);
    if (state === 'ready' || state === 'loading') return;
    this.#text.set(part, 'loading');
    loadText(part).then(
      () => {
        this.#text.set(part, 'ready');
        // The person may be waiting on that page: give its heading the focus once it is there.
        if (this.#focusAfterRender === undefined && this.renderRoot.querySelector('[data-text-pending]'))
          this.#focusAfterRender = 'heading';
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#text.set(part, 'failed');
        reportOnce(
          `<${this.localName}> could not load the wording of its next steps (${(error as Error).message}). Deploy every file of Hearth's dist/ folder, and check the network panel.`,
        );
        this.requestUpdate();
      },
    );
  }

  #handleTextRetry = (): void => {
    this.#focusAfterRender = 'heading';
    for (const [part, state] of this.#text) if (state === 'failed') this.#needText(part);
    this.requestUpdate();
  };

  /**
   * Served states are read only from the results on, so the demo dataset (when no coverage is
   * configured) loads once the person has started, not with the page.
   */
  #needCoverage(): void {
    if (!this.#coverage && !this.#coverageLoading && !this.hearthConfig?.coverage) void this.#loadDemoCoverage();
  }

  async #loadDemoCoverage(): Promise<void> {
    this.#coverageLoading = true;
    try {
      const { demoCoverage } = await import('@hearth/content-ptsd/coverage-demo');
      if (!this.hearthConfig?.coverage) this.#coverage = demoCoverage as Coverage;
      this.requestUpdate();
    } catch (error) {
      // Without coverage data, "served" stays unknown: the person is never told "not served" by mistake.
      this.#coverageLoading = false;
      console.error('[hearth] <hearth-assessment> could not load the demo coverage data; served states are unknown.', error);
    }
  }

  get #storageKey(): string {
    return storageKey(this.id);
  }

  get #config(): HearthConfig | undefined {
    return this.hearthConfig;
  }

  #pages(config: HearthConfig): Page[] {
    return buildPages(config.assessment.steps, config.assessment.instrument, this.#answers);
  }

  /** The current page; a stale or skipped-ahead page falls back to the first unanswered question. */
  #current(pages: readonly Page[]): Page {
    const found = pages.find((p) => p.id === this.#pageId);
    const first = pages[0] as Page;
    if (!found) return first;
    return firstUnansweredBefore(pages, found.id, this.#answers) ?? found;
  }

  #state(): string | undefined {
    const shared = this.session.get('state');
    return this.#answers.state ?? (isUsStateCode(shared) ? shared : undefined);
  }

  #outcome(config: HearthConfig): {
    screen: ScreenOutcome | undefined;
    urgent: boolean;
    candidacy: Candidacy;
    served: boolean | undefined;
  } {
    const screen = scoreScreen(config.assessment.instrument, this.#answers, config.assessment.cutPoints);
    const served = isStateServed(this.#coverage, this.#state());
    const candidacy = assessCandidacy({ served, reviewItems: this.#answers.review });
    return { screen, urgent: isUrgent(this.#answers), candidacy, served };
  }

  #save(): void {
    if (this.#leadDone || !this.#instrument || !this.#started) return;
    saveProgress(this.#storageKey, {
      instrument: this.#instrument,
      page: this.#pageId,
      answers: this.#answers,
      startedAt: this.#startedAt,
    });
  }

  #setAnswers(patch: Partial<AssessmentAnswers>): void {
    const next = { ...this.#answers, ...patch };
    // "How much did it help" no longer applies once neither treatment was tried.
    if (triedTreatment(next) === false) delete next.helped;
    this.#answers = next;
    if (this.#error) this.#error = undefined;
    this.#save();
    this.requestUpdate();
  }

  #start(): void {
    if (this.#started) return;
    const config = this.#config;
    if (!config) return;
    this.#started = true;
    this.#startedAt = Date.now();
    this.emit('hearth-assessment-start', { instrument: config.assessment.instrument });
    this.track('hearth-assessment-start');
  }

  #go(page: Page): void {
    const config = this.#config;
    if (!config) return;
    this.#pageId = page.id;
    this.#error = undefined;
    this.#focusAfterRender = 'heading';
    // The person has started: what the later steps need loads while they answer the questions.
    this.#needCoverage();
    this.#needText('steps');
    if (page.kind === 'state' && !this.#answers.state) {
      const shared = this.session.get('state');
      if (isUsStateCode(shared)) this.#answers = { ...this.#answers, state: shared };
    }
    if (page.step !== this.#lastStep) {
      this.#lastStep = page.step;
      const progress = stepProgress(config.assessment.steps, page.step);
      this.emit('hearth-assessment-step', { step: page.step, ...progress });
      this.track('hearth-assessment-step', { step: page.step, ...progress });
    }
    // One step ahead: the lead form is usually there by the time the person presses Continue.
    if ((page.kind === 'results' || page.kind === 'lead') && this.#pages(config).some((p) => p.kind === 'lead')) {
      this.#leadFormLoader.prefetch();
    }
    if (page.kind === 'results' && !this.#completeSent) {
      this.#completeSent = true;
      const { screen, urgent, candidacy } = this.#outcome(config);
      const detail: AssessmentCompleteDetail = { instrument: config.assessment.instrument };
      if (this.shareResult) Object.assign(detail, { ...(screen ? { positive: screen.positive } : {}), urgent, candidacy });
      this.emit('hearth-assessment-complete', detail);
      this.track('hearth-assessment-complete', progressOf(config, page));
    }
    this.#save();
    this.requestUpdate();
  }

  #handleContinue = (event: Event): void => {
    event.preventDefault();
    const config = this.#config;
    if (!config) return;
    let pages = this.#pages(config);
    const page = this.#current(pages);
    if (!isAnswered(page, this.#answers)) {
      this.#error = { message: this.localize.t(`errors.${errorKey(page)}`), target: `${page.id}-0` };
      this.#focusAfterRender = 'error';
      this.requestUpdate();
      return;
    }
    this.#start();
    if (page.kind === 'state' && this.#answers.state) this.session.set('state', this.#answers.state);
    pages = this.#pages(config);
    const index = pages.findIndex((p) => p.id === page.id);
    const next = pages[index + 1];
    if (next) this.#go(next);
  };

  #handleBack = (): void => {
    const config = this.#config;
    if (!config) return;
    const pages = this.#pages(config);
    const index = pages.findIndex((p) => p.id === this.#current(pages).id);
    const previous = pages[index - 1];
    if (previous) this.#go(previous);
  };

  #handleStartAgain = (): void => {
    const config = this.#config;
    if (!config) return;
    clearProgress(this.#storageKey);
    this.#answers = emptyAnswers();
    this.#started = false;
    this.#startedAt = 0;
    this.#completeSent = false;
    this.#leadDone = false;
    this.#lastStep = undefined;
    this.#leadForm?.reset();
    const first = this.#pages(config)[0];
    if (first) this.#go(first);
    // #go saves only once started; nothing is kept until the person begins again.
  };

  #handleLeadResult = (event: Event): void => {
    const { status } = (event as CustomEvent<{ status: string }>).detail;
    if (status === 'sent' || status === 'queued') {
      this.#leadDone = true;
      clearProgress(this.#storageKey);
      this.requestUpdate();
    }
  };

  #handleGuideCta = (event: Event): void => {
    const detail = (event as CustomEvent<{ target?: string } | undefined>).detail;
    if (detail?.target !== 'assessment' || handledCtas.has(event) || !this.isConnected) return;
    handledCtas.add(event);
    // The CTA is a link to #hearth-assessment; we scroll and focus ourselves, so the jump is not needed.
    event.preventDefault();
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    this.#focusAfterRender = 'heading';
    this.requestUpdate();
  };

  /** Moves focus to the current step's heading (e.g. after a "Take the assessment" link elsewhere on the page). */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('[data-focus]');
    if (heading) heading.focus(options);
    else super.focus(options);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.#focusAfterRender;
    if (!target) return;
    this.#focusAfterRender = undefined;
    const el = this.renderRoot.querySelector<HTMLElement>(target === 'error' ? '.error-summary' : '[data-focus]');
    el?.focus({ preventScroll: false });
  }

  // ---- rendering ------------------------------------------------------------------------------

  #t(key: string, options?: Record<string, unknown>): string {
    return this.localize.t(key, options);
  }

  protected renderContent(): unknown {
    const config = this.#config;
    if (!config) return nothing;
    const pages = this.#pages(config);
    const page = this.#current(pages);
    const progress = questionProgress(pages, page.id);
    const index = pages.indexOf(page);
    const canGoBack = index > 0 && !(page.kind === 'lead' && this.#leadDone);
    return html`<div class="hearth-root" part="base">
      ${this.#renderCrisisBar()}
      <div class="top">
        ${
          canGoBack
            ? html`<button class="button button--link back-link" type="button" @click=${this.#handleBack}>${this.#t('back')}</button>`
            : html`<span></span>`
        }
        <p class="progress" part="progress" role="status">${progress ? this.#t('progress', progress) : ''}</p>
      </div>
      ${progress ? html`<progress max=${progress.count} value=${progress.number} aria-hidden="true"></progress>` : nothing}
      ${this.#renderErrorSummary()}
      <div class="page" part="page" data-page=${page.id}>${keyed(page.id, this.#renderPage(config, page))}</div>
      ${
        page.kind !== 'intro' && this.#started
          ? html`<div class="footer">
              <button class="button button--link" type="button" @click=${this.#handleStartAgain}>${this.#t('startAgain')}</button>
            </div>`
          : nothing
      }
    </div>`;
  }

  #renderCrisisBar(): TemplateResult {
    return html`<div class="crisis-bar" part="crisis-bar">
        <span class="crisis-bar__label">${this.#t('crisisBar.label')}</span>
        <a href="tel:988">${this.#t('core:crisis.call988')}</a>
        <a href="sms:988">${this.#t('core:crisis.text988')}</a>
        <button
          class="button button--link"
          type="button"
          aria-expanded=${this.#crisisOpen ? 'true' : 'false'}
          aria-controls="crisis-more"
          @click=${() => {
            this.#crisisOpen = !this.#crisisOpen;
            this.requestUpdate();
          }}
        >
          ${this.#t('crisisBar.more')}
        </button>
      </div>
      <div id="crisis-more" ?hidden=${!this.#crisisOpen}>${this.#crisisOpen ? this.#renderCrisis('more') : nothing}</div>`;
  }

  /** The crisis resources: 988 (call, text), the Veterans Crisis Line (988 then 1, text 838255), 911. */
  #renderCrisis(id: string, asPageHeading = false): TemplateResult {
    const t = (key: string) => this.#t(`core:${key}`);
    const title = asPageHeading
      ? html`<h2 class="crisis__title" id="crisis-${id}-title" tabindex="-1" data-focus>${t('crisis.title')}</h2>`
      : html`<h3 class="crisis__title" id="crisis-${id}-title">${t('crisis.title')}</h3>`;
    return html`<section class="crisis" part="crisis" aria-labelledby="crisis-${id}-title">
      ${title}
      <p>${t('crisis.lifeline')}</p>
      <ul class="crisis__actions">
        <li><a class="button" href="tel:988">${t('crisis.call988')}</a></li>
        <li><a class="button" href="sms:988">${t('crisis.text988')}</a></li>
      </ul>
      <p>${t('crisis.veterans')}</p>
      <ul class="crisis__actions">
        <li><a class="button button--secondary" href="tel:988">${this.#t('crisisBar.callVeterans')}</a></li>
        <li><a class="button button--secondary" href="sms:838255">${t('crisis.textVeterans')}</a></li>
      </ul>
      <p>${t('crisis.emergency')}</p>
      <ul class="crisis__actions">
        <li><a class="button button--secondary" href="tel:911">${t('crisis.call911')}</a></li>
      </ul>
      <p><a href="https://988lifeline.org/chat/" target="_blank" rel="noopener noreferrer">${t('crisis.chat')}</a></p>
    </section>`;
  }

  #renderErrorSummary(): TemplateResult | typeof nothing {
    const error = this.#error;
    if (!error) return nothing;
    return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 class="error-summary__title" id="error-summary-title">${this.#t('errors.summaryTitle')}</h2>
      <ul class="error-summary__list">
        <li>
          <a
            href="#${error.target}"
            @click=${(e: Event) => {
              e.preventDefault();
              const field = this.renderRoot.querySelector<HTMLElement>(`#${error.target}`);
              field?.focus();
              field?.closest('.field')?.scrollIntoView?.({ block: 'nearest' });
            }}
            >${error.message}</a
          >
        </li>
      </ul>
    </div>`;
  }

  #renderPage(config: HearthConfig, page: Page): TemplateResult {
    const part = textPartOf(page);
    if (part && this.#text.get(part) !== 'ready') {
      this.#needText(part);
      return this.#renderTextPending(part);
    }
    const a = this.#answers;
    const i = (key: string) => this.#t(`assessment-instruments:${key}`);
    switch (page.kind) {
      case 'intro':
        return this.#renderIntro(config);
      case 'exposure': {
        const gate = pcPtsd5Instrument.gate!;
        return this.#radioPage(page, {
          heading: i(gate.textKey),
          before: html`<div class="lead-in" id="${page.id}-context">
            <p>${i(gate.introKey ?? '')}</p>
            <ul>
              ${(gate.exampleKeys ?? []).map((key) => html`<li>${i(key)}</li>`)}
            </ul>
          </div>`,
          describedBy: `${page.id}-context`,
          choices: pcPtsd5Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey) })),
          selected: a.exposure === undefined ? undefined : String(a.exposure),
          onSelect: (value) => this.#setAnswers({ exposure: value === 'true' }),
        });
      }
      case 'pc-ptsd-5-item': {
        const item = page.item ?? 0;
        const value = a.pcPtsd5[item];
        return this.#radioPage(page, {
          caption: i(pcPtsd5Instrument.stemKey ?? ''),
          heading: i(pcPtsd5Instrument.items[item]?.textKey ?? ''),
          choices: pcPtsd5Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey) })),
          selected: typeof value === 'boolean' ? String(value) : undefined,
          onSelect: (v) => {
            const items = [...a.pcPtsd5];
            items[item] = v === 'true';
            this.#setAnswers({ pcPtsd5: items });
          },
        });
      }
      case 'pcl-5-item': {
        const item = page.item ?? 0;
        const value = a.pcl5[item];
        return this.#radioPage(page, {
          caption: i(pcl5Instrument.stemKey ?? ''),
          heading: i(pcl5Instrument.items[item]?.textKey ?? ''),
          ...(item === 0
            ? {
                before: html`<div class="lead-in" id="${page.id}-context">
                  <h3>${this.#t('screen.pcl5Title', { count: PCL_5_ITEMS })}</h3>
                  <p>${i(pcl5Instrument.instructionsKey ?? '')}</p>
                </div>`,
                describedBy: `${page.id}-context`,
              }
            : {}),
          choices: pcl5Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey) })),
          selected: typeof value === 'number' ? String(value) : undefined,
          onSelect: (v) => {
            const items = [...a.pcl5];
            items[item] = Number(v);
            this.#setAnswers({ pcl5: items });
          },
        });
      }
      case 'safety':
        return this.#radioPage(page, {
          heading: i(phq9Item9Instrument.items[0]?.textKey ?? ''),
          choices: phq9Item9Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey) })),
          selected: a.phq9Item9 === undefined ? undefined : String(a.phq9Item9),
          onSelect: (v) => this.#setAnswers({ phq9Item9: Number(v) as 0 | 1 | 2 | 3 }),
          // One live region that stays in place, so that adding the help text is announced.
          after: html`<div role="status">
              ${
                (a.phq9Item9 ?? 0) > 0
                  ? html`<div class="inline-crisis">
                      <p><strong>${this.#t('safety.inlineTitle')}</strong> ${this.#t('safety.inline')}</p>
                      <p>
                        <a href="tel:988">${this.#t('core:crisis.call988')}</a> · <a href="sms:988">${this.#t('core:crisis.text988')}</a> ·
                        <a href="tel:911">${this.#t('core:crisis.call911')}</a>
                      </p>
                    </div>`
                  : nothing
              }
            </div>
            <p class="notice">${i(phq9Item9Instrument.noticeKey ?? '')}</p>`,
        });
      case 'crisis':
        return html`${this.#renderCrisis('page', true)}
          <p>${this.#t('crisisPage.intro')}</p>
          <p>${this.#t('crisisPage.flag', { brand: config.brand.name })}</p>
          <form novalidate @submit=${this.#handleContinue}>
            <div class="actions"><button class="button" type="submit">${this.#t('crisisPage.continue')}</button></div>
          </form>`;
      case 'therapy':
      case 'medication':
        return this.#radioPage(page, {
          heading: this.#t(`history.${page.kind}`),
          hint: this.#t(`history.${page.kind}Hint`),
          choices: (['yes', 'no', 'unsure'] as const).map((value) => ({ value, label: this.#t(`history.options.${value}`) })),
          selected: a[page.kind],
          onSelect: (v) => this.#setAnswers({ [page.kind]: v as YesNoUnsure }),
        });
      case 'helped':
        return this.#radioPage(page, {
          heading: this.#t('history.helped'),
          hint: this.#t('history.helpedHint'),
          choices: (['a-lot', 'somewhat', 'a-little', 'not-at-all'] as const).map((value) => ({
            value,
            label: this.#t(`history.options.${value}`),
          })),
          selected: a.helped,
          onSelect: (v) => this.#setAnswers({ helped: v as TreatmentHelp }),
        });
      case 'review':
        return this.#renderReview(page);
      case 'state':
        return this.#renderStatePage(page);
      case 'results':
        return this.#renderResults(config, page);
      case 'lead':
        return this.#renderLead(config);
    }
  }

  /** In place of a page while its wording loads, or after it failed to (the crisis bar stays above). */
  #renderTextPending(part: TextPart): TemplateResult {
    if (this.#text.get(part) === 'failed') {
      // Focus moves to its heading, which reads it out: an alert role would announce it twice.
      return html`<div class="panel panel--danger" data-text-pending>
        <h2 class="page-heading" tabindex="-1" data-focus>${this.#t('pending.failed')}</h2>
        <p><button class="button button--secondary" type="button" @click=${this.#handleTextRetry}>${this.#t('pending.retry')}</button></p>
      </div>`;
    }
    // A heading keeps its heading role; the live region is the wrapper around it.
    return html`<div role="status" data-text-pending>
      <h2 class="page-heading" tabindex="-1" data-focus>${this.#t('pending.loading')}</h2>
    </div>`;
  }

  #renderIntro(config: HearthConfig): TemplateResult {
    const instrument = config.assessment.instrument;
    const brand = config.brand.name;
    const definition = instrument === 'pcl-5' ? pcl5Instrument : pcPtsd5Instrument;
    return html`<h2 class="page-heading" tabindex="-1" data-focus>${this.#t('intro.title')}</h2>
      <p>${this.#t('intro.lead', { brand })}</p>
      <h3>${this.#t('intro.whatTitle')}</h3>
      <p>${this.#t('intro.what', { instrument: definition.abbreviation })}</p>
      <h3>${this.#t('intro.timeTitle')}</h3>
      <p>${this.#t('intro.time', { count: MINUTES[instrument] })}</p>
      <h3>${this.#t('intro.answersTitle')}</h3>
      <p>${this.#t(config.privacy.includeAnswers ? 'intro.answersIncluded' : 'intro.answersSummary', { brand })}</p>
      <p>${this.#t('intro.privacy')}</p>
      <p>
        <strong>${this.#t('intro.crisis')}</strong> <a href="tel:988">${this.#t('core:crisis.call988')}</a> ·
        <a href="sms:988">${this.#t('core:crisis.text988')}</a>
      </p>
      <form novalidate @submit=${this.#handleContinue}>
        <div class="actions"><button class="button" type="submit">${this.#t('intro.start')}</button></div>
      </form>`;
  }

  #radioPage(
    page: Page,
    options: {
      heading: string;
      caption?: string;
      hint?: string;
      before?: TemplateResult;
      after?: TemplateResult;
      describedBy?: string;
      choices: readonly Choice[];
      selected: string | undefined;
      onSelect: (value: string) => void;
    },
  ): TemplateResult {
    const error = this.#error;
    const describedBy = [options.describedBy, options.hint ? `${page.id}-hint` : '', error ? `${page.id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<form novalidate @submit=${this.#handleContinue}>
      ${options.before ?? nothing}
      <div class="field ${error ? 'field--error' : ''}">
        <fieldset aria-describedby=${describedBy || nothing}>
          <legend class="legend legend--question">
            <h2 class="page-heading" tabindex="-1" data-focus>
              ${options.caption ? html`<span class="caption">${options.caption}</span>` : nothing}${options.heading}
            </h2>
          </legend>
          ${options.hint ? html`<p class="hint" id="${page.id}-hint">${options.hint}</p>` : nothing} ${this.#renderInlineError(page)}
          <div class="choices">
            ${options.choices.map(
              (choice, index) =>
                html`<label class="choice">
                  <input
                    type="radio"
                    id="${page.id}-${index}"
                    name=${page.id}
                    value=${choice.value}
                    .checked=${live(options.selected === choice.value)}
                    @change=${() => options.onSelect(choice.value)}
                  />
                  <span>${choice.label}</span>
                </label>`,
            )}
          </div>
        </fieldset>
      </div>
      ${options.after ?? nothing}
      <div class="actions"><button class="button" type="submit">${this.#t('continue')}</button></div>
    </form>`;
  }

  #renderInlineError(page: Page): TemplateResult | typeof nothing {
    if (!this.#error) return nothing;
    return html`<p class="error-message" id="${page.id}-error">
      <span class="visually-hidden">${this.#t('errors.prefix')}</span> ${this.#error.message}
    </p>`;
  }

  #renderReview(page: Page): TemplateResult {
    const selected = this.#answers.review;
    const error = this.#error;
    const toggle = (item: ReviewItem, checked: boolean) => {
      const current = new Set(selected ?? []);
      if (checked) current.add(item);
      else current.delete(item);
      const next = REVIEW_ITEMS.filter((i) => current.has(i));
      // Unticking the last item leaves the question unanswered, not "None of these".
      this.#setAnswers({ review: next.length ? next : undefined });
    };
    const describedBy = [`${page.id}-hint`, error ? `${page.id}-error` : ''].filter(Boolean).join(' ');
    return html`<form novalidate @submit=${this.#handleContinue}>
      <div class="field ${error ? 'field--error' : ''}">
        <fieldset aria-describedby=${describedBy}>
          <legend class="legend legend--question">
            <h2 class="page-heading" tabindex="-1" data-focus>${this.#t('review.title')}</h2>
          </legend>
          <p class="hint" id="${page.id}-hint">${this.#t('review.hint')}</p>
          ${this.#renderInlineError(page)}
          <div class="choices">
            ${REVIEW_ITEMS.map(
              (item, index) =>
                html`<label class="choice">
                  <input
                    type="checkbox"
                    id="${page.id}-${index}"
                    name="review"
                    value=${item}
                    .checked=${live(selected?.includes(item) ?? false)}
                    @change=${(e: Event) => toggle(item, (e.target as HTMLInputElement).checked)}
                  />
                  <span>${this.#t(`review.items.${item}`)}</span>
                </label>`,
            )}
            <p class="choice choice--divider">${this.#t('review.or')}</p>
            <label class="choice">
              <input
                type="checkbox"
                id="${page.id}-none"
                name="review"
                value="none"
                .checked=${live(selected !== undefined && selected.length === 0)}
                @change=${(e: Event) => this.#setAnswers({ review: (e.target as HTMLInputElement).checked ? [] : undefined })}
              />
              <span>${this.#t('review.none')}</span>
            </label>
          </div>
        </fieldset>
      </div>
      <div class="actions"><button class="button" type="submit">${this.#t('continue')}</button></div>
    </form>`;
  }

  #stateName(code: string): string {
    const state = US_STATES.find((s) => s.code === code);
    if (!state) return code;
    return this.localize.lang === 'es' ? (state.nameEs ?? state.name) : state.name;
  }

  #renderStatePage(page: Page): TemplateResult {
    const error = this.#error;
    const id = `${page.id}-0`;
    const describedBy = [`${page.id}-hint`, error ? `${page.id}-error` : ''].filter(Boolean).join(' ');
    const current = this.#answers.state ?? '';
    return html`<form novalidate @submit=${this.#handleContinue}>
      <div class="field ${error ? 'field--error' : ''}">
        <h2 class="page-heading" tabindex="-1" data-focus><label class="label-heading" for=${id}>${this.#t('state.title')}</label></h2>
        <p class="hint" id="${page.id}-hint">${this.#t('state.hint')}</p>
        ${this.#renderInlineError(page)}
        <select
          class="input"
          id=${id}
          name="state"
          autocomplete="address-level1"
          aria-describedby=${describedBy}
          aria-invalid=${error ? 'true' : 'false'}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.#setAnswers({ state: isUsStateCode(value) ? value : undefined });
          }}
        >
          <option value="" ?selected=${!current}>${this.#t('state.placeholder')}</option>
          ${US_STATES.map((s) => html`<option value=${s.code} ?selected=${current === s.code}>${this.#stateName(s.code)}</option>`)}
        </select>
      </div>
      <div class="actions"><button class="button" type="submit">${this.#t('continue')}</button></div>
    </form>`;
  }

  #renderResults(config: HearthConfig, page: Page): TemplateResult {
    const { screen, urgent, candidacy } = this.#outcome(config);
    const brand = config.brand.name;
    const state = this.#state();
    const pages = this.#pages(config);
    const hasLead = pages.some((p) => p.kind === 'lead');
    const definition = screen?.instrument === 'pcl-5' ? pcl5Instrument : pcPtsd5Instrument;
    const i = (key: string) => this.#t(`assessment-instruments:${key}`);
    const bookingUrl = config.brand.bookingUrl;
    return html`${urgent ? this.#renderCrisis('results', true) : nothing}
      <h2 class="page-heading" tabindex="-1" ?data-focus=${!urgent}>${this.#t('results.title')}</h2>
      ${
        screen
          ? html`<div class="result" part="result">
                <h3 class="result__title">${this.#t(screen.positive ? 'results.positive' : 'results.negative')}</h3>
                <p>
                  ${
                    screen.notExposed
                      ? this.#t('results.notExposed')
                      : this.#t(screen.instrument === 'pcl-5' ? 'results.scorePcl5' : 'results.scorePcPtsd5', {
                          score: screen.score,
                          cutPoint: screen.cutPoint,
                        })
                  }
                </p>
                ${
                  screen.provisionalDiagnosis === undefined
                    ? nothing
                    : html`<p>${this.#t(screen.provisionalDiagnosis ? 'results.patternMet' : 'results.patternNotMet')}</p>`
                }
              </div>
              <h3>${this.#t('results.meansTitle')}</h3>
              <p><strong>${this.#t('results.notDiagnosis')}</strong></p>
              <p>${this.#t(screen.positive ? 'results.meansPositive' : 'results.meansNegative')}</p>
              <p class="source">${this.#t('results.source', { name: definition.name, citation: definition.citation })}</p>
              <p class="source">${i(definition.attributionKey)}</p>`
          : html`<p><strong>${this.#t('results.notDiagnosis')}</strong></p>`
      }
      <h3>${this.#t('results.candidacyTitle', { brand })}</h3>
      <p data-candidacy=${candidacy}>
        ${this.#t(`results.candidacy.${candidacy === 'review' ? 'review' : candidacy}`, {
          brand,
          count: this.#answers.review?.length ?? 0,
          state: state ? this.#stateName(state) : '',
        })}
      </p>
      <h3>${this.#t('results.nextTitle')}</h3>
      <ul class="list">
        <li>${bookingUrl ? html`<a href=${bookingUrl}>${this.#t('results.nextBook')}</a>` : this.#t('results.nextBookPlain')}</li>
        <li>${this.#t('results.nextDoctor')}</li>
        <li>
          ${this.#t('results.nextCrisis')} (<a href="tel:988">${this.#t('core:crisis.call988')}</a>,
          <a href="sms:988">${this.#t('core:crisis.text988')}</a>)
        </li>
      </ul>
      ${urgent ? nothing : this.#renderCrisis('results')}
      ${
        hasLead
          ? html`<form novalidate @submit=${this.#handleContinue} data-page-form=${page.id}>
              <div class="actions"><button class="button" type="submit">${this.#t('results.continue', { brand })}</button></div>
            </form>`
          : nothing
      }`;
  }

  #renderLead(config: HearthConfig): TemplateResult {
    const { urgent } = this.#outcome(config);
    const brand = config.brand.name;
    return html`<h2 class="page-heading" tabindex="-1" data-focus>${this.#t('lead.title', { brand })}</h2>
      <p>${this.#t('lead.intro', { brand })}</p>
      ${urgent ? html`<p class="inline-crisis">${this.#t('lead.urgent')} <a href="tel:988">${this.#t('core:crisis.call988')}</a></p>` : nothing}
      ${this.#leadFormLoader.render(
        () => this.#leadFormFor(config),
        (key) => this.#t(key),
      )}`;
  }

  /** The lead form with this assessment's summary; needs `<hearth-lead-form>` to be defined. */
  #leadFormFor(config: HearthConfig): HearthLeadForm {
    const { screen, urgent, candidacy } = this.#outcome(config);
    const form = (this.#leadForm ??= this.#createLeadForm());
    const summary = buildAssessmentSummary(screen, candidacy, {
      ...this.#answers,
      ...(this.#state() ? { state: this.#state() as AssessmentAnswers['state'] } : {}),
    });
    form.hostConfig = config;
    form.summary = summary;
    form.answers = config.privacy.includeAnswers ? buildLeadAnswers(config.assessment.instrument, this.#answers) : undefined;
    form.urgent = urgent;
    form.state = this.#state();
    form.startedAt = this.#startedAt || undefined;
    form.widget = this.localName;
    return form;
  }

  /** Created once and kept, so that going Back and returning keeps every field the person typed. */
  #createLeadForm(): HearthLeadForm {
    const form = document.createElement('hearth-lead-form');
    form.kind = 'assessment';
    form.addEventListener('hearth-lead-form-result', this.#handleLeadResult);
    return form;
  }
}

function errorKey(page: Page): string {
  switch (page.kind) {
    case 'pc-ptsd-5-item':
      return 'pcPtsd5';
    case 'pcl-5-item':
      return 'pcl5';
    default:
      return page.kind;
  }
}

function progressOf(config: HearthConfig, page: Page): { step: string; stepNumber: number; stepCount: number } {
  return { step: page.step, ...stepProgress(config.assessment.steps, page.step) };
}
