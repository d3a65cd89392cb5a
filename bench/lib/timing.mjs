// Navigation → first question interactive, under a fixed network profile and 4x CPU slowdown.
//
// "Interactive" means, for the control a patient taps first: it is in the DOM, not disabled and
// not inside [inert]; the element that takes the tap (the radio's <label> when it has one, since
// both products style a visually hidden native input) passes checkVisibility() (display,
// visibility, opacity, content-visibility) and has a non-empty box; and, when that box is on
// screen, a hit test at its centre (through shadow roots) lands on it. Checked every animation
// frame from document start; the time is performance.now(), i.e. since navigation start.
//
// Hearth opens on an intro with a Start button, so two marks: Start interactive (its first
// control), then (Start is clicked the moment it is interactive) the exposure question's first
// radio interactive. SurveyJS opens directly on the exposure question. The floor (issue 15) is the
// same host page whose only script is one tiny module drawing one radio in a shadow root: what the
// network and the browser cost before any widget code, measured in the same run.
import { CPU_SLOWDOWN, NETWORK_PROFILE, PHONE_VIEWPORT, freshPage } from './browser.mjs';

/** Runs in the page before any of its scripts. */
function probe(kind) {
  const deepHit = (x, y) => {
    let node = document.elementFromPoint(x, y);
    while (node?.shadowRoot) {
      const inner = node.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === node) break;
      node = inner;
    }
    return node;
  };
  const interactive = (el) => {
    if (!el || !el.isConnected || el.disabled || el.closest('[inert]')) return false;
    const target = (el.type === 'radio' || el.type === 'checkbox') && el.labels?.[0] ? el.labels[0] : el;
    if (!target.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
    const r = target.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
      const hit = deepHit(x, y);
      if (!hit || !(target.contains(hit) || hit === el)) return false;
    }
    return true;
  };
  const assessmentRoot = () => document.querySelector('hearth-assessment')?.shadowRoot;
  const marks = {};
  const bench = { marks };
  Object.defineProperty(window, '__bench', { value: bench });
  bench.done = new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (kind === 'hearth') {
        const root = assessmentRoot();
        if (marks.start === undefined) {
          const start = root?.querySelector('[data-page="intro"] button[type="submit"]');
          if (interactive(start)) {
            marks.start = now;
            start.click();
          }
        } else {
          const radio = root?.querySelector('[data-page] input[type="radio"]');
          if (interactive(radio)) marks.question = now;
        }
      } else if (kind === 'floor') {
        const radio = document.querySelector('bench-floor')?.shadowRoot?.querySelector('input[type="radio"]');
        if (interactive(radio)) marks.question = now;
      } else {
        const radio = document.querySelector('#survey input[type="radio"]');
        if (interactive(radio)) marks.question = now;
      }
      if (marks.question !== undefined) resolve({ ...marks });
      else if (now > 60_000) resolve({ ...marks, timedOut: true });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * One cold load of `url` in a fresh browser context.
 * @param {import('puppeteer-core').Browser} browser
 * @param {'hearth' | 'surveyjs' | 'floor'} kind
 */
export async function timeFirstQuestion(browser, url, kind) {
  const session = await freshPage(browser);
  try {
    const { page, cdp } = session;
    await page.setViewport(PHONE_VIEWPORT);
    await cdp.send('Network.emulateNetworkConditions', NETWORK_PROFILE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.evaluateOnNewDocument(probe, kind);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    const marks = await page.evaluate(
      () => /** @type {{ __bench: { done: Promise<object> } }} */ (/** @type {unknown} */ (window)).__bench.done,
    );
    if (marks.timedOut)
      throw new Error(`${kind}: the first question never became interactive within 60 s (${url}); errors: ${session.errors.join(' | ')}`);
    return marks;
  } finally {
    await session.close();
  }
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
};

/**
 * `runs` cold loads of each page, rotating which goes first in each round so that drift in the
 * machine's load hits all of them equally. `urls`: kind → URL, for the kinds `hearth`, `surveyjs`
 * and (optionally) `floor`.
 * @param {import('puppeteer-core').Browser} browser
 * @param {Partial<Record<'hearth' | 'surveyjs' | 'floor', string>>} urls
 */
export async function compareFirstQuestion(browser, urls, runs, onRun = () => {}) {
  const samples = { hearthStart: [], hearthQuestion: [], surveyQuestion: [], floor: [] };
  const kinds = /** @type {('hearth' | 'surveyjs' | 'floor')[]} */ (['floor', 'hearth', 'surveyjs'].filter((k) => urls[k]));
  for (let i = 0; i < runs; i++) {
    const order = kinds.map((_, n) => kinds[(n + i) % kinds.length]);
    for (const kind of order) {
      const marks = await timeFirstQuestion(browser, urls[kind], kind);
      if (kind === 'hearth') {
        samples.hearthStart.push(marks.start);
        samples.hearthQuestion.push(marks.question);
      } else if (kind === 'floor') samples.floor.push(marks.question);
      else samples.surveyQuestion.push(marks.question);
      onRun(i, kind, marks);
    }
  }
  return samples;
}
