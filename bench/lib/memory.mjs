// JS heap after completing the assessment again and again in one page, as a patient who keeps
// pressing "Start again" would. Each completion answers every question (first choice, "None of
// these" for the review list, Texas for the state) up to the results page; after each one the
// heap is measured after two forced garbage collections.
import { freshPage } from './browser.mjs';
import { waitForWidgets } from './downloads.mjs';

/** In the page: from wherever the assessment is, answer until the results page. */
async function completeOnce() {
  const el = /** @type {HTMLElement & { updateComplete: Promise<unknown> }} */ (document.querySelector('hearth-assessment'));
  const root = el?.shadowRoot;
  if (!root) throw new Error('no <hearth-assessment> with a shadow root');
  const settle = async () => {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  for (let step = 0; step < 80; step++) {
    await settle();
    const page = /** @type {HTMLElement | null} */ (root.querySelector('[data-page]'));
    if (!page) throw new Error('the assessment shows no [data-page]');
    if (page.dataset.page === 'results') return step;
    const radio = /** @type {HTMLInputElement | null} */ (page.querySelector('input[type="radio"]'));
    if (radio && !page.querySelector('input[type="radio"]:checked')) radio.click();
    const none = /** @type {HTMLInputElement | null} */ (page.querySelector('input[type="checkbox"][value="none"]'));
    if (none && !none.checked) none.click();
    const select = /** @type {HTMLSelectElement | null} */ (page.querySelector('select'));
    if (select && !select.value) {
      select.value = 'TX';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await settle();
    // A page whose part is still loading (the age question waits for the later steps) shows
    // "Loading…" without a form for a moment: wait for it, then answer it from the top.
    const submit = /** @type {HTMLButtonElement | null} */ (page.querySelector('button[type="submit"]'));
    if (!submit) {
      for (let wait = 0; !root.querySelector('[data-page] button[type="submit"]'); wait++) {
        if (wait === 100) throw new Error(`page "${page.dataset.page}" has no submit button after 5 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      continue;
    }
    submit.click();
  }
  throw new Error('the results page was not reached in 80 steps');
}

/** In the page: the results page's "Start again". */
async function startAgain() {
  const el = /** @type {HTMLElement & { updateComplete: Promise<unknown> }} */ (document.querySelector('hearth-assessment'));
  const button = /** @type {HTMLButtonElement | null} */ (el.shadowRoot?.querySelector('.footer button'));
  if (!button) throw new Error('no "Start again" button (.footer button) on the results page');
  button.click();
  await el.updateComplete;
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url a page with one <hearth-assessment>
 */
export async function measureMemory(browser, url, completions = 10) {
  const session = await freshPage(browser);
  try {
    const { page, cdp } = session;
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    const notRendered = await page.evaluate(waitForWidgets, ['hearth-assessment']);
    if (notRendered.length) throw new Error('<hearth-assessment> did not render');
    await page.waitForNetworkIdle({ idleTime: 500 });
    const sample = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
      return { heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners };
    };
    // Noise: the same idle page measured three times.
    const idle = [await sample(), await sample(), await sample()];
    const noise = Math.max(...idle.map((s) => s.heap)) - Math.min(...idle.map((s) => s.heap));
    const after = [];
    const steps = [];
    for (let i = 0; i < completions; i++) {
      if (i > 0) await page.evaluate(startAgain);
      steps.push(await page.evaluate(completeOnce));
      after.push(await sample());
    }
    const first = after[0];
    const last = after.at(-1);
    // Least-squares slope over completions 2..n: steady growth per completion, robust to one noisy sample.
    const xs = after.slice(1).map((_, i) => i + 2);
    const ys = after.slice(1).map((s) => s.heap);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const slope = xs.reduce((n, x, i) => n + (x - mx) * (ys[i] - my), 0) / xs.reduce((n, x) => n + (x - mx) ** 2, 0);
    return { idle, noise, after, steps, first, last, growth: last.heap - first.heap, slopePerCompletion: slope, errors: session.errors };
  } finally {
    await session.close();
  }
}
