import { LitElement, html, css, type PropertyValues } from 'lit';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { hearthContext, type HearthContextValue } from './config/context.js';
import type { ConfigLayer } from './config/errors.js';
import { HearthConfigError } from './config/errors.js';
import { globalConfigLayer, onGlobalConfigChange, resolveConfig } from './config/resolve.js';
import type { HearthConfig, HearthConfigInput } from './config/schema.js';
import { HearthSession } from './config/session.js';
import { BRAND_COLOR_TOKENS, TOKEN_DEFAULTS } from './styles/tokens.js';
import { AA_NORMAL, contrastRatio } from './styles/contrast.js';
import { reportOnce } from './hearth-element.js';
import { defineElement } from './define.js';
import { VERSION } from './version.js';

/**
 * @summary Supplies white-label config (brand, copy, endpoint, coverage…) to every Hearth widget inside it.
 *
 * Config sources, highest first: the `config` property, a child `<script type="application/json">`,
 * the JSON at `config-src`, then `Hearth.configure()`. Nested providers refine their parent.
 * Brand colours become `--hearth-color-*` custom properties on this element only.
 *
 * @slot - Widgets and any other content.
 * @event hearth-config-error - The config is invalid; `detail.message` says which field and why.
 */
export class HearthProvider extends LitElement {
  static version = VERSION;
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties = {
    config: { attribute: false },
    configSrc: { attribute: 'config-src' },
  };

  /** Config object set from script (highest precedence). */
  declare config: HearthConfigInput | undefined;
  /** URL of a JSON config file (same origin, or CORS-enabled). */
  declare configSrc: string | undefined;

  static define(tag = 'hearth-provider', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  readonly session = new HearthSession();
  #provider = new ContextProvider(this, { context: hearthContext, initialValue: undefined });
  #parent: HearthContextValue | undefined;
  #fetched: HearthConfigInput = {};
  #fetchError: HearthConfigError | undefined;
  #fetchedFrom: string | undefined;
  #inline: HearthConfigInput = {};
  #inlineError: HearthConfigError | undefined;
  #unsubscribeGlobal?: () => void;
  #appliedTokens = new Set<string>();
  #resolved: HearthConfig | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: hearthContext,
      subscribe: true,
      callback: (value) => {
        this.#parent = value;
        this.#publish();
      },
    });
  }

  /** The validated config, or undefined while it is invalid. */
  get resolvedConfig(): HearthConfig | undefined {
    return this.#resolved;
  }

  #childObserver?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // Defined before the parser reached its children (a classic script in <head>), the provider
    // would miss its inline config: read it again whenever the children change.
    this.#childObserver = new MutationObserver(() => {
      const before = JSON.stringify(this.#inline);
      const hadError = this.#inlineError;
      this.#readInlineConfig();
      if (JSON.stringify(this.#inline) !== before || hadError?.message !== this.#inlineError?.message) this.#publish();
    });
    this.#childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    this.#readInlineConfig();
    this.#unsubscribeGlobal = onGlobalConfigChange(() => this.#publish());
    this.#publish();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeGlobal?.();
    this.#childObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('configSrc') && this.configSrc !== this.#fetchedFrom) void this.#fetchConfig();
    if (changed.has('config')) this.#publish();
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }

  #readInlineConfig(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    this.#inline = {};
    this.#inlineError = undefined;
    if (!script?.textContent?.trim()) return;
    try {
      this.#inline = JSON.parse(script.textContent) as HearthConfigInput;
    } catch (error) {
      this.#inlineError = new HearthConfigError([
        {
          path: '(root)',
          received: script.textContent.trim().slice(0, 40),
          expected: `valid JSON (${(error as Error).message})`,
          source: 'the <script type="application/json"> inside <hearth-provider>',
        },
      ]);
    }
  }

  async #fetchConfig(): Promise<void> {
    const src = this.configSrc;
    this.#fetchedFrom = src;
    this.#fetched = {};
    this.#fetchError = undefined;
    if (!src) return this.#publish();
    const source = `<hearth-provider config-src="${src}">`;
    try {
      const response = await fetch(src, { credentials: 'omit', headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
      const data = (await response.json()) as HearthConfigInput;
      if (this.#fetchedFrom !== src) return;
      this.#fetched = data;
    } catch (error) {
      if (this.#fetchedFrom !== src) return;
      this.#fetchError = new HearthConfigError([
        { path: '(root)', received: src, expected: `a reachable JSON file (${(error as Error).message})`, source },
      ]);
    }
    this.#publish();
  }

  #publish(): void {
    if (!this.isConnected) return;
    const layers: ConfigLayer[] = [
      this.#parent ? { source: 'an outer <hearth-provider>', input: this.#parent.input } : globalConfigLayer(),
      { source: `<hearth-provider config-src="${this.configSrc ?? ''}">`, input: this.#fetched },
      { source: 'the <script type="application/json"> inside <hearth-provider>', input: this.#inline },
      { source: 'the config property of <hearth-provider>', input: this.config ?? {} },
    ];
    const result = resolveConfig(layers);
    const error = this.#inlineError ?? this.#fetchError ?? this.#parent?.error ?? (result.ok ? undefined : result.error);
    this.#resolved = result.ok && !error ? result.config : undefined;
    if (error) {
      reportOnce(`${error.message} Fix the config, then reload the page.`);
      this.dispatchEvent(new CustomEvent('hearth-config-error', { detail: { message: error.message }, bubbles: true, composed: true }));
    }
    if (this.#resolved) this.#applyTheme(this.#resolved);
    const value: HearthContextValue = { input: result.input, config: this.#resolved, error, session: this.session };
    this.#provider.setValue(value, true);
  }

  #applyTheme(config: HearthConfig): void {
    const next = new Map<string, string>();
    for (const [key, tokenName] of Object.entries(BRAND_COLOR_TOKENS)) {
      const value = config.brand.colors[key as keyof typeof BRAND_COLOR_TOKENS];
      if (value) next.set(tokenName, value);
    }
    if (config.brand.font) next.set('--hearth-font-family', config.brand.font);
    if (config.brand.radius) next.set('--hearth-radius', config.brand.radius);
    for (const name of this.#appliedTokens) if (!next.has(name)) this.style.removeProperty(name);
    for (const [name, value] of next) this.style.setProperty(name, value);
    this.#appliedTokens = new Set(next.keys());
    warnOnLowContrast(config);
  }
}

const contrastWarned = new Set<string>();

/** A partner's primary colour must carry its button text at WCAG AA; say so once, with the ratio. */
export function warnOnLowContrast(config: HearthConfig): number | undefined {
  const primary = config.brand.colors.primary;
  if (!primary) return undefined;
  const onPrimary = config.brand.colors.onPrimary ?? TOKEN_DEFAULTS['--hearth-color-on-primary'];
  const ratio = contrastRatio(primary, onPrimary);
  const key = `${primary}/${onPrimary}`;
  if (ratio < AA_NORMAL && !contrastWarned.has(key)) {
    contrastWarned.add(key);
    console.warn(
      `[hearth] brand.colors.primary ${primary} with text ${onPrimary} has a contrast ratio of ${ratio.toFixed(2)}:1, ` +
        `below the WCAG AA minimum of ${AA_NORMAL}:1. Choose a darker primary or set brand.colors.onPrimary.`,
    );
  }
  return ratio;
}
