import { nothing, type PropertyValues } from 'lit';
import {
  HearthElement,
  baseStyles,
  buttonStyles,
  crisisStyles,
  focusField,
  isUsStateCode,
  type ConfigLayer,
  type HearthConfig,
  type HearthConfigInput,
} from '@hearth/core';
// Registers the `assessment` config section and lead summary (and, through it, `coverage`).
import './schema.js';
import type { AssessmentStepId } from './schema.js';
import { LeadFormLoader, formStyles, type HearthLeadForm } from '@hearth/lead';
import styles from './hearth-assessment.styles.js';
import {
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
} from './flow.js';
import type { AssessmentOutcome } from './candidacy.js';
import type { AssessmentCompleteDetail } from './events.js';
import type { InstrumentDefinition } from './instruments/types.js';
import { addInstrument, instrumentById, instrumentIds, isLazyInstrument, onInstrumentsChange } from './instruments/registry.js';
import { packConfigDefaults, packReviewItems, unknownPackMessage } from './content-pack.js';
import { GuideCtaListener } from './guide-cta.js';
import { clearProgress, loadProgress, saveProgress, storageKey } from './storage.js';
import { WordingLoader, instrumentPart, loadedStepPages, wordingPartOf } from './wording-loader.js';
import {
  errorMessageKey,
  frame,
  renderPage,
  type FrameContext,
  type FieldError,
  type OutcomeContext,
  type PageContext,
  type StepPages,
} from './pages/index.js';

/**
 * The partner's served states, when each entry of `coverage.states` has a boolean `served`;
 * otherwise undefined, so that a config this page cannot read never tells a person "not served".
 * (The full coverage schema loads with <hearth-coverage>, which reports a wrong config.)
 */
function servedStates(config: HearthConfig): { states: Record<string, { served: boolean }> } | undefined {
  const states = (config as { coverage?: { states?: Record<string, { served?: unknown } | null> } }).coverage?.states;
  return states && Object.values(states).every((state) => typeof state?.served === 'boolean')
    ? { states: states as Record<string, { served: boolean }> }
    : undefined;
}

/**
 * @summary The free PTSD self-assessment: the age question, a screen validated in English (PC-PTSD-5 or PCL-5), the PHQ-9 item 9
 * safety question, treatment history, the items a clinician reviews, the state of residence,
 * results in plain words and a lead form, one question per screen (GOV.UK question pages).
 *
 * Steps, their order, the instrument and its cut point come from config `assessment` (or the
 * `instrument` attribute). The age question comes first (`assessment.minimumAge`, default 18).
 * The state is asked only when config `coverage` lists served states (never from example data).
 * Progress is kept in `sessionStorage` (never `localStorage`) under `hearth-assessment:v2:<id>`,
 * without contact details, until the lead is sent or the person starts again. The later steps'
 * wording and the lead form load on demand: "Loading…" (or a failure with "Try
 * again") stands in their place. The page's `hearth-cta` event (`{ action: 'assessment' }`)
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
 * @csspart lead-form - The embedded `<hearth-lead-form>`.
 * @csspart lead-form-form - Its `<form>` (exported from the lead form).
 * @csspart lead-form-submit - Its submit button.
 * @csspart lead-form-result - Its result message.
 *
 * @cssproperty --hearth-assessment-max-width - Maximum width (default 40rem).
 * @cssproperty --hearth-assessment-background - Background (defaults to `--hearth-color-background`).
 * @cssproperty --hearth-assessment-crisis-bar-background - The crisis bar (defaults to `--hearth-color-surface`).
 * @cssproperty --hearth-assessment-crisis-border - The crisis panel border (defaults to `--hearth-color-danger`).
 */
export class HearthAssessment extends HearthElement {
  static override widgetName = 'assessment';
  static override i18nNamespaces = ['assessment', 'assessment-instruments', 'core'];
  static override styles = [baseStyles, buttonStyles, formStyles, crisisStyles, styles];
  static override properties = {
    ...HearthElement.properties,
    instrument: {},
    content: {},
    shareResult: { type: Boolean, attribute: 'share-result' },
    answers: { state: true },
    pageId: { state: true },
    started: { state: true },
    leadDone: { state: true },
    fieldError: { state: true },
    crisisOpen: { state: true },
  };
  protected static override configProperties = ['instrument', 'content'];

  /** `pc-ptsd-5` (default), `pcl-5`, `phq-9` or a registered instrument's id; shorthand for config `assessment.instrument`. */
  declare instrument: InstrumentId | undefined;
  /** The content pack (registered with `registerContentPack()`): its default instrument and review items. Default `ptsd`. */
  declare content: string;
  /** Adds the screen outcome (`positive`, `urgent`, `candidacy`) to `hearth-assessment-complete`. Off by default: it is health information. */
  declare shareResult: boolean;

  declare protected answers: AssessmentAnswers;
  /** The page the person is on (`''` before they move: the first page). */
  declare protected pageId: string;
  declare protected started: boolean;
  /** The lead was sent or queued: progress is no longer kept, and Back leaves the lead step alone. */
  declare protected leadDone: boolean;
  declare protected fieldError: FieldError | undefined;
  declare protected crisisOpen: boolean;

  #instrumentInUse: InstrumentId | undefined;
  /** The definition of the instrument in use; undefined while a lazy built-in loads. */
  #definition: InstrumentDefinition | undefined;
  #startedAt = 0;
  #lastStep: AssessmentStepId | undefined;
  #completeSent = false;
  #focusAfterRender: 'heading' | 'error' | undefined;
  #leadForm: HearthLeadForm | undefined;
  readonly #leadFormLoader = new LeadFormLoader(this);
  readonly #wording = new WordingLoader(this);

  constructor() {
    super();
    this.shareResult = false;
    this.content = 'ptsd';
    this.answers = emptyAnswers();
    this.pageId = '';
    this.started = false;
    this.leadDone = false;
    this.crisisOpen = false;
    new GuideCtaListener(this, () => {
      this.#focusAfterRender = 'heading';
      this.requestUpdate();
    });
  }

  #stopListening: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // A partner may register its instrument after this element read its config.
    this.#stopListening = onInstrumentsChange(() => {
      const config = this.hearthConfig;
      if (!config || this.#definition?.id === config.assessment.instrument) return;
      this.clearFailure();
      try {
        this.#useInstrument(config);
      } catch (error) {
        this.fail(error);
      }
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
  }

  protected override configDefaults(): ConfigLayer | undefined {
    return packConfigDefaults(this.content);
  }

  protected override configFromAttributes(): HearthConfigInput {
    return this.instrument ? { assessment: { instrument: this.instrument } } : {};
  }

  protected override configChanged(config: HearthConfig): void {
    const unknownPack = unknownPackMessage(this.content);
    if (unknownPack) throw new Error(unknownPack);
    // Every failure this widget reports itself is about its instrument or its definitions, which
    // come from config: a new config clears it (and fails again if it is still broken).
    this.clearFailure();
    const definitions = config.assessment.definitions;
    if (!definitions?.length) return this.#useInstrument(config);
    // The partner's own instruments: checked in full (one sentence per problem, shown in the error
    // surface) by a chunk loaded only for them, and registered before the instrument is looked up.
    import('./instruments/definition-problems.js')
      .then(({ assertDefinition }) => {
        if (this.hearthConfig !== config) return;
        for (const definition of definitions as unknown as InstrumentDefinition[]) {
          assertDefinition(definition);
          addInstrument(definition);
        }
        this.#useInstrument(config);
        this.requestUpdate();
      })
      .catch((error: unknown) => {
        if (this.hearthConfig === config) this.fail(error);
      });
  }

  /** Finds the configured instrument (loading a lazy built-in first), then restores this tab's progress for it. */
  #useInstrument(config: HearthConfig): void {
    const instrument = config.assessment.instrument;
    const definition = instrumentById(instrument);
    if (!definition) {
      if (!isLazyInstrument(instrument)) {
        throw new Error(
          `assessment.instrument "${instrument}" is not registered (known: ${instrumentIds().join(', ')}); list it in assessment.definitions.`,
        );
      }
      this.#definition = undefined;
      this.#wording.need(instrumentPart(instrument));
      return;
    }
    if (instrument !== this.#instrumentInUse || definition !== this.#definition) {
      this.#instrumentInUse = instrument;
      this.#definition = definition;
      const saved = loadProgress(this.#storageKey, definition);
      this.answers = saved?.answers ?? emptyAnswers();
      this.started = saved !== undefined;
      this.#startedAt = saved?.startedAt ?? 0;
      this.pageId = saved?.page ?? '';
      this.#completeSent = false;
      this.leadDone = false;
    }
    if (this.started) this.#wording.need('steps');
    if (instrument === 'pcl-5') this.#wording.need('pcl5');
  }

  get #storageKey(): string {
    return storageKey(this.id);
  }

  #pages(config: HearthConfig): Page[] {
    // Called only once the definition is there (renderContent waits for it). The state is asked
    // only where the partner configured the states it serves: example data never answers "not served".
    return this.#definition
      ? buildPages(config.assessment.steps, this.#definition, this.answers, {
          askState: Object.keys(servedStates(config)?.states ?? {}).length > 0,
        })
      : [];
  }

  /** The current page; a stale or skipped-ahead page falls back to the first unanswered question. */
  #current(pages: readonly Page[]): Page {
    const found = pages.find((p) => p.id === this.pageId);
    if (!found || !this.#definition) return pages[0] as Page;
    return firstUnansweredBefore(pages, found.id, this.answers, this.#definition) ?? found;
  }

  /** The state of residence: the answer, or the one another widget shared through the session. */
  #state(): string | undefined {
    const shared = this.session.get('state');
    return this.answers.state ?? (isUsStateCode(shared) ? shared : undefined);
  }

  /**
   * Scores the answers. The scoring comes with the later steps' module, which has loaded before
   * the results or lead page renders (WordingLoader stands in until then).
   */
  #outcome(config: HearthConfig, steps: StepPages): AssessmentOutcome {
    return steps.assessOutcome(this.#definition!, config.assessment.cutPoints, this.answers, servedStates(config), this.#state());
  }

  /** `hearth-assessment-complete`, once per run, when the results page is on screen with its outcome. */
  #sendComplete(config: HearthConfig, page: Page): void {
    const steps = loadedStepPages();
    if (this.#completeSent || page.kind !== 'results' || !steps) return;
    this.#completeSent = true;
    const { screen, urgent, candidacy } = this.#outcome(config, steps);
    const detail: AssessmentCompleteDetail = { instrument: config.assessment.instrument };
    if (this.shareResult) Object.assign(detail, { ...(screen ? { positive: screen.positive } : {}), urgent, candidacy });
    this.emit('hearth-assessment-complete', detail);
    this.track('complete', { step: page.step, ...stepProgress(config.assessment.steps, page.step) });
  }

  #save(): void {
    if (this.leadDone || !this.#instrumentInUse || !this.started) return;
    // Under the minimum age nothing is kept, not even the page.
    if (this.answers.adult === false) return clearProgress(this.#storageKey);
    saveProgress(this.#storageKey, {
      instrument: this.#instrumentInUse,
      page: this.pageId,
      answers: this.answers,
      startedAt: this.#startedAt,
    });
  }

  readonly #setAnswers = (patch: Partial<AssessmentAnswers>): void => {
    const next = { ...this.answers, ...patch };
    // "How much did it help" no longer applies once neither treatment was tried.
    if (triedTreatment(next) === false) delete next.helped;
    this.answers = next;
    this.fieldError = undefined;
    this.#save();
  };

  #start(config: HearthConfig): void {
    if (this.started) return;
    this.started = true;
    this.#startedAt = Date.now();
    this.emit('hearth-assessment-start', { instrument: config.assessment.instrument });
    this.track('start');
  }

  #go(config: HearthConfig, page: Page): void {
    this.pageId = page.id;
    this.fieldError = undefined;
    this.#focusAfterRender = 'heading';
    // The person has started: what the later steps need loads while they answer the questions.
    this.#wording.need('steps');
    if (page.kind === 'state' && !this.answers.state) {
      const shared = this.session.get('state');
      if (isUsStateCode(shared)) this.answers = { ...this.answers, state: shared };
    }
    const progress = { step: page.step, ...stepProgress(config.assessment.steps, page.step) };
    if (page.step !== this.#lastStep) {
      this.#lastStep = page.step;
      this.emit('hearth-assessment-step', progress);
      this.track('step', progress);
    }
    // One step ahead: the lead form is usually there by the time the person presses Continue.
    if ((page.kind === 'results' || page.kind === 'lead') && this.#pages(config).some((p) => p.kind === 'lead')) {
      this.#leadFormLoader.prefetch();
    }
    this.#sendComplete(config, page);
    this.#save();
    this.requestUpdate();
  }

  readonly #handleContinue = (event: Event): void => {
    event.preventDefault();
    const config = this.hearthConfig;
    if (!config) return;
    const page = this.#current(this.#pages(config));
    const definition = this.#definition;
    if (!page || !definition) return;
    if (!isAnswered(page, this.answers, definition)) {
      this.fieldError = { message: this.localize.t(`errors.${errorMessageKey(page, definition)}`), target: `${page.id}-0` };
      this.#focusAfterRender = 'error';
      return;
    }
    this.#start(config);
    if (page.kind === 'state' && this.answers.state) this.session.set('state', this.answers.state);
    const pages = this.#pages(config);
    const next = pages[pages.findIndex((p) => p.id === page.id) + 1];
    if (next) this.#go(config, next);
  };

  readonly #handleBack = (): void => {
    const config = this.hearthConfig;
    if (!config) return;
    const pages = this.#pages(config);
    const previous = pages[pages.findIndex((p) => p.id === this.#current(pages).id) - 1];
    if (previous) this.#go(config, previous);
  };

  readonly #handleStartAgain = (): void => {
    const config = this.hearthConfig;
    if (!config) return;
    clearProgress(this.#storageKey);
    this.answers = emptyAnswers();
    this.started = false;
    this.#startedAt = 0;
    this.#completeSent = false;
    this.leadDone = false;
    this.#lastStep = undefined;
    this.#leadForm?.reset();
    const first = this.#pages(config)[0];
    // #go saves only once started; nothing is kept until the person begins again.
    if (first) this.#go(config, first);
  };

  readonly #handleCrisisToggle = (): void => {
    this.crisisOpen = !this.crisisOpen;
  };

  readonly #handleLeadResult = (event: Event): void => {
    const result = (event as CustomEvent<{ status: string; idempotencyKey?: string }>).detail;
    const { status } = result;
    // The tag manager's lead conversion: the delivery status only, no answer, score or urgency.
    this.trackLeadResult(result);
    if (status === 'sent' || status === 'queued') {
      this.leadDone = true;
      clearProgress(this.#storageKey);
    }
  };

  readonly #focusField = (id: string): void => void focusField(this.renderRoot, id);

  /** Moves focus to the current step's heading (e.g. after a "Take the assessment" link elsewhere on the page). */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('[data-focus]');
    if (heading) heading.focus(options);
    else super.focus(options);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Reached the results before their module had loaded: the event follows once it has.
    const config = this.hearthConfig;
    if (config && this.#definition && !this.#completeSent) this.#sendComplete(config, this.#current(this.#pages(config)));
    const target = this.#focusAfterRender;
    if (!target) return;
    this.#focusAfterRender = undefined;
    const el = this.renderRoot.querySelector<HTMLElement>(target === 'error' ? '.error-summary' : '[data-focus]');
    el?.focus({ preventScroll: false });
  }

  readonly #t = (key: string, options?: Record<string, unknown>): string => this.localize.t(key, options);

  protected renderContent(): unknown {
    const config = this.hearthConfig;
    if (!config) return nothing;
    if (!this.#definition) {
      // A lazy built-in instrument (PHQ-9) is on its way, or the partner's definitions are being
      // checked (the next steps' wording loads meanwhile): "Loading…" (or "Try again") under the crisis bar.
      const { instrument } = config.assessment;
      const part = isLazyInstrument(instrument) ? instrumentPart(instrument) : 'steps';
      const loading: Page = { id: 'loading', kind: 'intro', step: 'intro', question: false };
      return frame(
        { ...this.#frameBase(loading), progress: undefined, error: undefined, onBack: undefined, onStartAgain: undefined },
        this.#wording.render(part, this.#t),
      );
    }
    const pages = this.#pages(config);
    const page = this.#current(pages);
    const canGoBack = pages.indexOf(page) > 0 && !(page.kind === 'lead' && this.leadDone);
    const frameContext: FrameContext = {
      ...this.#frameBase(page),
      progress: questionProgress(pages, page.id),
      error: this.fieldError,
      onBack: canGoBack ? this.#handleBack : undefined,
      onStartAgain: page.kind !== 'intro' && this.started ? this.#handleStartAgain : undefined,
    };
    return frame(frameContext, this.#renderPage(config, page, pages));
  }

  #frameBase(page: Page): Pick<FrameContext, 't' | 'page' | 'crisisOpen' | 'onCrisisToggle' | 'focusField'> {
    return { t: this.#t, page, crisisOpen: this.crisisOpen, onCrisisToggle: this.#handleCrisisToggle, focusField: this.#focusField };
  }

  #renderPage(config: HearthConfig, page: Page, pages: readonly Page[]): unknown {
    const part = wordingPartOf(page);
    if (part && !this.#wording.ready(part)) return this.#wording.render(part, this.#t);
    const ctx: PageContext = {
      config,
      page,
      definition: this.#definition!,
      answers: this.answers,
      error: this.fieldError,
      lang: this.localize.lang,
      t: this.#t,
      setAnswers: this.#setAnswers,
      onContinue: this.#handleContinue,
      reviewItems: packReviewItems(this.content),
    };
    return renderPage(
      ctx,
      (steps) => {
        const outcome: OutcomeContext = {
          ...ctx,
          ...this.#outcome(config, steps),
          state: this.#state(),
          hasLead: pages.some((p) => p.kind === 'lead'),
          leadForm: () => this.#leadFormLoader.render(() => this.#leadFormWith(outcome), this.#t),
        };
        return outcome;
      },
      loadedStepPages(),
    );
  }

  #leadFormWith(outcome: OutcomeContext): HearthLeadForm {
    // Called only from the lead page, which renders once the steps module has loaded.
    const steps = loadedStepPages()!;
    this.#leadForm ??= steps.createLeadForm(this.#handleLeadResult);
    return steps.fillLeadForm(this.#leadForm, outcome, { startedAt: this.#startedAt, widget: this.localName });
  }
}
