import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  HearthElement,
  baseStyles,
  buttonStyles,
  errorSummary,
  focusField,
  inlineError,
  isUsStateCode,
  registerTranslations,
  reportOnce,
  type HearthConfig,
  type LeadSummary,
  type UsStateCode,
} from '@hearth/core';
import { formStyles } from './form-styles.js';
import styles from './hearth-lead-form.styles.js';
import { ContactSchema, LEAD_SCHEMA_VERSION, normalizeUsPhone, type LeadAnswers, type LeadFieldError, type LeadInput } from './schema.js';
import { collectSource } from './source.js';
import { newIdempotencyKey } from './submit.js';
import { sendLead, type LeadDeliveryStatus } from './outbox.js';
import { resumePendingLeads } from './pending.js';
import en from './translations/en.json' with { type: 'json' };

registerTranslations('lead-form', en, { es: () => import('./translations/es.json', { with: { type: 'json' } }) });

/** What the lead is about; sent as `kind` and picks the default button label. */
export type LeadFormKind = 'assessment' | 'benefits-check' | 'waitlist';
/** Optional fields a host can show. Name, email and consent are always there. */
export type LeadFormOptionalField = 'phone' | 'contact-method';
/** A field the person fills in (and that an error can point at). */
export type LeadFormField = 'name' | 'email' | 'phone' | 'contact' | 'consent';
/** The outcome the form reports: the lead pipeline's status, or `blocked` when the bot checks stopped it. */
export type LeadFormStatus = LeadDeliveryStatus | 'blocked';

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /**
     * `<hearth-lead-form>` finished a submission. Cancelable: on `sent`, cancelling stops the
     * redirect to `lead.redirectUrl`. No contact details, no answers.
     */
    'hearth-lead-form-result': { status: LeadFormStatus; kind: LeadFormKind; idempotencyKey?: string; leadId?: string };
  }
}

type ContactMethod = 'email' | 'phone' | 'text';
interface Values {
  name: string;
  email: string;
  phone: string;
  contact: ContactMethod | '';
  consent: boolean;
}
type Problem = 'failed' | 'notConnected' | 'blocked' | 'tooFast';
interface QueuedLead {
  lead: LeadInput;
  errorCode: string | undefined;
  durable: boolean | undefined;
  /** The browser said it was offline: only then is the person told so (a hang or a dropped answer is not being offline). */
  offline: boolean;
}

const EMPTY: Values = { name: '', email: '', phone: '', contact: '', consent: false };
const FIELD_ORDER: readonly LeadFormField[] = ['name', 'email', 'phone', 'contact', 'consent'];
const EmailSchema = ContactSchema.shape.email;
const TAG_NAME = /^[a-z][a-z0-9]*-[a-z0-9-]+$/;

/** Maps a lead path returned by the endpoint (`contact.email`) onto the field that holds it. */
export function fieldForLeadPath(path: string): LeadFormField | undefined {
  if (path.startsWith('consent')) return 'consent';
  const map: Record<string, LeadFormField> = {
    'contact.name': 'name',
    'contact.email': 'email',
    'contact.phone': 'phone',
    'contact.preferredContact': 'contact',
  };
  return map[path];
}

/**
 * @summary The lead form shared by every Hearth widget that hands a person over to a clinic:
 * name, email, optional phone and preferred contact method, consent, and an honest report of
 * what happened to the lead.
 *
 * Importing `@hearth/lead/hearth-lead-form.js` defines `<hearth-lead-form>` (guarded); this module
 * only declares the class (a partner may register it under a tag of their own).
 *
 * Usage inside a host widget's template:
 * ```html
 * <hearth-lead-form kind="waitlist" .summary=${coverageSummary} .hostConfig=${this.hearthConfig}
 *   @hearth-lead-form-result=${this.handleLeadResult}></hearth-lead-form>
 * ```
 * - `kind`: `assessment` | `benefits-check` | `waitlist` (sent as `lead.kind`; picks the button label).
 * - `summary`: an `AssessmentSummary` or `CoverageSummary` sent with the lead.
 * - `answers`: raw answers, sent only when the config has `privacy.includeAnswers: true`.
 * - `urgent`: the safety question fired; the clinic follows up urgently.
 * - `state`: USPS code sent as `contact.state` (defaults to the session's state).
 * - `fields`: optional fields to show, space-separated: `phone`, `contact-method` (default both).
 * - `hostConfig`: the host's resolved config, so attributes given to the host (endpoint, copy,
 *   consent text) reach its form. Without it the form resolves its own (attributes, provider,
 *   `Hearth.configure()`).
 * - `heading` / `heading-level`: an optional heading above the form.
 * - `submit-label`: overrides the button label.
 * - `min-fill-time` (ms, default 3000) and `startedAt` (epoch ms, default first render): a submit
 *   sooner than that after `startedAt` is refused as a bot and nothing is sent.
 * - `widget`: the tag sent as `lead.widget`; defaults to the host's tag (the element whose shadow
 *   root holds the form), else `hearth-lead-form`.
 * - `reset()` clears every field and starts a new lead.
 *
 * Privacy: nothing leaves the page until the person presses the button with consent checked. The
 * lead goes through `sendLead()` (validated, then the outbox), which dispatches
 * `hearth-lead-submit` (cancelable), `hearth-lead-submitted` and `hearth-lead-error` on the host
 * widget. Consent text and version (`lead.consentText[lang]`, `lead.consentVersion`) are sent exactly
 * as shown. When the partner gives consent text in English only, a Spanish page shows and sends
 * that English text rather than our default: the partner's legal wording wins over a translation
 * they did not approve.
 *
 * What the person is told, from `sendLead()`'s status:
 * - `sent`: "Sent" plus the next step (`lead.redirectUrl`, followed unless the host cancels the
 *   result event, else `brand.bookingUrl`), and the clinic's phone when configured;
 * - `queued` (the endpoint failed or the device is offline; the outbox keeps it and retries):
 *   "Not sent yet: saved on this device", a "Try again now" button that re-attempts the very same
 *   lead, and the panel turns into "Sent" (announced, focus left alone) when the outbox delivers it;
 * - `failed` (refused, not connected): says so plainly, maps the endpoint's field errors onto the
 *   fields, offers "Try again", and keeps every field.
 *
 * The form keeps contact details in memory only (never in events or analytics); the outbox
 * stores a queued lead on the device until it is delivered. Each form that connects also starts
 * the resume of leads that earlier visits left queued (`resumePendingLeads()`).
 *
 * @event hearth-lead-form-result - `{ status: 'sent' | 'queued' | 'failed' | 'blocked', kind, idempotencyKey?, leadId? }`. Cancelable (stops the redirect).
 * @event hearth-lead-submit - From `sendLead()`, on the host widget. Cancelable: vetoes the submission.
 * @event hearth-lead-submitted - From `sendLead()`: the endpoint acknowledged the lead.
 * @event hearth-lead-error - From `sendLead()`: delivery failed.
 * @event hearth-lead-rejected - From the outbox: a lead told "saved" was later refused for good or expired; it is held on the device and `<hearth-lead-notice>` tells the person on their next page. `{ idempotencyKey, widget, reason: 'rejected' | 'expired', status? }`, no personal or health data. Dispatched here while the form is in the page, otherwise on `document`.
 *
 * @csspart base - The wrapper.
 * @csspart form - The `<form>`.
 * @csspart submit - The submit button.
 * @csspart result - The panel shown once the lead is sent or saved.
 *
 * @cssproperty --hearth-lead-form-gap - Space between fields (defaults to `--hearth-space-l`).
 */
export class HearthLeadForm extends HearthElement {
  static override widgetName = 'lead-form';
  static override i18nNamespaces = ['lead-form', 'core'];
  static override styles = [baseStyles, buttonStyles, formStyles, styles];

  static override properties = {
    ...HearthElement.properties,
    kind: { reflect: true },
    summary: { attribute: false },
    answers: { attribute: false },
    urgent: { type: Boolean },
    state: {},
    fields: {},
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    submitLabel: { attribute: 'submit-label' },
    minFillTime: { type: Number, attribute: 'min-fill-time' },
    startedAt: { type: Number, attribute: false },
    widget: {},
    hostConfig: { attribute: false },
    values: { state: true },
    fieldErrors: { state: true },
    generalErrors: { state: true },
    phase: { state: true },
    problem: { state: true },
    queuedLead: { state: true },
    announcement: { state: true },
  };

  /** What the lead is about. */
  declare kind: LeadFormKind;
  /** The result sent with the lead (no answers). */
  declare summary: LeadSummary | undefined;
  /** Raw answers; sent only with `privacy.includeAnswers`. */
  declare answers: LeadAnswers | undefined;
  /** The safety question fired: flag the lead for urgent follow-up. */
  declare urgent: boolean;
  /** USPS code of the state of residence; defaults to the session's. */
  declare state: string | undefined;
  /** Optional fields to show, space-separated: `phone contact-method`. */
  declare fields: string;
  /** Optional heading above the form. */
  declare heading: string | undefined;
  /** Level of that heading (2–6). */
  declare headingLevel: number;
  /** Overrides the default button label. */
  declare submitLabel: string | undefined;
  /** Minimum time (ms) between `startedAt` and a submit; sooner is treated as a bot. */
  declare minFillTime: number;
  /** When the person started (epoch ms). Defaults to when the form first rendered. */
  declare startedAt: number | undefined;
  /** Tag sent as `lead.widget`. */
  declare widget: string | undefined;
  /** The host widget's resolved config. */
  declare hostConfig: HearthConfig | undefined;

  /** What the person typed (kept in memory only). */
  declare protected values: Values;
  declare protected fieldErrors: Partial<Record<LeadFormField, string>>;
  /** Errors the endpoint returned that no field shows. */
  declare protected generalErrors: string[];
  declare protected phase: 'editing' | 'sending' | LeadDeliveryStatus;
  declare protected problem: Problem | undefined;
  /** A lead the outbox holds (status 'queued'): kept as is, so "Try again now" re-sends exactly it. */
  declare protected queuedLead: QueuedLead | undefined;
  /** The polite live region's message. */
  declare protected announcement: string;

  #idempotencyKey = newIdempotencyKey();
  #renderedAt = 0;
  #focusAfterRender: string | undefined;

  constructor() {
    super();
    this.values = { ...EMPTY };
    this.fieldErrors = {};
    this.generalErrors = [];
    this.phase = 'editing';
    this.problem = undefined;
    this.queuedLead = undefined;
    this.announcement = '';
    this.kind = 'assessment';
    this.urgent = false;
    this.fields = 'phone contact-method';
    this.headingLevel = 2;
    this.minFillTime = 3000;
  }

  override get hearthConfig(): HearthConfig | undefined {
    return this.hostConfig ?? super.hearthConfig;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The outbox reports a late delivery on the widget, or on document once that is gone.
    document.addEventListener('hearth-lead-submitted', this.#handleLateOutcome);
    document.addEventListener('hearth-lead-error', this.#handleLateOutcome);
    // Leads an earlier visit left queued: looked for once per page, resumed at each connection.
    void resumePendingLeads();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('hearth-lead-submitted', this.#handleLateOutcome);
    document.removeEventListener('hearth-lead-error', this.#handleLateOutcome);
  }

  /** Clears every field, error and result, and starts a new lead (a new idempotency key). */
  reset(): void {
    this.queuedLead = undefined;
    this.announcement = '';
    this.values = { ...EMPTY };
    this.fieldErrors = {};
    this.generalErrors = [];
    this.problem = undefined;
    this.phase = 'editing';
    this.#idempotencyKey = newIdempotencyKey();
    this.#renderedAt = Date.now();
  }

  /** Moves focus to the heading, or the first field when there is none. */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.heading, .panel, input:not([tabindex="-1"])');
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('hostConfig')) this.localize.refresh();
  }

  protected override firstUpdated(): void {
    this.#renderedAt = Date.now();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#focusAfterRender) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender);
    this.#focusAfterRender = undefined;
    target?.focus();
  }

  get #shows(): { phone: boolean; contact: boolean } {
    const list = this.fields.split(/[\s,]+/);
    const phone = list.includes('phone');
    return { phone, contact: phone && list.includes('contact-method') };
  }

  get #host(): HTMLElement {
    const root = this.getRootNode();
    return root instanceof ShadowRoot && root.host instanceof HTMLElement ? root.host : this;
  }

  get #widgetTag(): string {
    const tag = this.widget ?? this.#host.localName;
    return TAG_NAME.test(tag) ? tag : this.localName;
  }

  #consentText(config: HearthConfig): string {
    const lang = this.localize.lang;
    const custom = config.lead.consentText;
    return custom?.[lang] ?? custom?.en ?? this.localize.t('consent.default', { brand: config.brand.name });
  }

  #validate(values: Values): Partial<Record<LeadFormField, string>> {
    const t = (key: string) => this.localize.t(`errors.${key}`);
    const errors: Partial<Record<LeadFormField, string>> = {};
    const name = values.name.trim();
    if (!name) errors.name = t('nameRequired');
    else if (name.length > 120) errors.name = t('nameTooLong');
    const email = values.email.trim();
    if (!email) errors.email = t('emailRequired');
    else if (!EmailSchema.safeParse(email).success) errors.email = t('emailInvalid');
    const shows = this.#shows;
    const needsPhone = values.contact === 'phone' || values.contact === 'text';
    if (shows.phone && values.phone.trim() && !normalizeUsPhone(values.phone)) errors.phone = t('phoneInvalid');
    else if (shows.contact && needsPhone && !values.phone.trim()) errors.phone = t('phoneRequired');
    if (shows.contact && !values.contact) errors.contact = t('contactRequired');
    if (!values.consent) errors.consent = t('consentRequired');
    return errors;
  }

  /** Reads the form as it is now: a bot (or autofill) may set values without firing `input`. */
  #readForm(form: HTMLFormElement): { values: Values; trap: string } {
    const data = new FormData(form);
    const get = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value : '';
    };
    const contact = get('contact');
    return {
      values: {
        name: get('name'),
        email: get('email'),
        phone: get('phone'),
        contact: contact === 'email' || contact === 'phone' || contact === 'text' ? contact : '',
        consent: data.get('consent') === 'yes',
      },
      trap: get('website'),
    };
  }

  #buildLead(config: HearthConfig, values: Values): LeadInput {
    const now = new Date().toISOString();
    const phone = this.#shows.phone ? normalizeUsPhone(values.phone) : undefined;
    const stateValue = this.state ?? this.session.get('state');
    const state: UsStateCode | undefined = isUsStateCode(stateValue) ? stateValue : undefined;
    const contact: LeadInput['contact'] = { name: values.name.trim(), email: values.email.trim() };
    if (phone) contact.phone = phone;
    if (state) contact.state = state;
    if (this.#shows.contact && values.contact) contact.preferredContact = values.contact;
    const lead: LeadInput = {
      schemaVersion: LEAD_SCHEMA_VERSION,
      idempotencyKey: this.#idempotencyKey,
      createdAt: now,
      widget: this.#widgetTag,
      kind: this.kind,
      urgent: this.urgent === true,
      contact,
      consent: { given: true, text: this.#consentText(config), version: config.lead.consentVersion, timestamp: now },
      source: collectSource(),
      locale: this.localize.lang,
    };
    if (this.summary) lead.summary = this.summary;
    if (config.privacy.includeAnswers && this.answers) lead.answers = this.answers;
    return lead;
  }

  readonly #handleSubmit = (event: Event): void => {
    event.preventDefault();
    void this.#submit(event.currentTarget as HTMLFormElement);
  };

  readonly #handleRetry = (): void => {
    const form = this.renderRoot.querySelector('form');
    if (form) void this.#submit(form);
  };

  async #submit(form: HTMLFormElement): Promise<void> {
    const config = this.hearthConfig;
    if (!config || this.phase !== 'editing') return;
    const { values, trap } = this.#readForm(form);
    this.values = values;
    this.problem = undefined;
    this.generalErrors = [];
    if (trap) {
      // A bot filled the hidden field. Nothing leaves the page; a person never sees this field.
      this.problem = 'blocked';
      this.fieldErrors = {};
      this.#focusAfterRender = '.panel--danger';
      this.requestUpdate();
      this.emit('hearth-lead-form-result', { status: 'blocked', kind: this.kind });
      return;
    }
    this.fieldErrors = this.#validate(values);
    if (Object.keys(this.fieldErrors).length) {
      this.#focusAfterRender = '.error-summary';
      this.requestUpdate();
      return;
    }
    const startedAt = this.startedAt ?? this.#renderedAt;
    if (Date.now() - startedAt < this.minFillTime) {
      // Faster than a person can read the form: refuse, and let a real person simply press again.
      this.problem = 'tooFast';
      this.#focusAfterRender = '.panel--danger';
      this.requestUpdate();
      this.emit('hearth-lead-form-result', { status: 'blocked', kind: this.kind });
      return;
    }

    await this.#deliver(config, this.#buildLead(config, values));
  }

  /** Sends (or, for a queued lead, re-attempts) one lead and tells the person what happened. */
  async #deliver(config: HearthConfig, lead: LeadInput): Promise<void> {
    this.phase = 'sending';
    this.problem = undefined;
    this.announcement = this.localize.t('sending');
    let delivery: Awaited<ReturnType<typeof sendLead>>;
    try {
      delivery = await sendLead(lead, { endpoint: config.lead.endpoint, source: this.#host });
    } catch (error) {
      // sendLead is built not to throw; if it ever does, the person must not be left on "Sending…".
      reportOnce(`<hearth-lead-form>: sending failed unexpectedly: ${(error as Error).message}`, error);
      this.phase = 'editing';
      this.problem = 'failed';
      this.announcement = '';
      return;
    }
    const { result } = delivery;
    this.announcement = '';
    if (delivery.status === 'sent') {
      this.#markSent();
      const leadId = result.ok ? result.leadId : undefined;
      const proceed = this.emit(
        'hearth-lead-form-result',
        { status: 'sent', kind: this.kind, idempotencyKey: delivery.idempotencyKey, ...(leadId ? { leadId } : {}) },
        { cancelable: true },
      );
      if (proceed && config.lead.redirectUrl) window.location.assign(config.lead.redirectUrl);
      return;
    }
    if (delivery.status === 'queued') {
      // Not delivered yet, but safe on this device: the outbox keeps trying (and so can the person).
      this.phase = 'queued';
      const offline = delivery.errorCode === 'network' && navigator.onLine === false;
      this.queuedLead = { lead, errorCode: delivery.errorCode, durable: delivery.durable, offline };
      this.#focusAfterRender = '.panel';
      this.requestUpdate();
      this.emit('hearth-lead-form-result', { status: 'queued', kind: this.kind, idempotencyKey: delivery.idempotencyKey });
      return;
    }

    this.phase = 'editing';
    this.queuedLead = undefined;
    if (!result.ok) {
      if (result.code === 'config') {
        this.problem = 'notConnected';
        reportOnce(`<${this.#widgetTag}>: ${result.message}`);
      } else if (result.fieldErrors?.length) {
        this.#applyFieldErrors(result.fieldErrors);
        // A lead our own form built and the schema refused is a bug in the host; tell the site owner.
        if (result.status === undefined) reportOnce(`<${this.#widgetTag}>: ${result.message}`);
      } else {
        this.problem = 'failed';
      }
    }
    this.#focusAfterRender = this.problem ? '.panel--danger' : '.error-summary';
    this.requestUpdate();
    this.emit('hearth-lead-form-result', { status: 'failed', kind: this.kind, idempotencyKey: delivery.idempotencyKey });
  }

  #markSent(): void {
    this.phase = 'sent';
    this.queuedLead = undefined;
    this.#idempotencyKey = newIdempotencyKey();
    this.#focusAfterRender = '.panel';
    this.requestUpdate();
  }

  readonly #handleRetryNow = (): void => {
    const config = this.hearthConfig;
    // The very same lead: the outbox knows its key and attempts it at once.
    if (config && this.queuedLead && this.phase === 'queued') void this.#deliver(config, this.queuedLead.lead);
  };

  /** The outbox delivered (or finally refused) a lead this form left queued. */
  readonly #handleLateOutcome = (event: Event): void => {
    const pending = this.queuedLead;
    const detail = (event as CustomEvent<{ idempotencyKey?: string; retrying?: boolean }>).detail;
    if (!pending || this.phase !== 'queued' || detail?.idempotencyKey !== pending.lead.idempotencyKey) return;
    if (event.type === 'hearth-lead-submitted') {
      const hadFocus = this.renderRoot.querySelector('.panel')?.contains(this.shadowRoot?.activeElement ?? null) ?? false;
      this.#markSent();
      // Announce it; move focus only if the person was on the panel (never yank it from elsewhere).
      if (!hadFocus) this.#focusAfterRender = undefined;
      this.announcement = this.localize.t('core:lead.sent');
      this.emit('hearth-lead-form-result', { status: 'sent', kind: this.kind, idempotencyKey: pending.lead.idempotencyKey });
    } else if (detail.retrying === false) {
      this.phase = 'editing';
      this.queuedLead = undefined;
      this.problem = 'failed';
      this.announcement = this.localize.t('core:lead.failed');
      this.emit('hearth-lead-form-result', { status: 'failed', kind: this.kind, idempotencyKey: pending.lead.idempotencyKey });
    }
  };

  #applyFieldErrors(fieldErrors: readonly LeadFieldError[]): void {
    const errors: Partial<Record<LeadFormField, string>> = {};
    let general = false;
    for (const error of fieldErrors) {
      const field = fieldForLeadPath(error.path);
      if (field && (field !== 'phone' || this.#shows.phone) && (field !== 'contact' || this.#shows.contact)) {
        errors[field] ??= this.localize.t(`errors.notAccepted.${field}`);
      } else general = true;
    }
    this.fieldErrors = errors;
    this.generalErrors = general || !Object.keys(errors).length ? [this.localize.t('core:lead.invalid')] : [];
  }

  #update<K extends keyof Values>(key: K, value: Values[K]): void {
    this.values = { ...this.values, [key]: value };
  }

  protected renderContent(): unknown {
    const config = this.hearthConfig;
    if (!config) return nothing;
    const done = this.phase === 'sent' || this.phase === 'queued';
    return html`<div class="hearth-root" part="base">
      ${
        this.heading
          ? html`<div class="heading" role="heading" aria-level=${Math.min(6, Math.max(2, this.headingLevel))} tabindex="-1">
              ${this.heading}
            </div>`
          : nothing
      }
      ${done ? this.#renderDone(config) : this.#renderForm(config)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  #renderDone(config: HearthConfig): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const { bookingUrl, phone, name } = config.brand;
    if (this.phase === 'queued') {
      const pending = this.queuedLead;
      return html`<div class="panel" part="result" tabindex="-1" role="region" aria-labelledby="result-title">
        <h3 class="panel__title" id="result-title">${t('result.queuedTitle')}</h3>
        <p>${pending?.offline ? t('result.queuedOffline') : t('result.queuedServer', { brand: name })}</p>
        ${pending?.durable === false ? html`<p>${t('result.queuedVolatile')}</p>` : nothing}
        <p><button class="button button--secondary" type="button" @click=${this.#handleRetryNow}>${t('result.retryNow')}</button></p>
        ${phone ? html`<p>${t('errors.callInstead', { phone })}</p>` : nothing}
      </div>`;
    }
    const next = config.lead.redirectUrl ?? bookingUrl;
    return html`<div class="panel panel--success" part="result" tabindex="-1" role="region" aria-labelledby="result-title">
      <h3 class="panel__title" id="result-title">${t('result.sentTitle')}</h3>
      <p>${t('core:lead.sent')}</p>
      <p>${t('result.next', { brand: name })}</p>
      ${next ? html`<p><a class="button" href=${next}>${t(config.lead.redirectUrl ? 'result.continue' : 'result.book')}</a></p>` : nothing}
      ${phone ? html`<p>${t('result.call', { phone })}</p>` : nothing}
    </div>`;
  }

  #renderForm(config: HearthConfig): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const shows = this.#shows;
    const values = this.values;
    const errors = this.fieldErrors;
    const sending = this.phase === 'sending';
    const needsPhone = values.contact === 'phone' || values.contact === 'text';
    const label = this.submitLabel ?? t(`submit.${this.kind}`);
    const privacy =
      config.privacy.includeAnswers && this.answers ? 'privacy.answers' : this.summary ? 'privacy.summary' : 'privacy.contactOnly';
    return html`${this.#renderProblem(config)} ${this.#renderErrorSummary()}
      <form part="form" novalidate @submit=${this.#handleSubmit} aria-busy=${sending ? 'true' : 'false'}>
        ${this.#textField('name', t('name.label'), { autocomplete: 'name', value: values.name })}
        ${this.#textField('email', t('email.label'), {
          type: 'email',
          autocomplete: 'email',
          hint: t('email.hint'),
          value: values.email,
          spellcheck: false,
        })}
        ${
          shows.phone
            ? this.#textField('phone', t(shows.contact && needsPhone ? 'phone.labelRequired' : 'phone.label'), {
                type: 'tel',
                autocomplete: 'tel',
                hint: t('phone.hint'),
                value: values.phone,
              })
            : nothing
        }
        ${shows.contact ? this.#renderContactMethod() : nothing}
        <div class="field ${errors.consent ? 'field--error' : ''}">
          <fieldset aria-describedby=${errors.consent ? 'consent-error' : nothing}>
            <legend class="legend">${t('consent.legend')}</legend>
            ${this.#errorMessage('consent')}
            <label class="choice choice--consent">
              <input
                id="consent"
                type="checkbox"
                name="consent"
                value="yes"
                .checked=${live(values.consent)}
                aria-invalid=${errors.consent ? 'true' : 'false'}
                @change=${(e: Event) => this.#update('consent', (e.target as HTMLInputElement).checked)}
              />
              <span class="consent-text">${this.#consentText(config)}</span>
            </label>
          </fieldset>
        </div>
        <div class="trap" aria-hidden="true">
          <label for="website">${t('honeypot')}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <p class="hint privacy">${t(privacy)}</p>
        <div class="actions">
          <button class="button" type="submit" part="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? t('sending') : label}
          </button>
        </div>
      </form>`;
  }

  #renderContactMethod(): TemplateResult {
    const t = (key: string) => this.localize.t(key);
    const error = this.fieldErrors.contact;
    const options: ContactMethod[] = ['email', 'phone', 'text'];
    return html`<div class="field ${error ? 'field--error' : ''}">
      <fieldset aria-describedby=${error ? 'contact-error' : nothing}>
        <legend class="legend">${t('contact.legend')}</legend>
        ${this.#errorMessage('contact')}
        <div class="choices">
          ${options.map(
            (option) =>
              html`<label class="choice">
                <input
                  id="contact-${option}"
                  type="radio"
                  name="contact"
                  value=${option}
                  .checked=${live(this.values.contact === option)}
                  aria-invalid=${error ? 'true' : 'false'}
                  @change=${() => this.#update('contact', option)}
                />
                <span>${t(`contact.${option}`)}</span>
              </label>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }

  #textField(
    id: 'name' | 'email' | 'phone',
    label: string,
    options: { type?: string; autocomplete: string; hint?: string; value: string; spellcheck?: boolean },
  ): TemplateResult {
    const error = this.fieldErrors[id];
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label class="label" for=${id}>${label}</label>
      ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing} ${this.#errorMessage(id)}
      <input
        class="input"
        id=${id}
        name=${id}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete}
        spellcheck=${options.spellcheck === false ? 'false' : nothing}
        .value=${live(options.value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.#update(id, (e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  #errorMessage(field: LeadFormField): TemplateResult | typeof nothing {
    const error = this.fieldErrors[field];
    if (!error) return nothing;
    return inlineError({ id: `${field}-error`, prefix: this.localize.t('errors.prefix'), message: error, inline: true });
  }

  /** Links focus each field and bring its question (legend or label) into view, as GOV.UK does. */
  #renderErrorSummary(): TemplateResult | typeof nothing {
    return errorSummary({
      title: this.localize.t('errors.summaryTitle'),
      headingLevel: 3,
      items: [
        ...this.generalErrors.map((message) => ({ message })),
        ...FIELD_ORDER.flatMap((field) => {
          const message = this.fieldErrors[field];
          return message ? [{ message, target: field === 'contact' ? 'contact-email' : field }] : [];
        }),
      ],
      onSelect: (target) => focusField(this.renderRoot, target),
    });
  }

  #renderProblem(config: HearthConfig): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (!problem) return nothing;
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const message =
      problem === 'failed' ? t('core:lead.failed') : problem === 'notConnected' ? t('errors.notConnected') : t(`errors.${problem}`);
    const phone = config.brand.phone;
    return html`<div class="panel panel--danger" role="alert" tabindex="-1" aria-labelledby="problem-title">
      <h3 class="panel__title" id="problem-title">${t('result.failedTitle')}</h3>
      <p>${message}</p>
      ${phone && (problem === 'failed' || problem === 'notConnected') ? html`<p>${t('errors.callInstead', { phone })}</p>` : nothing}
      ${
        problem === 'failed'
          ? html`<p><button class="button button--secondary" type="button" @click=${this.#handleRetry}>${t('core:lead.retry')}</button></p>`
          : nothing
      }
    </div>`;
  }
}
