// Layout stability and main-thread blocking while examples/marketing-site/ starts up, under the
// same network and CPU profile as the timings. The page is loaded with Hearth and again with every
// /hearth/ request blocked (the same page, the widgets' fallback text in place), so the shifts the
// widgets cause are the difference. Start-up ends when every widget has rendered and the network
// has been quiet for a second.
import { CPU_SLOWDOWN, NETWORK_PROFILE, PHONE_VIEWPORT, freshPage } from './browser.mjs';
import { waitForWidgets } from './downloads.mjs';

/** Runs in the page before its scripts: records layout shifts, long tasks, and each widget's box before it upgrades. */
function observe() {
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : '(gone)';
    const el = /** @type {Element} */ (node);
    let widget;
    for (let n = el; n; n = n.parentElement ?? (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {
      if (n.localName.startsWith('hearth-')) widget = n.localName;
    }
    const name = `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}`;
    return widget && widget !== el.localName ? `${name} in <${widget}>` : name;
  };
  const data = { shifts: [], longTasks: [], reserved: {} };
  Object.defineProperty(window, '__stability', { value: data });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      data.shifts.push({
        value: e.value,
        hadRecentInput: e.hadRecentInput,
        startTime: e.startTime,
        sources: (e.sources ?? []).map((s) => ({
          node: describe(s.node),
          before: s.previousRect?.toJSON(),
          after: s.currentRect?.toJSON(),
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) data.longTasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('hearth-assessment, hearth-coverage, hearth-guide, hearth-faq')) {
      if (!customElements.get(el.localName)) data.reserved[el.localName] = el.getBoundingClientRect().height;
    }
  });
}

/** CLS as Chrome defines it: the largest session window (gaps < 1 s, windows ≤ 5 s) of shifts without recent input. */
export function cumulativeLayoutShift(shifts) {
  let best = 0;
  let current = 0;
  let first = 0;
  let last = 0;
  for (const s of shifts.filter((x) => !x.hadRecentInput).sort((a, b) => a.startTime - b.startTime)) {
    if (current && s.startTime - last < 1000 && s.startTime - first < 5000) current += s.value;
    else {
      current = s.value;
      first = s.startTime;
    }
    last = s.startTime;
    best = Math.max(best, current);
  }
  return best;
}

/** Trace events worth naming when saying what a long task did. */
const ACTIVITIES = new Map([
  ['EvaluateScript', 'script'],
  ['v8.evaluateModule', 'module'],
  ['v8.compileModule', 'compile'],
  ['v8.compile', 'compile'],
  ['FunctionCall', 'script'],
  ['RunMicrotasks', 'microtasks'],
  ['BlinkScheduler_PerformMicrotaskCheckpoint', 'microtasks'],
  ['TimerFire', 'timer'],
  ['FireAnimationFrame', 'animation frame'],
  ['EventDispatch', 'event'],
  ['ParseHTML', 'parse HTML'],
  ['ParseAuthorStyleSheet', 'parse CSS'],
  ['UpdateLayoutTree', 'style'],
  ['Layout', 'layout'],
  ['PrePaint', 'pre-paint'],
  ['Paint', 'paint'],
  ['Layerize', 'layerize'],
]);

/** The longest main-thread task of the page's renderer in a devtools trace (µs → ms). */
export function longestTask(trace) {
  const events = JSON.parse(new TextDecoder().decode(trace)).traceEvents ?? [];
  const mains = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`);
  const byThread = new Map(mains.map((k) => [k, []]));
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask' && typeof e.dur === 'number') byThread.get(`${e.pid}:${e.tid}`)?.push(e);
  }
  // The page's renderer is the busiest one (about:blank and spare renderers do nearly nothing).
  let thread = '';
  let best = [];
  const busy = (tasks) => tasks.reduce((n, t) => n + t.dur, 0);
  for (const [key, tasks] of byThread) {
    if (busy(tasks) > busy(best)) {
      best = tasks;
      thread = key;
    }
  }
  if (!best.length) return { longestMs: 0, tasks: 0, busyMs: 0, longestWas: '' };
  const longest = best.reduce((a, b) => (b.dur > a.dur ? b : a));
  // What the longest task spent its time on: its outermost traced activities, biggest first.
  const inside = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        `${e.pid}:${e.tid}` === thread &&
        e !== longest &&
        e.ts >= longest.ts &&
        e.ts + (e.dur ?? 0) <= longest.ts + longest.dur &&
        e.dur > 0,
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const outer = [];
  for (const e of inside.filter((x) => ACTIVITIES.has(x.name))) {
    const last = outer.at(-1);
    if (!last || e.ts >= last.ts + last.dur) outer.push(e);
  }
  const urlOf = (e) => e.args?.data?.url || e.args?.data?.stackTrace?.[0]?.url || '';
  const compiled = events.filter((e) => e.name === 'v8.compileModule' && `${e.pid}:${e.tid}` === thread && urlOf(e));
  const label = (e) => {
    // A microtask checkpoint or timer says little alone: name the first script found inside it.
    // A module evaluation carries no URL: name the module compiled last before it (its graph's root or last dependency).
    const lastCompiled = e.name === 'v8.evaluateModule' ? compiled.filter((c) => c.ts < e.ts).at(-1) : undefined;
    const url =
      urlOf(e) ||
      urlOf(inside.find((x) => x.ts >= e.ts && x.ts < e.ts + e.dur && urlOf(x)) ?? {}) ||
      (lastCompiled ? urlOf(lastCompiled) : '');
    return `${ACTIVITIES.get(e.name)}${url ? ` ${url.split('/').pop()}` : ''}`;
  };
  const totals = new Map();
  for (const e of outer) totals.set(label(e), (totals.get(label(e)) ?? 0) + e.dur);
  const longestWas = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, dur]) => `${name} ${Math.round(dur / 1000)} ms`)
    .join(', ');
  return { longestMs: longest.dur / 1000, tasks: best.length, busyMs: busy(best) / 1000, longestWas };
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {{ blockHearth?: boolean, trace?: boolean, viewport?: { width: number, height: number } }} [options]
 */
export async function loadAndObserve(browser, url, options = {}) {
  const session = await freshPage(browser);
  try {
    const { page, cdp } = session;
    await page.setViewport({ ...PHONE_VIEWPORT, ...(options.viewport ?? {}) });
    await cdp.send('Network.emulateNetworkConditions', NETWORK_PROFILE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (options.blockHearth) await cdp.send('Network.setBlockedURLs', { urls: ['*/hearth/*'] });
    await page.evaluateOnNewDocument(observe);
    const tags = ['hearth-assessment', 'hearth-coverage', 'hearth-guide', 'hearth-faq'];
    // 'v8' lets a long task be traced back to the script that ran in it (a microtask checkpoint alone names nothing).
    if (options.trace)
      await page.tracing.start({
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8'],
      });
    let trace;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
      const notRendered = options.blockHearth ? [] : await page.evaluate(waitForWidgets, tags);
      if (notRendered.length) throw new Error(`${url}: ${notRendered.map((t) => `<${t}>`).join(', ')} never rendered`);
      await page.waitForNetworkIdle({ idleTime: 1000, timeout: 60_000 });
    } finally {
      if (options.trace) trace = await page.tracing.stop();
    }
    const data = await page.evaluate(() => {
      const d = /** @type {{ __stability: { shifts: object[], longTasks: object[], reserved: Record<string, number> } }} */ (
        /** @type {unknown} */ (window)
      ).__stability;
      const rendered = {};
      for (const el of document.querySelectorAll('hearth-assessment, hearth-coverage, hearth-guide, hearth-faq')) {
        rendered[el.localName] = el.getBoundingClientRect().height;
      }
      return { ...d, rendered, scrollHeight: document.documentElement.scrollHeight };
    });
    return { ...data, cls: cumulativeLayoutShift(data.shifts), task: trace ? longestTask(trace) : undefined, errors: session.errors };
  } finally {
    await session.close();
  }
}

/** Phone viewport at the top of the page, and a viewport as tall as the page (every widget on screen). */
export async function measureStability(browser, url) {
  const phone = await loadAndObserve(browser, url, { trace: true });
  const phoneBaseline = await loadAndObserve(browser, url, { blockHearth: true, trace: true });
  const tall = { width: PHONE_VIEWPORT.width, height: Math.min(Math.max(phone.scrollHeight, PHONE_VIEWPORT.height), 16_000) };
  const full = await loadAndObserve(browser, url, { viewport: tall });
  const fullBaseline = await loadAndObserve(browser, url, { blockHearth: true, viewport: tall });
  return { phone, phoneBaseline, full, fullBaseline, tall };
}
