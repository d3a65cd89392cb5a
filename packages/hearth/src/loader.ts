/**
 * `hearth.js`: the loader a site includes with one module script tag.
 *
 * It finds the Hearth tags in the page (and any added later, including inside open shadow roots),
 * downloads only the chunks those tags need, registers `<hearth-provider>` before any widget, and
 * exposes `window.Hearth`. It imports nothing eagerly: lit, i18next and @hearth/core arrive in the
 * shared runtime chunk the first time a widget (or `Hearth.configure()`) needs them.
 */
import type { HearthConfigInput } from '@hearth/core';
import { chunks, preload, tags } from 'virtual:hearth/widgets';
import type * as RuntimeModule from './runtime.js';
import type { ElementList } from './runtime.js';
import { checkPrefix, claimGlobal, findOwnScript, host, instrumentRegistrar, ownRealm, scriptLayers, type HearthGlobal } from './shared.js';

type Runtime = typeof RuntimeModule;

const VERSION = __HEARTH_VERSION__;
/** Where the chunks are, relative to this file. */
const CHUNKS = './chunks/';
const claim = claimGlobal(VERSION, 'hearth.js');
if (claim !== 'stand-down') start(claim === 'claim');

function start(expose: boolean): void {
  const script = findOwnScript(import.meta.url, 'hearth.js', true);
  const layers = scriptLayers(script);
  const prefixes = new Set(['hearth']);
  const suffixes = Object.keys(tags);
  const keys = new Set(Object.values(tags));
  /** `${chunk key}|${prefix}` → its registration, started once. */
  const pending = new Map<string, Promise<void>>();
  const loaded = new Map<string, Promise<ElementList>>();
  let runtime: Promise<Runtime> | undefined;
  let locale: { value: string | undefined } | undefined;
  let selector = '';

  /** Starts fetching what chunk `key` imports, alongside the chunk (saves a round trip each). */
  function prefetch(key: string): void {
    for (const id of preload[key] ?? []) {
      import(/* @vite-ignore */ new URL(CHUNKS + id + '.js', import.meta.url).href).catch(() => {
        // The import that needs the chunk reports the failure.
      });
    }
  }

  function getRuntime(): Promise<Runtime> {
    if (!runtime) prefetch('');
    runtime ??= Promise.all([import('./runtime.js'), layers]).then(([rt, base]) => {
      for (const layer of base) rt.configure(layer);
      if (locale) rt.setLocale(locale.value);
      return rt;
    });
    return runtime;
  }

  function loadChunk(key: string): Promise<ElementList> {
    let chunk = loaded.get(key);
    if (!chunk) {
      prefetch(key);
      const load = chunks[key];
      chunk = load ? load().then((mod) => mod.elements) : Promise.reject(new Error(`no chunk "${key}"`));
      loaded.set(key, chunk);
    }
    return chunk;
  }

  /** Registers the elements of chunk `key` under `prefix`, the provider first. Never rejects. */
  function need(key: string, prefix: string): Promise<void> {
    const id = `${key}|${prefix}`;
    let registration = pending.get(id);
    if (!registration) {
      // A partner prefix registers the standard names too: widgets may render their own parts
      // (`<hearth-faq-item>` inside a FAQ) by the standard tag.
      const standard = prefix === 'hearth' ? undefined : need(key, 'hearth');
      // The widget's chunk starts downloading now, beside the runtime (not once the runtime has
      // arrived): HTML → hearth.js → every chunk of the page at once, no deeper waterfall.
      const elements = key ? loadChunk(key) : undefined;
      elements?.catch(() => {
        // Reported below, once the runtime is there to register with.
      });
      registration = getRuntime()
        .then(async (rt) => {
          await standard;
          rt.defineProvider(prefix);
          if (elements) rt.defineElements(await elements, prefix);
        })
        .catch((error: unknown) => {
          console.error(
            `[hearth] Could not load the ${key || 'runtime'} part of Hearth for <${prefix}-…> elements: ${(error as Error).message}. ` +
              'Deploy the whole dist/ folder (hearth.js with its chunks/ folder) and check the browser’s network panel.',
          );
        });
      pending.set(id, registration);
      if (pending.size >= keys.size * prefixes.size) observer.disconnect(); // everything is defined: nothing left to watch for
    }
    return registration;
  }

  function consider(tag: string, found: Promise<void>[]): void {
    for (const prefix of prefixes) {
      if (!tag.startsWith(`${prefix}-`)) continue;
      const key = tags[tag.slice(prefix.length + 1)];
      if (key !== undefined) found.push(need(key, prefix));
    }
  }

  const isOurs = (el: Element) => [...prefixes].some((p) => el.localName.startsWith(`${p}-`));

  /** Starts the registrations `root` needs; watches the open shadow roots inside it (not ours). */
  function scan(root: Element | Document | ShadowRoot, found: Promise<void>[] = []): Promise<void>[] {
    if (root instanceof Element && root.matches(selector)) consider(root.localName, found);
    for (const el of root.querySelectorAll(selector)) consider(el.localName, found);
    const shadowHosts = root instanceof Element && root.shadowRoot ? [root] : [];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) shadowHosts.push(el);
    for (const el of shadowHosts) {
      if (isOurs(el) || !el.shadowRoot) continue;
      observer.observe(el.shadowRoot, { childList: true, subtree: true });
      scan(el.shadowRoot, found);
    }
    return found;
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });

  function watch(): Promise<void> {
    selector = [...prefixes].flatMap((p) => suffixes.map((s) => `${p}-${s}`)).join(',');
    observer.observe(document, { childList: true, subtree: true });
    return Promise.all(scan(document)).then(() => undefined);
  }

  watch();
  const domReady =
    document.readyState === 'loading'
      ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
      : Promise.resolve();
  const ready = domReady.then(() => Promise.all([layers, ...pending.values()])).then(() => undefined);

  const configure: HearthGlobal['configure'] = (input: HearthConfigInput, options?: { replace?: boolean }) =>
    getRuntime().then((rt) => rt.configure(ownRealm(input), options));
  const api: HearthGlobal = {
    version: VERSION,
    configure,
    registerInstrument: instrumentRegistrar(configure),
    setLocale(value: string | undefined): void {
      locale = { value };
      void runtime?.then((rt) => rt.setLocale(value));
    },
    define(options: { prefix: string }): Promise<void> {
      const prefix = options?.prefix;
      if (!checkPrefix(prefix)) return Promise.resolve();
      prefixes.add(prefix);
      return watch();
    },
    ready,
  };
  if (expose) host.Hearth = Object.freeze(api);
}
