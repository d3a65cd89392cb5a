/**
 * Opens host pages that load the built script-tag bundle (see hearth-pages.mjs) in an iframe of
 * the test page: each page is a fresh window with its own custom element registry, globals and
 * Content-Security-Policy, exactly as on a customer's site.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { HearthGlobal } from '../../packages/hearth/src/types.js';

export interface Probe {
  errors: string[];
  warnings: string[];
  uncaught: string[];
  violations: string[];
  symbolMetadataBefore: boolean;
  intervals: Set<number>;
  listenerCounts(): Record<string, number>;
  newGlobals(): string[];
}

export type HostWindow = Window & typeof globalThis & { __probe: Probe; Hearth?: HearthGlobal };

export interface ScriptSpec {
  /** `loader-fresh`: the loader under a URL of its own for this page (no cached chunk). */
  kind: 'loader' | 'all' | 'loader-copy' | 'all-copy' | 'loader-fresh';
  attrs?: Record<string, string>;
}

export interface PageSpec {
  scripts: ScriptSpec[];
  body: string;
  hostileCss?: boolean;
  csp?: { endpoint?: string };
  lang?: string;
  title?: string;
  head?: string;
}

export interface HostPage {
  iframe: HTMLIFrameElement;
  win: HostWindow;
  doc: Document;
  probe: Probe;
  close(): void;
}

export interface DistInfo {
  built: boolean;
  builtAt?: string;
  stats?: { files: { file: string; role: string; gzip: number }[] };
}

export function distInfo(): Promise<DistInfo> {
  return executeServerCommand('hearth-dist') as Promise<DistInfo>;
}

/**
 * For a suite's `before`: fails it (never skips: a skipped suite proves nothing) when run without
 * test/web-test-runner.dist.config.mjs, whose plugin serves the host pages, or before dist/ is built.
 */
export async function needBuiltDist(): Promise<void> {
  const info = (await executeServerCommand('hearth-dist').catch(() => undefined)) as DistInfo | undefined;
  if (!info) throw new Error('the hostile-host suites run with: pnpm test:dist (test/web-test-runner.dist.config.mjs serves their pages)');
  if (!info.built) throw new Error('packages/hearth/dist is missing: run `pnpm --filter @hearth/embed build` before this suite');
}

/** Widget chunks present in the build (`coverage`, `faq`…): a widget still being written is absent. */
export async function builtWidgets(): Promise<Set<string>> {
  const info = await distInfo();
  return new Set((info.stats?.files ?? []).filter((f) => f.role.startsWith('widget:')).map((f) => f.role.slice('widget:'.length)));
}

/** Serves `body` as a JSON file on the test server (for `data-config`); returns its URL. */
export async function serveConfig(body: unknown): Promise<string> {
  const { url } = (await executeServerCommand('hearth-config', { body })) as { url: string };
  return url;
}

/**
 * Opens `examples/<name>/` as served by `pnpm start` (Hearth at /hearth/), with `rewrites`
 * applied to its files (its fixed ports → the test's servers) and the strict CSP.
 */
export async function openExample(
  name: string,
  options: { rewrites?: [string, string][]; csp?: { endpoint?: string }; width?: number; height?: number } = {},
): Promise<HostPage> {
  // The probe goes first in <head>, as in the hostile pages.
  const probe: [string, string] = [
    '<meta charset="utf-8" />',
    '<meta charset="utf-8" />\n<script src="/test/fixtures/hostile/probe.js"></script>',
  ];
  // JSON config files are fetched as `.json.raw` (see hearth-pages.mjs).
  const json: [string, string] = ['.config.json"', '.config.json.raw"'];
  const rewrites = [probe, json, ...(options.rewrites ?? [])];
  const { base } = (await executeServerCommand('hearth-example', { rewrites, csp: options.csp })) as { base: string };
  return openUrl(`${base}${name}/`, name, options);
}

export async function openPage(spec: PageSpec, options: { width?: number; height?: number } = {}): Promise<HostPage> {
  const { url } = (await executeServerCommand('hearth-page', spec)) as { url: string };
  return openUrl(url, spec.title ?? 'host page', options);
}

async function openUrl(url: string, title: string, { width = 360, height = 900 } = {}): Promise<HostPage> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  iframe.title = title;
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
  iframe.src = url;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as HostWindow;
  return { iframe, win, doc: win.document, probe: win.__probe, close: () => iframe.remove() };
}

export async function waitFor<T>(fn: () => T | undefined | null | false, what: string, timeout = 10000): Promise<T> {
  const start = performance.now();
  for (;;) {
    try {
      const value = fn();
      if (value) return value;
    } catch {
      // not there yet
    }
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every element matching `selector` in `root` and in the open shadow roots below it. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepQueryAll<T>(el.shadowRoot, selector));
  return out;
}

export const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The visible text of an element, shadow roots included (what a person reads). */
export function deepText(root: Node): string {
  const parts: string[] = [];
  // Nodes of the host page come from another realm: test by nodeType, never `instanceof`.
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const el = node as Element;
    if (['style', 'script', 'template'].includes(el.localName)) return;
    if (el.shadowRoot) walk(el.shadowRoot);
    const slot = el.localName === 'slot' ? (el as HTMLSlotElement).assignedNodes({ flatten: true }) : [];
    for (const child of slot.length ? slot : [...node.childNodes]) walk(child);
  };
  walk(root);
  return normalise(parts.join(' '));
}

/** A button or link whose text (or accessible label) is `label`, anywhere under `root`. */
export function control(root: ParentNode, label: string | RegExp): HTMLElement {
  const candidates = deepQueryAll(root, 'button, a[href], [role="button"], summary');
  const matches = (el: HTMLElement) => {
    const name = normalise(el.getAttribute('aria-label') ?? el.textContent);
    return typeof label === 'string' ? name === label : label.test(name);
  };
  const found = candidates.find(matches);
  if (!found)
    throw new Error(
      `no control "${label}" among: ${candidates
        .map((c) => normalise(c.textContent))
        .filter(Boolean)
        .join(' | ')}`,
    );
  return found;
}

/** Computed values of `props` for `el` (to compare a host element with and without Hearth). */
export function computed(el: Element, props: readonly string[]): Record<string, string> {
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
}

/** Lets pending renders and microtasks settle (two animation frames of the host page). */
export function settle(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())));
}

/** Host elements that the page styles itself (Bootstrap classes): Hearth must not change them. */
export const HOST_PROBES = `
<header class="navbar bg-light" id="h-nav"><a class="navbar-brand" id="h-brand" href="#top">Northside Clinic</a></header>
<h1 id="h-title" class="display-5">Trauma care in Northside</h1>
<p id="h-para" class="lead">We treat adults with PTSD. <a id="h-link" href="#more">Read more</a></p>
<div id="h-div" class="alert alert-info"><span id="h-span">Open Monday to Friday.</span></div>
<form id="h-form" class="row g-3"><label id="h-label" for="h-input" class="form-label">Your email</label>
<input id="h-input" class="form-control" type="email"><button id="h-button" class="btn btn-primary" type="button">Subscribe</button></form>
<ul id="h-list" class="list-group"><li id="h-item" class="list-group-item">Walk-ins welcome</li></ul>
`;

/** Every widget on default content, inside a provider, between host content. */
export function allWidgetsBody(prefix = 'hearth'): string {
  return `<main class="container" id="top">
${HOST_PROBES}
<${prefix}-provider>
  <section><h2 id="h-h2">Self-check</h2><${prefix}-assessment></${prefix}-assessment></section>
  <section><h2>Insurance</h2><${prefix}-coverage></${prefix}-coverage></section>
  <section><h2>Guide</h2><${prefix}-guide toc></${prefix}-guide></section>
  <section><h2>Questions</h2><${prefix}-faq></${prefix}-faq></section>
</${prefix}-provider>
</main>`;
}

/** The computed properties compared on host elements (no sizes: the widgets take room). */
export const HOST_STYLE_PROPS = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'display',
  'box-sizing',
  'margin-top',
  'margin-left',
  'padding-top',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-radius',
  'cursor',
  'visibility',
  'opacity',
  'outline-style',
  'float',
] as const;
