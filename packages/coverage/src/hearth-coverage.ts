import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  HearthElement,
  US_STATES,
  baseStyles,
  buttonStyles,
  choiceFieldset,
  crisisLines,
  focusField,
  inlineError,
  isUsStateCode,
  registerTranslations,
  reportOnce,
  type HearthConfig,
  type HearthSession,
  type UsStateCode,
} from '@hearth/core';
import {
  SPECIAL_PAYER_IDS,
  checkCoverage,
  payersForState,
  servedStates,
  type CoverageOutcome,
  type CoverageResult,
  type SelfPayTerms,
} from './rules/index.js';
// The form and the lead pipeline load when a result offers them (see LeadFormLoader).
import { LeadFormLoader, formStyles, type HearthLeadForm } from '@hearth/lead';
// Registers the `coverage` config section and lead summary with core.
import type { CoverageConfig, CoverageSummary } from './schema.js';
import './schema.js';
import styles from './hearth-coverage.styles.js';
import en from './translations/en.json' with { type: 'json' };

registerTranslations('coverage', en, { es: () => import('./translations/es.json', { with: { type: 'json' } }) });

/** `detail` of `hearth-coverage-result`: no contact details, no health answers. */
export interface CoverageResultDetail {
  state: UsStateCode;
  /** The payer chosen (a configured id, or `self-pay`, `unknown`, `medicaid`, `medicare`); undefined when the state is not served. */
  payerId: string | undefined;
  outcome: CoverageOutcome;
}

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /** The person reached a result card. */
    'hearth-coverage-result': CoverageResultDetail;
  }
}

/** The steps of the widget, in order. `lead` is the short form behind "Check my benefits" / "Join the waitlist". */
export type CoverageStep = 'state' | 'payer' | 'result' | 'lead';
export type CoverageLeadKind = 'benefits-check' | 'waitlist';

type StateInfo = (typeof US_STATES)[number];
const STATE_BY_CODE = new Map<string, StateInfo>(US_STATES.map((s) => [s.code, s]));
const STEP_COUNT = 2;

let demoCoverage: Promise<CoverageConfig> | undefined;
let demoWarned = false;
/** The demo dataset (`@hearth/coverage/demo`), loaded only by pages that configure no coverage of their own. */
function loadDemoCoverage(tag: string): Promise<CoverageConfig> {
  if (!demoWarned) {
    demoWarned = true;
    // Fictional contracts must not reach a partner's patients unnoticed.
    console.warn(`[hearth] <${tag}>: no config.coverage; showing example data.`);
  }
  demoCoverage ??= import('./demo.js')
    .then((mod) => mod.demoCoverage)
    .catch((error: unknown) => {
      demoCoverage = undefined;
      throw error;
    });
  return demoCoverage;
}

function answerKey(summary: CoverageSummary): string {
  return `${summary.state}|${summary.payerId ?? ''}|${summary.outcome}`;
}

/** "tx " → "TX"; page authors write codes by hand, so be lenient about case and spaces. */
function normalizeCode(value: string | null | undefined): string {
  return (value ?? '').trim().toUpperCase();
}

/**
 * @summary Tells a patient, in two questions and before they give any personal detail, whether the
 * clinic can treat them in their state and what they would pay, then offers the fitting next step.
 *
 * Step 1 asks for the state (a native `<select>`: type-ahead on desktop, the platform picker on
 * phones), step 2 for the insurer (a radio group), then a result card: a plain-language headline,
 * what it means in money, next steps, the disclaimer that coverage is confirmed only after
 * verification, and the action that fits ("Check my benefits", "Join the waitlist", "Start the
 * free assessment"). The state is preselected from the `state` attribute or from the state the
 * person already gave another widget under the same `<hearth-provider>`.
 *
 * Coverage data comes from config `coverage`; without it, the content pack's demo dataset is shown.
 * The lead form behind "Check my benefits" / "Join the waitlist" loads when a result offers it
 * ("Loading the form…" until it arrives; a failed load says so and offers "Try again").
 *
 * @event hearth-coverage-result - The person reached a result. `detail`: `{ state, payerId, outcome }`, nothing else.
 * @event hearth-cta - "Start the free assessment" was pressed. `detail`: `{ widget: 'coverage', action: 'assessment', href }`. Cancelable: cancel it to stop the link navigating to `assessment-href`.
 * @event hearth-guide-cta - Deprecated alias of `hearth-cta`, with `detail` `{ target: 'assessment' }`. Cancelable.
 * @event hearth-lead-submit - From the embedded lead form (see `<hearth-lead-form>`).
 * @event hearth-lead-submitted - From the embedded lead form.
 * @event hearth-lead-error - From the embedded lead form.
 *
 * @csspart base - The wrapper of everything.
 * @csspart example-notice - "Example data: not this clinic's real insurance details.", on every step while no config `coverage` is set.
 * @csspart step - The current step's container (also `step-state`, `step-payer`, `step-result`, `step-lead`).
 * @csspart heading - The heading of the current step (it receives focus when the step changes).
 * @csspart state-select - The `<select>` of states.
 * @csspart notice - The inline message shown when the `state` attribute is not a US state.
 * @csspart error-message - A validation message above a control.
 * @csspart payer-list - The radio group of insurers.
 * @csspart payer-option - One insurer choice (a label wrapping its radio).
 * @csspart result - The result card.
 * @csspart answers - The state and insurer recap, with the "Change" buttons.
 * @csspart money - The "what it means for what you pay" section.
 * @csspart next-steps - The next-steps section.
 * @csspart disclaimer - "Coverage is confirmed only after verification."
 * @csspart actions - The row of action buttons.
 * @csspart lead - The container of the embedded lead form.
 * @csspart crisis - The crisis line, always shown.
 *
 * @cssproperty --hearth-coverage-card-background - Result card background. Default: `--hearth-color-background`.
 * @cssproperty --hearth-coverage-card-border - Result card border. Default: `--hearth-color-border-subtle`.
 * @cssproperty --hearth-coverage-accent-positive - Top border of an in-network result. Default: `--hearth-color-success`.
 * @cssproperty --hearth-coverage-accent-negative - Top border of a not-served or out-of-network result. Default: `--hearth-color-border`.
 * @cssproperty --hearth-coverage-option-border - Border of an insurer choice. Default: `--hearth-color-border-subtle`.
 */
export class HearthCoverage extends HearthElement {
  static override i18nNamespaces = ['coverage', 'core'];
  static override widgetName = 'coverage';
  static override styles = [baseStyles, buttonStyles, formStyles, styles];
  static override properties = {
    ...HearthElement.properties,
    state: {},
    assessmentHref: { attribute: 'assessment-href' },
    step: { state: true },
    selectedState: { state: true },
    selectedPayer: { state: true },
    coverage: { state: true },
    stateError: { state: true },
    payerError: { state: true },
    notice: { state: true },
    announcement: { state: true },
    leadKind: { state: true },
  };

  /**
   * USPS code of the state to preselect (`"TX"`), e.g. on a state's landing page. Applies until the
   * person makes a choice in the widget. An unknown code shows the state step with a message.
   */
  declare state: string | undefined;
  /** Where "Start the free assessment" leads. Default `#hearth-assessment`. */
  declare assessmentHref: string;

  declare protected step: CoverageStep;
  declare protected selectedState: UsStateCode | undefined;
  declare protected selectedPayer: string | undefined;
  declare protected coverage: CoverageConfig | undefined;
  declare protected stateError: boolean;
  declare protected payerError: boolean;
  declare protected notice: boolean;
  declare protected announcement: string;
  declare protected leadKind: CoverageLeadKind;

  #interacted = false;
  #focusPending = false;
  #usingDemo = false;
  #watchedSession: HearthSession | undefined;
  readonly #leadForms = new Map<CoverageLeadKind, HearthLeadForm>();
  readonly #leadFormLoader = new LeadFormLoader(this);
  readonly #leadSentFor = new Map<CoverageLeadKind, string>();

  constructor() {
    super();
    this.assessmentHref = '#hearth-assessment';
    this.step = 'state';
    this.stateError = false;
    this.payerError = false;
    this.notice = false;
    this.announcement = '';
    this.leadKind = 'benefits-check';
  }

  /** The step on screen. */
  get currentStep(): CoverageStep {
    return this.step;
  }

  /** The result on screen, or undefined before the person reaches one. */
  get result(): CoverageResult | undefined {
    return this.step === 'result' || this.step === 'lead' ? this.#result() : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watchSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watchedSession?.removeEventListener('change', this.#handleSessionChange);
    this.#watchedSession = undefined;
  }

  protected override configChanged(config: HearthConfig): void {
    this.#watchSession();
    if (config.coverage) {
      this.#usingDemo = false;
      this.coverage = config.coverage;
      this.#applyKnownState();
      return;
    }
    if (this.#usingDemo && this.coverage) return;
    this.#usingDemo = true;
    loadDemoCoverage(this.localName).then(
      (coverage) => {
        if (!this.#usingDemo) return;
        this.coverage = coverage;
        this.#applyKnownState();
      },
      (error: unknown) =>
        this.fail(
          new Error(
            `could not load the demo coverage data (${error instanceof Error ? error.message : String(error)}); set config "coverage" instead`,
          ),
        ),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('state')) this.#applyKnownState();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#focusPending) return;
    this.#focusPending = false;
    this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus();
  }

  // The provider (and so the session) may arrive after connection, or change.
  #watchSession(): void {
    // A detached element must not leave a listener on the page-wide session.
    if (!this.isConnected) return;
    const session = this.session;
    if (session === this.#watchedSession) return;
    this.#watchedSession?.removeEventListener('change', this.#handleSessionChange);
    this.#watchedSession = session;
    session.addEventListener('change', this.#handleSessionChange);
    this.#applyKnownState();
  }

  /**
   * Applies a state the person did not give here (the attribute, or another widget through the
   * session) until they make a choice in this widget: after that, their choice here wins.
   */
  #applyKnownState(): void {
    const raw = this.state;
    let candidate: UsStateCode | undefined;
    if (raw !== undefined && raw !== null && raw.trim() !== '') {
      const code = normalizeCode(raw);
      if (isUsStateCode(code)) candidate = code;
      else {
        reportOnce(
          `<${this.localName} state="${raw}">: "${raw}" is not a USPS code of a US state or DC (e.g. "TX"); showing the state question instead.`,
        );
      }
      this.notice = candidate === undefined && !this.#interacted;
    } else {
      this.notice = false;
    }
    const fromSession = normalizeCode(this.session.get('state'));
    if (!candidate && isUsStateCode(fromSession)) candidate = fromSession;
    // Before any interaction the widget shows the state step, the insurer step or a not-served
    // result reached on its own; all three follow the latest known state.
    if (!this.coverage || this.#interacted || !candidate) return;
    if (candidate === this.selectedState && this.step !== 'state') return;
    this.#chooseState(candidate, false);
  }

  #chooseState(code: UsStateCode, byPerson: boolean): void {
    const coverage = this.coverage;
    if (!coverage) return;
    this.selectedState = code;
    this.stateError = false;
    if (byPerson) {
      this.#interacted = true;
      this.notice = false;
      // Share it, so the assessment does not ask again.
      this.session.set('state', code);
    }
    if (coverage.states[code]?.served !== true) {
      this.selectedPayer = undefined;
      this.#showResult(byPerson);
      return;
    }
    const known = [...SPECIAL_PAYER_IDS, ...payersForState(coverage, code).map((p) => p.id)];
    if (this.selectedPayer && !known.includes(this.selectedPayer)) this.selectedPayer = undefined;
    this.#goTo('payer', byPerson);
    this.track('step', { step: 'payer', stepNumber: 2, stepCount: STEP_COUNT });
  }

  #goTo(step: CoverageStep, focus: boolean): void {
    if (step !== 'result') this.announcement = '';
    this.step = step;
    if (focus) this.#focusPending = true;
  }

  #showResult(focus: boolean): void {
    const result = this.#result();
    if (!result) return;
    this.#goTo('result', focus);
    // Announce only what the person asked for here, not a result that follows another widget's answer.
    if (focus) this.announcement = this.localize.t('result.announce', { headline: this.#headline(result) });
    // A result the person asked for that offers a form: load it now, so it is there when they press the button.
    if (focus && result.outcome !== 'self-pay' && (result.outcome !== 'not-served' || result.waitlist)) this.#leadFormLoader.prefetch();
    const payerId = result.outcome === 'not-served' ? undefined : result.payerId;
    this.emit('hearth-coverage-result', { state: result.state, payerId, outcome: result.outcome });
    this.track('result', { step: 'result', outcome: result.outcome });
  }

  #result(): CoverageResult | undefined {
    if (!this.coverage || !this.selectedState) return undefined;
    return checkCoverage(this.coverage, { state: this.selectedState, payerId: this.selectedPayer ?? 'unknown' });
  }

  // ----- handlers -----

  readonly #handleSessionChange = (): void => this.#applyKnownState();

  readonly #handleStateSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#state-select');
    const code = select?.value ?? '';
    if (!isUsStateCode(code)) {
      this.stateError = true;
      void this.updateComplete.then(() => focusField(this.renderRoot, 'state-select'));
      return;
    }
    this.#chooseState(code, true);
  };

  readonly #handleStateInput = (event: Event): void => {
    const code = (event.target as HTMLSelectElement).value;
    if (isUsStateCode(code)) this.stateError = false;
  };

  readonly #handlePayerChange = (payerId: string): void => {
    this.selectedPayer = payerId;
    this.payerError = false;
  };

  readonly #handlePayerSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (!this.selectedPayer) {
      this.payerError = true;
      void this.updateComplete.then(() => focusField(this.renderRoot, 'payer-0'));
      return;
    }
    this.#interacted = true;
    this.#showResult(true);
  };

  readonly #handleChangeState = (): void => {
    this.#interacted = true;
    this.notice = false;
    this.#goTo('state', true);
    this.track('step', { step: 'state', stepNumber: 1, stepCount: STEP_COUNT });
  };

  readonly #handleChangePayer = (): void => {
    this.#interacted = true;
    this.#goTo('payer', true);
    this.track('step', { step: 'payer', stepNumber: 2, stepCount: STEP_COUNT });
  };

  readonly #handleLead = (kind: CoverageLeadKind): void => {
    this.#interacted = true;
    this.leadKind = kind;
    this.#goTo('lead', true);
    this.track('step', { step: kind });
  };

  readonly #handleBackToResult = (): void => {
    this.#goTo('result', true);
    const result = this.#result();
    if (result) this.announcement = this.localize.t('result.announce', { headline: this.#headline(result) });
  };

  // The same event as the guide's call to action, so the assessment needs one listener for both.
  readonly #handleAssessment = (event: MouseEvent): void => {
    if (!this.emitCta('assessment', this.assessmentHref)) event.preventDefault();
  };

  // ----- text helpers -----

  readonly #t = (key: string, options?: Record<string, unknown>): string => this.localize.t(key, options);

  #stateName(code: UsStateCode | undefined): string {
    const info = code ? STATE_BY_CODE.get(code) : undefined;
    if (!info) return code ?? '';
    return this.localize.lang === 'es' ? (info.nameEs ?? info.name) : info.name;
  }

  #price(terms: SelfPayTerms): string {
    return this.localize.t(`money.price_${terms.unit}`, { price: this.localize.currency(terms.price, terms.currency) });
  }

  #payerName(result: CoverageResult): string {
    if ('payer' in result) return result.payer.name;
    if (result.outcome === 'self-pay') return this.localize.t('result.payerSelf');
    return this.localize.t('result.payerUnknown');
  }

  #headline(result: CoverageResult): string {
    const price = 'price' in result ? this.#price(result) : undefined;
    return this.localize.t(result.headlineKey, {
      state: this.#stateName(result.state),
      payer: 'payer' in result ? result.payer.name : '',
      price,
    });
  }

  // ----- rendering -----

  protected renderContent(): unknown {
    return html`<div class="hearth-root" part="base">
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${
        // Example data is never shown as the clinic's: the person is told, on every step.
        this.#usingDemo ? html`<p part="example-notice">${this.localize.t('example')}</p>` : nothing
      }
      ${this.coverage ? this.#renderStep(this.coverage) : html`<p class="loading" aria-busy="true">${this.localize.t('loading')}</p>`}
      ${crisisLines(this.#t, { part: 'crisis' })}
    </div>`;
  }

  #renderStep(coverage: CoverageConfig): TemplateResult {
    const result = this.step === 'result' || this.step === 'lead' ? this.#result() : undefined;
    if (this.step === 'payer' && this.selectedState) return this.#renderPayerStep(coverage, this.selectedState);
    if (this.step === 'result' && result) return this.#renderResult(result);
    if (this.step === 'lead' && result) return this.#renderLead(result);
    return this.#renderStateStep(coverage);
  }

  #eyebrow(step: number): TemplateResult {
    return html`<p class="eyebrow">${this.localize.t('eyebrow')} · ${this.localize.t('stepOf', { step, count: STEP_COUNT })}</p>`;
  }

  #renderStateStep(coverage: CoverageConfig): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const collator = new Intl.Collator(this.localize.lang);
    const states = US_STATES.map((s) => ({ code: s.code, name: this.#stateName(s.code) })).sort((a, b) => collator.compare(a.name, b.name));
    const served = servedStates(coverage)
      .map((code) => this.#stateName(code))
      .sort((a, b) => collator.compare(a, b));
    const describedBy = ['state-hint', this.notice ? 'state-notice' : '', this.stateError ? 'state-error' : ''].filter(Boolean).join(' ');
    return html`<div class="step" part="step step-state">
      <form novalidate @submit=${this.#handleStateSubmit}>
        ${this.#eyebrow(1)} ${this.notice ? html`<p class="notice" id="state-notice" part="notice">${t('state.unknownCode')}</p>` : nothing}
        <div class="field ${this.stateError ? 'field--error' : ''}">
          <h2 class="heading" part="heading" tabindex="-1" data-step-heading>
            <label for="state-select">${t('state.heading')}</label>
          </h2>
          <p class="hint" id="state-hint">${t('state.hint')}</p>
          ${
            this.stateError
              ? inlineError({ id: 'state-error', part: 'error-message', prefix: t('errorPrefix'), message: t('state.required') })
              : nothing
          }
          <select
            class="input"
            id="state-select"
            part="state-select"
            name="state"
            autocomplete="address-level1"
            aria-describedby=${describedBy}
            aria-invalid=${this.stateError ? 'true' : 'false'}
            @change=${this.#handleStateInput}
          >
            <option value="" ?selected=${!this.selectedState}>${t('state.placeholder')}</option>
            ${states.map((s) => html`<option value=${s.code} ?selected=${s.code === this.selectedState}>${s.name}</option>`)}
          </select>
        </div>
        <div class="actions">
          <button class="button" type="submit">${t('state.continue')}</button>
        </div>
      </form>
      <details class="served">
        <summary>${t('state.servedToggle')}</summary>
        ${
          served.length === 0
            ? html`<p>${t('state.servedNone')}</p>`
            : html`<p>${t('state.servedIntro', { count: served.length })}</p>
                <ul>
                  ${served.map((name) => html`<li>${name}</li>`)}
                </ul>`
        }
      </details>
      <p class="privacy">${this.localize.t('privacy')}</p>
    </div>`;
  }

  #renderPayerStep(coverage: CoverageConfig, state: UsStateCode): TemplateResult {
    const t = this.#t;
    const stateName = this.#stateName(state);
    const choice = (value: string, label: string, hint?: string, divider?: string) => ({
      value,
      label,
      ...(hint ? { hint } : {}),
      ...(divider ? { divider } : {}),
      checked: this.selectedPayer === value,
      onChange: () => this.#handlePayerChange(value),
    });
    return html`<div class="step" part="step step-payer">
      <form novalidate @submit=${this.#handlePayerSubmit}>
        ${this.#eyebrow(2)}
        <p class="context">
          <span>${t('payer.inState', { state: stateName })}</span>
          <button class="button button--link" type="button" @click=${this.#handleChangeState}>${t('result.changeState')}</button>
        </p>
        ${choiceFieldset({
          type: 'radio',
          name: 'payer',
          idPrefix: 'payer',
          legend: html`<h2 class="heading" part="heading" tabindex="-1" data-step-heading>${t('payer.heading')}</h2>`,
          hint: t('payer.hint'),
          ...(this.payerError ? { error: { message: t('payer.required'), prefix: t('errorPrefix'), part: 'error-message' } } : {}),
          parts: { list: 'payer-list', choice: 'payer-option' },
          dividersDecorative: true,
          choices: [
            ...payersForState(coverage, state).map((p) => choice(p.id, p.name, p.notes)),
            choice('medicaid', t('payer.medicaid'), t('payer.medicaidHint', { state: stateName }), t('payer.otherOptions')),
            choice('medicare', t('payer.medicare'), t('payer.medicareHint')),
            choice('unknown', t('payer.unknown'), t('payer.unknownHint')),
            choice('self-pay', t('payer.selfPay'), t('payer.selfPayHint')),
          ],
        })}
        <div class="actions">
          <button class="button" type="submit">${t('payer.continue')}</button>
        </div>
      </form>
      <p class="privacy">${this.localize.t('privacy')}</p>
    </div>`;
  }

  #renderResult(result: CoverageResult): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const stateName = this.#stateName(result.state);
    const payerName = 'payer' in result ? result.payer.name : '';
    const vars = { state: stateName, payer: payerName };
    const notes = 'payer' in result ? result.payer.notes : undefined;
    const phone = this.hearthConfig?.brand.phone;
    return html`<div class="step result result--${result.outcome}" part="step step-result result">
      <p class="eyebrow">${t('result.eyebrow')}</p>
      <h2 class="heading" part="heading" tabindex="-1" data-step-heading>${this.#headline(result)}</h2>
      ${notes ? html`<p class="plan-note">${t('result.planNote', { note: notes })}</p>` : nothing}
      <dl class="answers" part="answers" aria-label=${t('result.answers')}>
        <div>
          <dt>${t('result.stateLabel')}</dt>
          <dd>
            <span>${stateName}</span>
            <button class="button button--link" type="button" @click=${this.#handleChangeState}>${t('result.changeState')}</button>
          </dd>
        </div>
        ${
          result.outcome === 'not-served'
            ? nothing
            : html`<div>
                <dt>${t('result.payerLabel')}</dt>
                <dd>
                  <span>${this.#payerName(result)}</span>
                  <button class="button button--link" type="button" @click=${this.#handleChangePayer}>${t('result.changeInsurer')}</button>
                </dd>
              </div>`
        }
      </dl>
      ${this.#renderMoney(result, vars)}
      <section part="next-steps" aria-labelledby="next-heading">
        <h3 id="next-heading">${t('result.nextHeading')}</h3>
        <p>${t(result.nextStepKey, vars)}</p>
      </section>
      <p class="disclaimer" part="disclaimer">${t(result.disclaimerKey)}</p>
      <div class="actions" part="actions">${this.#renderActions(result)}</div>
      ${phone && result.outcome !== 'not-served' ? html`<p class="call">${this.#callText(phone)}</p>` : nothing}
    </div>`;
  }

  // "Questions? Call (555) 010-0199." with the number as a tel: link, in either language.
  #callText(phone: string): TemplateResult {
    const marker = '\u0001';
    const [before = '', after = ''] = this.localize.t('result.call', { phone: marker }).split(marker);
    const digits = phone.replace(/[^\d+]/g, '');
    return html`${before}<a href="tel:${digits}">${phone}</a>${after}`;
  }

  #renderMoney(result: CoverageResult, vars: Record<string, string>): TemplateResult | typeof nothing {
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    let body: TemplateResult;
    let includes: readonly string[] = [];
    switch (result.outcome) {
      case 'not-served':
        return nothing;
      case 'in-network':
        body = html`<p>${t('money.inNetwork')}</p>`;
        break;
      case 'out-of-network':
        body = html`<p>${t('money.outOfNetwork', { price: this.#price(result.selfPay) })}</p>
          <p>${t(result.guidanceKey, vars)}</p>`;
        includes = result.selfPay.includes;
        break;
      case 'varies':
        body = html`<p>${t('money.varies', { price: this.#price(result.selfPay) })}</p>`;
        includes = result.selfPay.includes;
        break;
      case 'self-pay':
        body = html`<p>${t('money.selfPay', { price: this.#price(result) })}</p>`;
        includes = result.includes;
        break;
      case 'unknown-payer':
        body = html`<p>${t('money.unknownPayer', { price: this.#price(result.selfPay) })}</p>`;
        includes = result.selfPay.includes;
        break;
    }
    return html`<section part="money" aria-labelledby="money-heading">
      <h3 id="money-heading">${t('result.moneyHeading')}</h3>
      ${body}
      ${
        includes.length
          ? html`<p>${t('result.includes')}</p>
              <ul>
                ${includes.map((item) => html`<li>${item}</li>`)}
              </ul>`
          : nothing
      }
    </section>`;
  }

  #renderActions(result: CoverageResult): TemplateResult {
    const t = (key: string) => this.localize.t(key);
    const assessment = (primary: boolean) =>
      html`<a class="button ${primary ? '' : 'button--secondary'}" href=${this.assessmentHref} @click=${this.#handleAssessment}
        >${t('actions.startAssessment')}</a
      >`;
    const booking = this.hearthConfig?.brand.bookingUrl;
    switch (result.outcome) {
      case 'not-served':
        return result.waitlist
          ? html`<button class="button" type="button" @click=${() => this.#handleLead('waitlist')}>${t('actions.joinWaitlist')}</button>
              ${assessment(false)}`
          : assessment(true);
      case 'self-pay':
        return html`${assessment(true)}
        ${booking ? html`<a class="button button--secondary" href=${booking}>${t('actions.book')}</a>` : nothing}`;
      default:
        return html`<button class="button" type="button" @click=${() => this.#handleLead('benefits-check')}>
            ${t('actions.checkBenefits')}
          </button>
          ${assessment(false)}`;
    }
  }

  #renderLead(result: CoverageResult): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const stateName = this.#stateName(result.state);
    const waitlist = this.leadKind === 'waitlist';
    const payerName = 'payer' in result ? result.payer.name : undefined;
    const heading = waitlist ? t('lead.waitlistHeading', { state: stateName }) : t('lead.benefitsHeading');
    const intro = waitlist
      ? t('lead.waitlistIntro', { state: stateName })
      : payerName
        ? t('lead.benefitsIntro', { payer: payerName })
        : t('lead.benefitsIntroNoPayer');
    const summary: CoverageSummary = {
      type: 'coverage',
      state: result.state,
      outcome: result.outcome,
      ...(result.outcome === 'not-served' ? {} : { payerId: result.payerId }),
    };
    return html`<div class="step" part="step step-lead lead">
      <button class="button button--link" type="button" @click=${this.#handleBackToResult}>${t('lead.back')}</button>
      <h2 class="heading" part="heading" tabindex="-1" data-step-heading>${heading}</h2>
      <p>${intro}</p>
      <div part="lead">
        ${this.#leadFormLoader.render(
          () => this.#leadForm(this.leadKind, summary, result.state),
          (key) => t(key),
        )}
      </div>
    </div>`;
  }

  /**
   * The embedded `<hearth-lead-form>`, one per kind, kept while the person goes back and forth so
   * that nothing they typed is lost. A form that already sent a lead for another answer starts afresh.
   */
  #leadForm(kind: CoverageLeadKind, summary: CoverageSummary, state: UsStateCode): HearthLeadForm {
    let form = this.#leadForms.get(kind);
    if (!form) {
      // createElement, not `new`: another copy of Hearth may own the tag.
      form = document.createElement('hearth-lead-form') as HearthLeadForm;
      form.setAttribute('part', 'lead-form');
      form.setAttribute('exportparts', 'form: lead-form-form, submit: lead-form-submit, result: lead-form-result');
      const current = form;
      form.addEventListener('hearth-lead-form-result', (event) => {
        const { status } = event.detail;
        // The summary the form actually sent, not the one it was created with.
        if ((status === 'sent' || status === 'queued') && current.summary)
          this.#leadSentFor.set(kind, answerKey(current.summary as CoverageSummary));
        this.trackLeadResult(event.detail, kind);
      });
      this.#leadForms.set(kind, form);
    }
    const sentFor = this.#leadSentFor.get(kind);
    if (sentFor !== undefined && sentFor !== answerKey(summary)) {
      this.#leadSentFor.delete(kind);
      form.reset();
    }
    form.kind = kind;
    form.summary = summary;
    form.state = state;
    form.hostConfig = this.hearthConfig;
    return form;
  }
}
