/**
 * Uses the widgets of a host page the way a person does (tap a choice, press the button), from
 * the outside: through their open shadow roots, never through their internals. The elements
 * belong to the host page's window, so nothing here uses `instanceof`.
 */
import { deepText, normalise, settle, waitFor } from './host-page.js';

type Updatable = HTMLElement & { updateComplete?: Promise<unknown> };

async function updated(el: Element): Promise<void> {
  await (el as Updatable).updateComplete;
  const win = el.ownerDocument.defaultView!;
  await settle(win);
}

function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root (not defined?)`);
  return el.shadowRoot;
}

/** A widget still waiting for a lazy part ("Loading…", "Cargando las preguntas…") has not rendered. */
const LOADING = /(?:^|\s)(?:Loading|Cargando)[^.!?]*…/;

/** Waits until a widget has drawn something a person can read (not only its crisis bar and "Loading…"). */

export async function rendered(el: Element, what = el.localName): Promise<string> {
  await waitFor(() => el.shadowRoot && deepText(el).length > 20 && !LOADING.test(deepText(el)), `${what} to render`);
  await updated(el);
  return deepText(el);
}

function setValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function submitButton(root: ParentNode): HTMLButtonElement {
  const button = root.querySelector<HTMLButtonElement>('form button[type="submit"]');
  if (!button) throw new Error(`no submit button on this page: ${normalise((root as Element).textContent).slice(0, 200)}`);
  return button;
}

/** The assessment's current page id (`intro`, `exposure`, …, `results`). */
export function assessmentPage(el: Element): string {
  return shadow(el).querySelector<HTMLElement>('[part~="page"]')?.dataset.page ?? '';
}

/**
 * Completes the default flow by tapping: the first answer on every question (exposure and each
 * symptom "yes", safety "no"), "none of these" on the review, `state` on the state question.
 * Returns the results page text.
 */
export async function completeAssessment(el: Element, { state = 'TX' } = {}): Promise<string> {
  await rendered(el);
  await waitFor(() => assessmentPage(el), 'the assessment to show a page');
  for (let step = 0; step < 40; step++) {
    const root = shadow(el);
    // A step whose wording is still loading says "Loading…" and has no button yet.
    await waitFor(
      () => assessmentPage(el) === 'results' || root.querySelector('[part~="page"] form button[type="submit"]'),
      `the assessment's "${assessmentPage(el)}" step to load`,
    );
    const page = assessmentPage(el);
    if (page === 'results') return deepText(root.querySelector('[part~="page"]')!);
    const pageEl = root.querySelector('[part~="page"]')!;
    const radios = [...pageEl.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const none = pageEl.querySelector<HTMLInputElement>('input[type="checkbox"][value="none"]');
    const select = pageEl.querySelector<HTMLSelectElement>('select');
    if (radios[0]) radios[0].click();
    else if (none) none.click();
    else if (select) setValue(select, state);
    await updated(el);
    submitButton(pageEl).click();
    await updated(el);
    await waitFor(() => assessmentPage(el) !== page || step > 38, `the assessment to leave "${page}"`);
  }
  throw new Error(`the assessment never reached its results (stuck on "${assessmentPage(el)}")`);
}

/** From the assessment's results, Continue to its contact step. */
export async function continueToLead(el: Element): Promise<void> {
  const page = shadow(el).querySelector('[part~="page"]')!;
  submitButton(page).click();
  await updated(el);
  await waitFor(() => assessmentPage(el) === 'lead', 'the assessment’s contact step');
}

/** Who fills in the lead form: each field given must be on the form (`contact`: the preferred way). */
export interface Person {
  name: string;
  email: string;
  phone?: string;
  contact?: 'email' | 'phone' | 'text';
}

const ANA: Person = { name: 'Ana Patient', email: 'ana@example.org', phone: '512-555-0199', contact: 'email' };

/** The `<hearth-lead-form>` inside `host` (the assessment or coverage widget). */
export function leadFormOf(host: Element): Promise<Element> {
  return waitFor(() => shadow(host).querySelector('hearth-lead-form'), 'the lead form');
}

/** What the lead form tells the person now, read from its shadow root. */
export interface LeadMessage {
  /** `sent` / `queued`: the result panel; `failed`: the "Not sent" panel; `invalid`: the error summary. */
  shows: 'sent' | 'queued' | 'failed' | 'invalid' | 'form';
  /** The panel's (or the error summary's) title. */
  title: string;
  /** Each paragraph or list item under it, as read. */
  lines: string[];
}

export function leadMessage(form: Element): LeadMessage {
  const root = shadow(form);
  const lines = (box: Element) => [...box.querySelectorAll('p, li')].map((p) => normalise(p.textContent)).filter(Boolean);
  const result = root.querySelector('[part~="result"]');
  if (result) {
    const shows = result.classList.contains('panel--success') ? 'sent' : 'queued';
    return { shows, title: normalise(root.querySelector('#result-title')?.textContent), lines: lines(result) };
  }
  const problem = root.querySelector('.panel--danger');
  if (problem) return { shows: 'failed', title: normalise(root.querySelector('#problem-title')?.textContent), lines: lines(problem) };
  const summary = root.querySelector('.error-summary');
  if (summary) return { shows: 'invalid', title: normalise(summary.querySelector('h2, h3, h4')?.textContent), lines: lines(summary) };
  return { shows: 'form', title: '', lines: [] };
}

/**
 * Fills the lead form inside `host` and presses its button; resolves once the form says what
 * happened (sent, saved on the device, not sent, or field errors). Each field given must be there.
 */
export async function submitLead(host: Element, person: Person = ANA): Promise<LeadMessage> {
  const form = await leadFormOf(host);
  await rendered(form, 'the lead form');
  // The first thing the form says, seen on every change of its DOM rather than by polling: with
  // retries in milliseconds, "saved on this device" may give way to the retry's outcome between
  // two polls (a flake seen in CI under load).
  let first: LeadMessage | undefined;
  const record = () => {
    const message = first ?? leadMessage(form);
    if (message.shows !== 'form') first = message;
  };
  const observer = new MutationObserver(record);
  observer.observe(shadow(form), { subtree: true, childList: true, characterData: true, attributes: true });
  try {
    await pressSend(host, person);
    return await waitFor(
      () => {
        record();
        return first;
      },
      'the lead form to say what happened',
      15000,
    );
  } finally {
    observer.disconnect();
  }
}

/** Fills the lead form inside `host` and presses its button, without waiting for the outcome; returns the form. */
export async function pressSend(host: Element, person: Person = ANA): Promise<Element> {
  const form = await leadFormOf(host);
  await rendered(form, 'the lead form');
  // The form refuses submissions faster than a person could type (a bot check); a test is fast.
  (form as HTMLElement & { minFillTime: number }).minFillTime = 0;
  const root = shadow(form);
  /** A control of the form, or an error naming it and listing what the form has instead. */
  const field = <T extends HTMLElement>(selector: string, what: string): T => {
    const el = root.querySelector<T>(selector);
    if (el) return el;
    const present = [...root.querySelectorAll<HTMLInputElement>('input, select, textarea, button')]
      .map((c) => (c.id ? `#${c.id}` : `${c.localName}[name="${c.name}"][value="${c.value}"]`))
      .join(', ');
    throw new Error(`the lead form has no ${what} (${selector}); it has: ${present}`);
  };
  for (const id of ['name', 'email', 'phone'] as const) {
    const value = person[id];
    if (value !== undefined) setValue(field<HTMLInputElement>(`#${id}`, `${id} field`), value);
  }
  await updated(form);
  if (person.contact) field(`input[name="contact"][value="${person.contact}"]`, `"${person.contact}" contact choice`).click();
  field('#consent', 'consent box').click();
  await updated(form);
  field('[part~="submit"]', 'submit button').click();
  return form;
}

/** Fills and sends the lead form inside `host`; returns the title of the result panel (sent or saved). */
export async function sendLead(host: Element, person: Person = ANA): Promise<string> {
  const message = await submitLead(host, person);
  if (message.shows !== 'sent' && message.shows !== 'queued')
    throw new Error(`the lead form did not send: ${message.title}: ${message.lines.join(' / ')}`);
  return message.title;
}

/** From a coverage result, the action that opens its lead form ("Check my benefits", "Join the waitlist"). */
export async function openCoverageLead(el: Element): Promise<Element> {
  const root = shadow(el);
  const action = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    /^(Check my benefits|Join the waitlist)$/.test(normalise(b.textContent)),
  );
  if (!action) throw new Error(`no lead action on this coverage result: ${deepText(root).slice(0, 200)}`);
  action.click();
  await updated(el);
  return leadFormOf(el);
}

/** Opens the first FAQ question by tapping it; returns the trigger and its answer panel. */
export async function openFirstFaqAnswer(faq: Element): Promise<{ trigger: HTMLElement; panel: HTMLElement; item: Element }> {
  await rendered(faq);
  const item = await waitFor(() => shadow(faq).querySelector('hearth-faq-item') ?? faq.querySelector('hearth-faq-item'), 'a FAQ item');
  await rendered(item, 'the FAQ item');
  const trigger = shadow(item).querySelector<HTMLElement>('[part~="question"]')!;
  const panel = shadow(item).querySelector<HTMLElement>('[part~="answer"]')!;
  trigger.click();
  await updated(item);
  await waitFor(
    () => trigger.getAttribute('aria-expanded') === 'true' && !panel.hidden && panel.getBoundingClientRect().height > 0,
    'the answer to open',
  );
  return { trigger, panel, item };
}

/** State, then insurer, by tapping: returns the result card's text. */
export async function coverageResult(el: Element, { state = 'TX', payer = 'bcbs-texas' } = {}): Promise<string> {
  await rendered(el);
  const root = shadow(el);
  // The state may already be known (the assessment under the same provider asked it).
  const first = await waitFor(() => root.querySelector<HTMLElement>('#state-select, input[name="payer"]'), 'the state or insurer question');
  if (first.localName === 'select') {
    setValue(first as HTMLSelectElement, state);
    await updated(el);
    submitButton(root).click();
    await updated(el);
  }
  const radio = await waitFor(() => root.querySelector<HTMLInputElement>(`input[name="payer"][value="${payer}"]`), `the payer ${payer}`);
  radio.click();
  await updated(el);
  submitButton(root).click();
  await updated(el);
  const result = await waitFor(() => root.querySelector<HTMLElement>('[part~="result"]'), 'the coverage result');
  return deepText(result);
}
