import { createInstance, type i18n as I18n, type TOptions } from 'i18next';
import { SUPPORTED_LOCALES, type Locale } from '../config/schema.js';

type Resources = Record<string, unknown>;
type Loader = () => Promise<Resources | { default: Resources }>;

/**
 * One private i18next instance for every Hearth widget on the page. It never touches the host's
 * own i18next (a marketing site may run its own), and it is created without any backend: strings
 * ship inside the bundles, with the non-English languages loaded on demand.
 */
const i18n: I18n = createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...SUPPORTED_LOCALES],
  ns: [],
  resources: {},
  initAsync: false,
  returnNull: false,
  returnEmptyString: false,
  // Lit escapes everything it renders; escaping here would show "&amp;" to patients.
  interpolation: { escapeValue: false },
});

const loaders = new Map<string, Loader>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
let forcedLocale: Locale | undefined;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** "es-MX" → "es"; anything unsupported → undefined. */
export function normalizeLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/**
 * Registers a package's strings. English is passed as data (it is the fallback and always
 * present); other languages as loaders, fetched the first time a widget needs them. Calling it
 * again adds English keys the namespace does not have yet (strings a widget loads only when it
 * needs them, such as a long questionnaire's items) and never replaces one.
 */
export function registerTranslations(
  namespace: string,
  en: Resources,
  others: Partial<Record<Exclude<Locale, 'en'>, Loader | Resources>> = {},
): void {
  i18n.addResourceBundle('en', namespace, en, true, false);
  for (const [lang, source] of Object.entries(others)) {
    if (typeof source === 'function') loaders.set(`${lang}/${namespace}`, source as Loader);
    else if (source && !i18n.hasResourceBundle(lang, namespace)) i18n.addResourceBundle(lang, namespace, source, true, false);
  }
}

/** Resolves when `namespace` has its strings for `lang` (immediately for English). */
export function loadTranslations(namespace: string, lang: Locale): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, namespace)) return Promise.resolve();
  const key = `${lang}/${namespace}`;
  const loader = loaders.get(key);
  if (!loader) return Promise.resolve(); // falls back to English key by key
  let pending = loading.get(key);
  if (!pending) {
    pending = loader()
      .then((mod) => {
        const data = 'default' in mod && typeof mod.default === 'object' ? mod.default : mod;
        i18n.addResourceBundle(lang, namespace, data as Resources, true, false);
      })
      .catch((error: unknown) => {
        loading.delete(key);
        console.error(`[hearth] Could not load the "${lang}" strings for ${namespace}; showing English instead.`, error);
      });
    loading.set(key, pending);
  }
  return pending;
}

export function hasTranslations(namespace: string, lang: Locale): boolean {
  return lang === 'en' || i18n.hasResourceBundle(lang, namespace) || !loaders.has(`${lang}/${namespace}`);
}

/** Translates with i18next; a key missing in `lang` falls back to English, never to the raw key. */
export function translate(lang: Locale, namespace: string, key: string, options: TOptions = {}): string {
  return i18n.t(key, { ...options, lng: lang, ns: namespace }) as string;
}

/** Runs i18next's interpolation (`{{name}}`, plurals excluded) on an override string. */
export function interpolate(template: string, values: Record<string, unknown>, lang: Locale): string {
  return i18n.services.interpolator.interpolate(template, values, lang, {});
}

/** `Hearth.setLocale()`: every widget switches, whatever the page says. `undefined` hands back to the page. */
export function setLocale(locale: string | undefined): void {
  const next = locale === undefined ? undefined : normalizeLocale(locale);
  if (locale !== undefined && !next) {
    console.error(`[hearth] setLocale("${locale}") is not a supported language. Use one of: ${SUPPORTED_LOCALES.join(', ')}.`);
    return;
  }
  forcedLocale = next;
  notify();
}

export function getForcedLocale(): Locale | undefined {
  return forcedLocale;
}

/** Subscribes to language changes: `setLocale()` and `lang` attributes changing anywhere in the page. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  observeDocumentLang();
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

let observer: MutationObserver | undefined;
function observeDocumentLang(): void {
  if (observer || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The language for an element: its own `lang`, then `Hearth.setLocale()`, then the config's
 * `locale`, then the closest `[lang]` ancestor (crossing shadow roots) including `<html>`, then English.
 */
export function resolveLocale(element: Element, configLocale?: Locale): Locale {
  const own = normalizeLocale(element.getAttribute('lang'));
  if (own) return own;
  if (forcedLocale) return forcedLocale;
  if (configLocale) return configLocale;
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      if (node.hasAttribute('lang')) return normalizeLocale(node.getAttribute('lang')) ?? 'en';
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = null;
    }
  }
  return 'en';
}
