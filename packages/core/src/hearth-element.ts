import { LitElement, html, render as litRender, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { hearthContext, type HearthContextValue } from './config/context.js';
import { HearthConfigError } from './config/errors.js';
import { globalConfigLayer, onGlobalConfigChange, resolveConfig } from './config/resolve.js';
import type { HearthConfig, HearthConfigInput } from './config/schema.js';
import type { ConfigLayer } from './config/errors.js';
import { pageSession, type HearthSession } from './config/session.js';
import { LocalizeController } from './i18n/localize-controller.js';
import { registerCoreStrings } from './i18n/core-strings.js';
import type { HearthEventDetailMap, HearthEventName } from './events.js';
import { trackEvent, type AnalyticsPayload } from './analytics.js';
import { BRAND_COLOR_TOKENS } from './styles/tokens.js';
import { VERSION } from './version.js';
import { defineElement } from './define.js';
import { crisisLines } from './templates/crisis-lines.js';

registerCoreStrings();

const loggedMessages = new Set<string>();
let ctaAliasWarned = false;

/** Logs an actionable error once per page, however many widgets hit it. */
export function reportOnce(message: string, error?: unknown): void {
  if (loggedMessages.has(message)) return;
  loggedMessages.add(message);
  if (error !== undefined && !(error instanceof HearthConfigError)) console.error(`[hearth] ${message}`, error);
  else console.error(`[hearth] ${message}`);
}

/** What the error surface shows: a readable line for the person and a detail for the site owner. */
export interface HearthFailure {
  /** i18n key of the sentence shown to the person. */
  messageKey: string;
  /** Technical detail for the site owner (shown small, and logged). */
  detail?: string;
}

/**
 * The base of every Hearth widget.
 *
 * - `static define(tag)`: guarded registration (twice is a no-op, a clash warns, never throws).
 * - `emit()`: typed events that bubble and cross shadow roots.
 * - `localize`: `t()` in the resolved language, with the partner's copy overrides.
 * - `hearthConfig`: config resolved from attributes, the nearest `<hearth-provider>`,
 *   `Hearth.configure()` and the defaults, highest first.
 * - The error surface: a readable message in the widget plus one console error; nothing
 *   thrown out of a lifecycle callback, never a blank box.
 *
 * Subclasses implement `renderContent()` instead of `render()`.
 */
export abstract class HearthElement extends LitElement {
  static version = VERSION;
  /** i18next namespaces this widget reads; the first is the default for `t()`. */
  static i18nNamespaces: readonly string[] = ['core'];

  static override properties = {
    configJson: { attribute: 'config' },
    endpoint: {},
  };

  /** JSON config for this widget alone (highest precedence). */
  declare configJson: string | undefined;
  /** Shorthand for `config='{"lead":{"endpoint":…}}'`. */
  declare endpoint: string | undefined;

  /** Guarded registration: safe when the script is included twice, or another version got there first. */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this as unknown as CustomElementConstructor, registry);
  }

  protected readonly localize: LocalizeController;
  #context: HearthContextValue | undefined;
  #config: HearthConfig | undefined;
  #configError: HearthConfigError | undefined;
  #failure: HearthFailure | undefined;
  /** The failure `configChanged()` threw, if it is the one shown. */
  #configFailure: HearthFailure | undefined;
  #unsubscribeGlobal?: () => void;

  constructor() {
    super();
    this.localize = new LocalizeController(this, (this.constructor as typeof HearthElement).i18nNamespaces);
    new ContextConsumer(this, {
      context: hearthContext,
      subscribe: true,
      callback: (value) => {
        this.#context = value;
        this.#resolve();
      },
    });
  }

  /** The resolved config; undefined while it is invalid (the error surface is showing). */
  get hearthConfig(): HearthConfig | undefined {
    return this.#config;
  }

  /** Shared answers (state of residence) of the widgets under the same provider. */
  protected get session(): HearthSession {
    return this.#context?.session ?? pageSession;
  }

  /** True when a `<hearth-provider>` supplies this widget's config. */
  protected get hasProvider(): boolean {
    return this.#context !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribeGlobal = onGlobalConfigChange(() => {
      if (!this.#context) this.#resolve();
    });
    this.#resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeGlobal?.();
    this.#unsubscribeGlobal = undefined;
  }

  /**
   * Defaults a subclass takes from its content (the assessment: the content pack's default
   * instrument). The lowest layer: the page's config, a provider and the attributes override it.
   * `source` names it in error messages.
   */
  protected configDefaults(): ConfigLayer | undefined {
    return undefined;
  }

  /** Config a subclass reads from its own attributes (e.g. `locale="es"`, or a section of its own). */
  protected configFromAttributes(): HearthConfigInput {
    return {};
  }

  /** Names of properties that feed `configFromAttributes()`; changing one re-resolves the config. */
  protected static configProperties: readonly string[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const configProps = ['configJson', 'endpoint', ...(this.constructor as typeof HearthElement).configProperties];
    if (configProps.some((p) => changed.has(p))) this.#resolve();
  }

  /** Called after the config (re)resolves successfully. */
  protected configChanged(_config: HearthConfig): void {}

  #resolve(): void {
    const layers: ConfigLayer[] = [];
    const defaults = this.configDefaults();
    if (defaults) layers.push(defaults);
    if (this.#context) layers.push({ source: 'the nearest <hearth-provider>', input: this.#context.input });
    else layers.push(globalConfigLayer());
    const tag = this.localName;
    let own: HearthConfigInput = {};
    if (this.configJson) {
      try {
        own = JSON.parse(this.configJson) as HearthConfigInput;
      } catch (error) {
        this.#setConfigError(
          new HearthConfigError([
            {
              path: '(root)',
              received: this.configJson,
              expected: `valid JSON (${(error as Error).message})`,
              source: `the config attribute of <${tag}>`,
            },
          ]),
        );
        return;
      }
    }
    layers.push({ source: `the config attribute of <${tag}>`, input: own });
    layers.push({
      source: `the attributes of <${tag}>`,
      input: { ...this.configFromAttributes(), ...(this.endpoint ? { lead: { endpoint: this.endpoint } } : {}) },
    });

    if (this.#context?.error && !this.configJson && !this.endpoint) {
      this.#setConfigError(this.#context.error, false);
      return;
    }
    const result = resolveConfig(layers);
    if (!result.ok) {
      this.#setConfigError(result.error);
      return;
    }
    const hadError = this.#configError !== undefined;
    this.#configError = undefined;
    if (hadError) this.#failure = undefined;
    this.#config = result.config;
    this.#applyBrandTokens(result.config);
    this.localize.refresh();
    // A failure the last config caused (an unknown pack, an instrument that cannot run) goes with
    // it, and configChanged() throws again if the new one cannot run either; any failure since is
    // another object and stays.
    if (this.#failure === this.#configFailure) this.#failure = undefined;
    try {
      this.configChanged(result.config);
    } catch (error) {
      this.fail(error);
      this.#configFailure = this.#failure;
    }
    this.requestUpdate();
  }

  #setConfigError(error: HearthConfigError, log = true): void {
    this.#config = undefined;
    this.#configError = error;
    if (log) reportOnce(`${error.message} Fix the config, then reload the page.`);
    this.requestUpdate();
  }

  // Without a provider, this widget applies its own brand colours; under one, the provider does.
  #applyBrandTokens(config: HearthConfig): void {
    if (this.#context) return;
    for (const [key, tokenName] of Object.entries(BRAND_COLOR_TOKENS)) {
      const value = config.brand.colors[key as keyof typeof BRAND_COLOR_TOKENS];
      if (value) this.style.setProperty(tokenName, value);
    }
    if (config.brand.font) this.style.setProperty('--hearth-font-family', config.brand.font);
    if (config.brand.radius) this.style.setProperty('--hearth-radius', config.brand.radius);
  }

  /**
   * Shows the error surface and logs one console error. Use for failures the person cannot fix
   * inside the widget (a missing content file, a broken config); form errors stay inline.
   */
  protected fail(error: unknown, messageKey = 'core:error.generic'): void {
    const detail = error instanceof Error ? error.message : String(error);
    this.#failure = { messageKey, detail };
    reportOnce(`<${this.localName}>: ${detail}`, error);
    this.requestUpdate();
  }

  /** Clears a failure shown by `fail()`, e.g. before retrying a fetch. */
  protected clearFailure(): void {
    if (!this.#failure) return;
    this.#failure = undefined;
    this.requestUpdate();
  }

  /** The widget's own content. */
  protected abstract renderContent(): unknown;

  protected override render(): unknown {
    if (this.#configError) return this.renderFailure({ messageKey: 'core:error.config', detail: this.#configError.message });
    if (this.#failure) return this.renderFailure(this.#failure);
    try {
      return this.renderContent();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#failure = { messageKey: 'core:error.generic', detail };
      reportOnce(`<${this.localName}> failed to render: ${detail}`, error);
      return this.renderFailure(this.#failure);
    }
  }

  /** The error surface. Always offers the crisis line: the person may have come here for help. */
  protected renderFailure(failure: HearthFailure): TemplateResult {
    const t = (key: string, opts?: Record<string, unknown>) => this.localize.t(key, opts);
    return html`<div class="hearth-root">
      <div class="hearth-error" role="alert" part="error">
        <p class="hearth-error__title">${t('core:error.title')}</p>
        <p class="hearth-error__message">${t(failure.messageKey)}</p>
        ${crisisLines(t, { class: 'hearth-error__crisis' })}
        ${failure.detail ? html`<p class="hearth-error__detail">${t('core:error.detail', { message: failure.detail })}</p>` : null}
      </div>
    </div>`;
  }

  /**
   * Marks the rendered root with the language it is written in, so screen readers switch voice
   * when a widget speaks Spanish on an English page (and vice versa).
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    for (const child of Array.from(this.renderRoot.children)) {
      if (child.classList.contains('hearth-root') && child.getAttribute('lang') !== this.localize.lang)
        child.setAttribute('lang', this.localize.lang);
    }
  }

  /**
   * Lit rethrows errors from willUpdate/update/updated as unhandled rejections. Catch them here
   * and draw the error surface instead, so a bug in one widget never breaks the page.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      const result = super.scheduleUpdate();
      return result instanceof Promise ? result.catch((error: unknown) => this.#recover(error)) : result;
    } catch (error) {
      this.#recover(error);
    }
  }

  #recover(error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    this.#failure = { messageKey: 'core:error.generic', detail };
    reportOnce(`<${this.localName}> failed to update: ${detail}`, error);
    try {
      litRender(this.renderFailure(this.#failure), this.renderRoot, this.renderOptions);
    } catch {
      // Nothing more can be drawn; the console error above says what happened.
    }
  }

  /** Dispatches a typed Hearth event that bubbles and is composed. Returns false if a listener cancelled it. */
  protected emit<K extends HearthEventName>(name: K, detail: HearthEventDetailMap[K], options: { cancelable?: boolean } = {}): boolean {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    return this.dispatchEvent(event);
  }

  /**
   * Sends an anonymous event, `hearth_<widget>_<action>`, to the opt-in analytics bridge
   * (allow-listed fields only). `<widget>` is {@link HearthElement.widgetName}.
   */
  protected track(action: string, payload: Omit<AnalyticsPayload, 'widget'> = {}): void {
    // `widget` is the short name, never the tag: a tag manager's triggers keep working when a
    // partner registers the widgets under its own prefix (`<acme-assessment>`).
    trackEvent(this.#config, this.widgetName, action, { ...payload, widget: this.widgetName });
  }

  /** Idempotency keys of the leads already counted as a conversion (a queued lead is sent later). */
  readonly #converted = new Set<string>();

  /**
   * Analytics for a `hearth-lead-form-result` of an embedded lead form: `hearth_<widget>_lead`
   * with the delivery status as `outcome`, and, once per lead, `hearth_<widget>_conversion`
   * when it was sent or is safely queued. Neither carries anything the person entered or scored.
   */
  protected trackLeadResult(result: { status: string; idempotencyKey?: string }, step?: string): void {
    const where = step ? { step } : {};
    this.track('lead', { ...where, outcome: result.status });
    if (result.status !== 'sent' && result.status !== 'queued') return;
    if (result.idempotencyKey) {
      if (this.#converted.has(result.idempotencyKey)) return;
      this.#converted.add(result.idempotencyKey);
    }
    this.track('conversion', { ...where, outcome: result.status });
  }

  /** The widget's short name in event details and analytics (`coverage`): the tag without `hearth-`, unless a class says otherwise. */
  protected get widgetName(): string {
    return (this.constructor as typeof HearthElement).widgetName ?? this.localName.replace(/^hearth-/, '');
  }

  /** The short name of this kind of widget, when it must not follow the tag (a partner may register its own). */
  static widgetName: string | undefined;

  /**
   * A call to action was used: emits `hearth-cta` (`{ widget, action, href }`, cancelable) and,
   * for pages written against earlier versions, the deprecated `hearth-guide-cta`
   * (`{ target: action }`). Returns false when a listener cancelled either: it handles the action.
   */
  protected emitCta(action: string, href?: string): boolean {
    const proceed = this.emit('hearth-cta', { widget: this.widgetName, action, ...(href ? { href } : {}) }, { cancelable: true });
    // The old name still fires; the deprecation is logged only when a listener actually uses it
    // (reads its detail or cancels it), so pages that moved on see no noise.
    const alias = new CustomEvent('hearth-guide-cta', { bubbles: true, composed: true, cancelable: true });
    const warn = (): void => {
      if (ctaAliasWarned) return;
      ctaAliasWarned = true;
      console.warn('[hearth] "hearth-guide-cta" is deprecated and will be removed; listen for "hearth-cta" ({ widget, action, href }).');
    };
    const detail = { target: action };
    Object.defineProperty(alias, 'detail', { get: () => (warn(), detail) });
    const cancel = alias.preventDefault.bind(alias);
    alias.preventDefault = () => (warn(), cancel());
    return this.dispatchEvent(alias) && proceed;
  }
}
