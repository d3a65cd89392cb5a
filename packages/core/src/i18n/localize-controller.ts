import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import type { HearthConfig, Locale } from '../config/schema.js';
import { hasTranslations, interpolate, loadTranslations, onLocaleChange, resolveLocale, translate } from './localize.js';

export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** The resolved config, for per-string copy overrides and the configured locale. */
  readonly hearthConfig: HearthConfig | undefined;
}

/**
 * Gives a widget `t()`, `lang`, and number/currency formatting in the resolved language, and
 * re-renders it when the language changes. Strings for a non-English language load on demand;
 * until they arrive the widget keeps showing the previous language rather than raw keys.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: LocalizeHost;
  readonly #namespaces: readonly string[];
  #unsubscribe?: () => void;
  #lang: Locale = 'en';

  constructor(host: LocalizeHost, namespaces: readonly string[]) {
    this.#host = host;
    this.#namespaces = namespaces;
    host.addController(this);
  }

  /** The language the widget currently renders in. */
  get lang(): Locale {
    return this.#lang;
  }

  hostConnected(): void {
    this.#unsubscribe = onLocaleChange(() => this.refresh());
    this.refresh();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Re-resolves the language (after a config or attribute change) and loads its strings. */
  refresh(): void {
    const wanted = resolveLocale(this.#host, this.#host.hearthConfig?.locale);
    const ready = this.#namespaces.every((ns) => hasTranslations(ns, wanted));
    if (ready) {
      if (wanted !== this.#lang) {
        this.#lang = wanted;
        this.#host.requestUpdate();
      }
      return;
    }
    void Promise.all(this.#namespaces.map((ns) => loadTranslations(ns, wanted))).then(() => {
      if (resolveLocale(this.#host, this.#host.hearthConfig?.locale) !== wanted) return;
      this.#lang = wanted;
      this.#host.requestUpdate();
    });
  }

  /** Resolves when the current language's strings are loaded (tests and stories await this). */
  async ready(): Promise<void> {
    const wanted = resolveLocale(this.#host, this.#host.hearthConfig?.locale);
    await Promise.all(this.#namespaces.map((ns) => loadTranslations(ns, wanted)));
    this.refresh();
  }

  /**
   * Translates `key` ("ns:key" or a key in the widget's first namespace). A partner's copy
   * override for the same key (config `copy[lang]["ns:key"]`) wins.
   */
  t(key: string, options: TOptions = {}): string {
    const [ns, bare] = this.#split(key);
    const override = this.#host.hearthConfig?.copy?.[this.#lang]?.[`${ns}:${bare}`];
    if (override !== undefined) return interpolate(override, options as Record<string, unknown>, this.#lang);
    return translate(this.#lang, ns, bare, options);
  }

  /** A list of strings stored as an array in the translations. */
  list(key: string): string[] {
    const [ns, bare] = this.#split(key);
    const value = translate(this.#lang, ns, bare, { returnObjects: true }) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.#lang === 'es' ? 'es-US' : 'en-US', options).format(value);
  }

  currency(value: number, currency = 'USD'): string {
    return this.number(value, { style: 'currency', currency, maximumFractionDigits: value % 1 === 0 ? 0 : 2 });
  }

  date(value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
    return new Intl.DateTimeFormat(this.#lang === 'es' ? 'es-US' : 'en-US', options).format(date);
  }

  #split(key: string): [string, string] {
    const i = key.indexOf(':');
    if (i > 0) return [key.slice(0, i), key.slice(i + 1)];
    return [this.#namespaces[0] ?? 'core', key];
  }
}
