// What a real browser downloads for a page: load it in Chromium (fresh context, cache off), wait
// until every widget has rendered and the network has been quiet, then read the server's log.
import { freshPage } from './browser.mjs';

/**
 * In the page: wait for `window.Hearth.ready` and for each tag to have rendered into its shadow
 * root (a widget that failed renders its error box, which counts: we measure bytes, not health).
 */
export async function waitForWidgets(tags) {
  const hearth = /** @type {{ Hearth?: { ready?: Promise<void> } }} */ (window).Hearth;
  if (hearth?.ready) await hearth.ready;
  const deadline = performance.now() + 20_000;
  for (;;) {
    const pending = tags.filter((tag) => {
      const el = document.querySelector(tag);
      return !(el && customElements.get(tag) && el.shadowRoot && el.shadowRoot.querySelector('*:not(style)'));
    });
    if (pending.length === 0) return [];
    if (performance.now() > deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('./server.mjs').BenchServer} server
 * @param {string} path page path on the server
 * @param {{ tags?: string[], idle?: number }} [options]
 */
export async function pageDownloads(browser, server, path, options = {}) {
  const session = await freshPage(browser);
  try {
    server.reset();
    await session.page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 60_000 });
    const notRendered = await session.page.evaluate(waitForWidgets, options.tags ?? []);
    await session.page.waitForNetworkIdle({ idleTime: options.idle ?? 750, timeout: 30_000 });
    const log = server.reset().filter((entry) => entry.path !== path);
    const served = new Set(log.map((e) => e.path));
    // Cross-check the two views: every response the browser saw came from this server's log.
    const unlogged = session.requests.filter((r) => {
      const url = new URL(r.url, server.url);
      return url.pathname !== path && (url.origin !== server.url || !served.has(url.pathname));
    });
    return {
      files: log.map((e) => ({ path: e.path, status: e.status, type: e.type, bytes: e.bytes, raw: e.raw, encoding: e.encoding })),
      scripts: log.filter((e) => e.type.startsWith('text/javascript')),
      total: log.reduce((n, e) => n + e.bytes, 0),
      notRendered,
      unlogged,
      errors: session.errors,
    };
  } finally {
    await session.close();
  }
}
