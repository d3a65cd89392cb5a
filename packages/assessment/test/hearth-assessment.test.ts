import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import type { HearthAssessment } from '../src/index.js';
import { configure, pageSession, setLocale, type HearthConfigInput } from '@hearth/core';
import { Outbox, type Lead } from '@hearth/lead';
import { registerContentPack } from '@hearth/content';
import { LeadReceiver, LeadSink, type ReceiverRow } from '../../../test/support/sink.js';
// The partner clinic's own GAD-7 definition, exactly as its page registers it.
import gad7Definition from '../../../examples/partner-clinic/gad-7.json' with { type: 'json' };

// ---- helpers: everything the person does goes through the keyboard ----------------------------

/** The focused element, through every shadow root. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
function $(el: HearthAssessment, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}
function text(el: HearthAssessment, selector: string): string {
  return $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
function pageId(el: HearthAssessment): string {
  return $(el, '[part="page"]')?.dataset.page ?? '';
}
function heading(el: HearthAssessment): HTMLElement {
  return $(el, '[data-focus]')!;
}
function isSubmit(node: Element | null): boolean {
  return node instanceof HTMLButtonElement && node.type === 'submit';
}

async function tabTo(predicate: (node: Element | null) => boolean, what: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (predicate(deepActive())) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

/** Continue: Tab to the page's submit button and press Enter. */
async function pressContinue(el: HearthAssessment): Promise<void> {
  await tabTo(isSubmit, 'the Continue button');
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** Picks the option at `index` of the page's radio group (Tab into it, Space or arrows), then Continue. */
async function answer(el: HearthAssessment, index: number): Promise<void> {
  await tabTo((n) => n instanceof HTMLInputElement && n.type === 'radio', 'a radio');
  if (index === 0) await sendKeys({ press: 'Space' });
  for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowDown' });
  await pressContinue(el);
}

/** Expects the page, the focus on its heading and a clean axe run. */
async function expectPage(el: HearthAssessment, id: string): Promise<void> {
  await el.updateComplete;
  expect(pageId(el)).to.equal(id);
  expect(deepActive(), `focus on the heading of ${id}`).to.equal(heading(el));
  await expect(el).to.be.accessible();
}

async function startByKeyboard(el: HearthAssessment, { adult = true } = {}): Promise<void> {
  await tabTo((n) => isSubmit(n) && n?.textContent?.trim() === 'Start now', 'Start now');
  await sendKeys({ press: 'Enter' });
  await passAgeQuestion(el, adult);
}

/** The age question, first of all (its wording loads once the person starts): "Yes" by default. */
async function passAgeQuestion(el: HearthAssessment, adult = true): Promise<void> {
  await waitUntil(() => pageId(el) === 'age', 'the age question');
  await answer(el, adult ? 0 : 1);
}

async function chooseState(el: HearthAssessment, name: string): Promise<void> {
  await tabTo((n) => n instanceof HTMLSelectElement, 'the state select');
  await sendKeys({ type: name });
  await pressContinue(el);
}

/** Ticks a review checkbox by its position (Tab through the list, Space). "none" is the last one. */
async function tickReview(el: HearthAssessment, value: string): Promise<void> {
  await tabTo((n) => n instanceof HTMLInputElement && n.type === 'checkbox' && n.value === value, `the ${value} checkbox`);
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
}

async function fillLeadForm({ method = 'text' } = {}): Promise<void> {
  await tabTo((n) => n?.id === 'name', 'the name field');
  await sendKeys({ type: 'Ana Patient' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: 'ana@example.org' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: '512-555-0199' });
  await sendKeys({ press: 'Tab' });
  expect(deepActive()?.id).to.equal('contact-email');
  if (method === 'email') await sendKeys({ press: 'Space' });
  else await sendKeys({ press: method === 'phone' ? 'ArrowDown' : 'ArrowUp' });
  await tabTo((n) => n?.id === 'consent', 'the consent checkbox');
  await sendKeys({ press: 'Space' });
}

async function submitLead(el?: HearthAssessment): Promise<void> {
  // The test types far faster than a person; only the bot test keeps the minimum time.
  if (el) leadForm(el).minFillTime = 0;
  await tabTo((n) => n?.getAttribute('part') === 'submit', 'the lead submit button');
  await sendKeys({ press: 'Enter' });
}

function leadForm(el: HearthAssessment): HTMLElement & { minFillTime: number } {
  return $(el, 'hearth-lead-form') as HTMLElement & { minFillTime: number };
}
function lf(el: HearthAssessment, selector: string): HTMLElement | null {
  return leadForm(el).shadowRoot!.querySelector<HTMLElement>(selector);
}

/** Answers the default PC-PTSD-5 flow up to the results: exposure yes, `yes` items yes, safety answer, history, review, state. */
async function answerDefaultFlow(
  el: HearthAssessment,
  {
    yes = 4,
    safety = 0,
    review = 'none',
    state = 'Texas',
    check = false,
    onPage,
  }: { yes?: number; safety?: number; review?: string; state?: string; check?: boolean; onPage?: (id: string) => Promise<void> } = {},
) {
  const step = async (id: string) => {
    if (check || onPage) await expectPage(el, id);
    else await el.updateComplete;
    await onPage?.(id);
  };
  await startByKeyboard(el);
  await step('exposure');
  await answer(el, 0);
  for (let i = 1; i <= 5; i++) {
    await step(`pc-ptsd-5-item-${i}`);
    await answer(el, i <= yes ? 0 : 1);
  }
  await step('safety');
  await answer(el, safety);
  if (safety > 0) {
    await step('crisis');
    await pressContinue(el);
  }
  await step('therapy');
  await answer(el, 0);
  await step('medication');
  await answer(el, 1);
  await step('helped');
  await answer(el, 2);
  await step('review');
  await tickReview(el, review);
  if (check) await expect(el).to.be.accessible();
  await pressContinue(el);
  await step('state');
  await chooseState(el, state);
  await step('results');
}

const PARTNER_COVERAGE = {
  selfPay: { price: 100, includes: ['x'] },
  superbill: false,
  states: { TX: { served: true }, NY: { served: true } },
};

const stored = () => Object.keys(sessionStorage).filter((k) => k.startsWith('hearth-assessment:'));

describe('<hearth-assessment>', () => {
  let sink: LeadSink;
  const originalUrl = location.href;

  before(async () => {
    sink = await LeadSink.start();
  });
  after(() => sink.stop());
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(async () => {
    // Nothing a test left queued may reach the sink during the next one.
    await Outbox.shared().clear();
    Outbox.resetShared();
    fixtureCleanup();
    history.replaceState(null, '', originalUrl);
    configure({}, { replace: true });
    setLocale(undefined);
    pageSession.set('state', undefined);
    sessionStorage.clear();
  });

  async function create(
    config: HearthConfigInput = {},
    attrs: { id?: string; instrument?: string; shareResult?: boolean } = {},
  ): Promise<HearthAssessment> {
    // The state is asked only where the partner lists served states: these tests' partner serves TX and NY.
    config = { coverage: PARTNER_COVERAGE, ...config };
    const el = await fixture<HearthAssessment>(
      html`<hearth-assessment
        id=${attrs.id ?? 'a1'}
        endpoint=${sink.endpoint}
        instrument=${attrs.instrument ?? 'pc-ptsd-5'}
        ?share-result=${attrs.shareResult ?? false}
        config=${JSON.stringify(config)}
      ></hearth-assessment>`,
    );
    await el.updateComplete;
    return el;
  }

  it('is accessible', async () => {
    const el = await create();
    await expect(el).to.be.accessible();
    expect(customElements.get('hearth-assessment')).to.exist;
  });

  it('introduces itself honestly: a screen not a diagnosis, how long, how answers are used, privacy, crisis link', async () => {
    const el = await create();
    const intro = text(el, '[part="page"]');
    expect(intro).to.contain('It is a screen, not a diagnosis');
    expect(intro).to.contain('PC-PTSD-5');
    expect(intro).to.contain('About 3 minutes');
    expect(intro).to.contain('not your individual answers');
    expect(intro).to.contain('No cookies are used');
    expect($(el, '[part="page"] a[href="tel:988"]')).to.exist;
    expect($(el, '[part="page"] a[href="sms:988"]')).to.exist;
  });

  it('runs the whole flow by keyboard only, axe-clean at every step, to a lead on a real server', async function () {
    this.timeout(30000);
    history.replaceState(null, '', `${location.pathname}?utm_source=newsletter&utm_medium=email&utm_campaign=ptsd-month&gclid=abc`);
    const el = await create({ lead: { consentVersion: 'consent-v3' } });
    const events: { type: string; detail: unknown }[] = [];
    for (const type of ['hearth-assessment-start', 'hearth-assessment-step', 'hearth-assessment-complete', 'hearth-lead-submitted']) {
      el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
    }
    const localBefore = localStorage.length;

    await answerDefaultFlow(el, { yes: 4, check: true });
    // The shared session now knows the state, so the coverage checker never asks again.
    expect(pageSession.get('state')).to.equal('TX');
    expect(text(el, '.result__title')).to.equal('You screened positive for probable PTSD');
    expect(text(el, '[part="page"]')).to.contain('You answered yes to 4 of the 5 questions');
    expect(text(el, '[part="page"]')).to.contain('This is a screen, not a diagnosis');
    expect(text(el, '[part="page"]')).to.not.match(/(?<!does not mean that )you have PTSD/i);
    expect(text(el, '.source')).to.contain('Primary Care PTSD Screen for DSM-5 (PC-PTSD-5)');
    expect(text(el, '.source')).to.contain('doi:10.1007/s11606-016-3703-5');
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('discuss');
    expect($(el, '.crisis a[href="tel:988"]')).to.exist;
    expect(stored().length).to.equal(1);

    await pressContinue(el);
    await expectPage(el, 'lead');
    const before = (await sink.requests()).length;
    await fillLeadForm();
    await expect(el).to.be.accessible();
    // By keyboard the flow can take under the form's 3 s bot threshold; the bot test checks that threshold.
    await submitLead(el);
    const received = await sink.waitForRequests(before + 1);
    const lead = received.at(-1)!.body as Lead;
    expect(lead.widget).to.equal('hearth-assessment');
    expect(lead.kind).to.equal('assessment');
    expect(lead.urgent).to.equal(false);
    expect(lead.summary).to.deep.equal({
      type: 'assessment',
      instrument: 'pc-ptsd-5',
      score: 4,
      cutPoint: 3,
      positive: true,
      reviewItemCount: 0,
      candidacy: 'discuss',
      state: 'TX',
    });
    expect(lead.contact).to.deep.equal({
      name: 'Ana Patient',
      email: 'ana@example.org',
      phone: '+15125550199',
      state: 'TX',
      preferredContact: 'text',
    });
    expect(lead.consent.version).to.equal('consent-v3');
    expect(lead.consent.text).to.equal(
      'I agree that Hearth Health may contact me by email, phone or text message about my request, using the details I have given here. I understand that Hearth Health is not an emergency service: if I am in crisis I will call or text 988, or call 911.',
    );
    expect(lead.source.utm).to.deep.equal({ source: 'newsletter', medium: 'email', campaign: 'ptsd-month' });
    expect(lead.source.gclid).to.equal('abc');
    expect(lead.source.url).to.not.contain('utm_');
    expect(lead).to.not.have.property('answers');

    await waitUntil(() => lf(el, '[part="result"]'), 'lead result shown');
    expect(lf(el, '[part="result"]')!.textContent).to.contain('Sent. Thank you.');
    await expect(el).to.be.accessible();
    // Progress is deleted once the lead is sent; nothing ever went to localStorage.
    expect(stored()).to.deep.equal([]);
    expect(localStorage.length).to.equal(localBefore);

    // Events carry the step and no answers or contact details.
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'hearth-assessment-start').length).to.equal(1);
    expect(events.find((e) => e.type === 'hearth-assessment-complete')!.detail).to.deep.equal({ instrument: 'pc-ptsd-5' });
    const steps = events.filter((e) => e.type === 'hearth-assessment-step').map((e) => e.detail);
    expect(steps).to.deep.equal(
      // The age question belongs to the intro step: reaching it is the first step event.
      ['intro', 'screen', 'safety', 'history', 'review', 'state', 'results', 'lead'].map((step, i) => ({
        step,
        stepNumber: i + 1,
        stepCount: 8,
      })),
    );
    expect(types).to.include('hearth-lead-submitted');
    expect(JSON.stringify(events)).to.not.contain('Ana');
  });

  it('announces "Question n of N" in a live region and moves focus to each new heading', async () => {
    const el = await create();
    expect($(el, '[part="progress"]')!.getAttribute('role')).to.equal('status');
    await startByKeyboard(el);
    await expectPage(el, 'exposure');
    expect(text(el, '[part="progress"]')).to.equal('Question 2 of 13');
    await answer(el, 0);
    expect(text(el, '[part="progress"]')).to.equal('Question 3 of 13');
    expect(text(el, '[data-focus]')).to.contain('In the past month, have you...');
    expect(text(el, '[data-focus]')).to.contain('Had nightmares about the event(s)');
  });

  it('skips the five items when exposure is "No" and scores 0', async () => {
    const el = await create();
    await startByKeyboard(el);
    await answer(el, 1);
    await expectPage(el, 'safety');
    expect(text(el, '[part="progress"]')).to.equal('Question 3 of 8');
    await answer(el, 0);
    await answer(el, 1);
    await answer(el, 1);
    await expectPage(el, 'review');
    await tickReview(el, 'none');
    await pressContinue(el);
    await chooseState(el, 'Texas');
    await expectPage(el, 'results');
    expect(text(el, '.result__title')).to.equal('You did not screen positive for probable PTSD');
    expect(text(el, '[part="page"]')).to.contain('have not experienced this kind of event');
    expect(text(el, '[part="page"]')).to.contain('A negative screen does not rule PTSD out');
  });

  it('shows the crisis panel first when the safety question is above 0, lets the person continue, and flags the lead urgent', async () => {
    const el = await create();
    await startByKeyboard(el);
    await answer(el, 1);
    await expectPage(el, 'safety');
    // Choosing an answer above 0 already offers help inline, before Continue.
    await tabTo((n) => n instanceof HTMLInputElement && n.type === 'radio', 'a radio');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(text(el, '.inline-crisis')).to.contain('You do not have to wait until the end.');
    expect($(el, '.inline-crisis')!.closest('[role="status"]'), 'announced by a live region').to.exist;
    await pressContinue(el);

    await expectPage(el, 'crisis');
    const panel = $(el, '[part="page"] .crisis')!;
    expect($(el, '[part="page"]')!.firstElementChild).to.equal(panel);
    expect(deepActive()).to.equal(panel.querySelector('h2'));
    expect(text(el, '[part="page"] .crisis h2')).to.equal('Help is available right now');
    for (const href of ['tel:988', 'sms:988', 'sms:838255', 'tel:911']) expect(panel.querySelector(`a[href="${href}"]`), href).to.exist;
    expect(text(el, '[part="page"] .crisis')).to.contain('dial 988 then press 1');
    await pressContinue(el);
    await expectPage(el, 'therapy');
    await answer(el, 1);
    await answer(el, 1);
    await tickReview(el, 'heart');
    await pressContinue(el);
    await chooseState(el, 'Texas');
    await el.updateComplete;
    // On the results too, the crisis resources come first and take the focus.
    expect($(el, '[part="page"]')!.firstElementChild?.classList.contains('crisis')).to.be.true;
    expect(deepActive()?.textContent).to.equal('Help is available right now');
    // Exposure "No": a negative screen, never a recommendation; the item marked still gets its sentence.
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('screen-negative');
    expect(text(el, '[part="page"]')).to.contain('1 item you marked');
    await expect(el).to.be.accessible();

    await pressContinue(el);
    expect(text(el, '[part="page"] .inline-crisis')).to.contain('marked as urgent');
    const before = (await sink.requests()).length;
    await fillLeadForm({ method: 'email' });
    await submitLead(el);
    const lead = (await sink.waitForRequests(before + 1)).at(-1)!.body as Lead;
    expect(lead.urgent).to.equal(true);
    expect(lead.summary).to.include({ positive: false, score: 0, reviewItemCount: 1, candidacy: 'screen-negative' });
  });

  it('keeps the crisis resources one tap away on every step', async function () {
    this.timeout(30000);
    const el = await create();
    const seen: string[] = [];
    const check = async (where: string) => {
      seen.push(where);
      expect($(el, '[part="crisis-bar"] a[href="tel:988"]'), `call 988 on ${where}`).to.exist;
      expect($(el, '[part="crisis-bar"] a[href="sms:988"]'), `text 988 on ${where}`).to.exist;
    };
    await check('intro');
    // Every page of the flow, the crisis page included, then the lead form and its outcome.
    await answerDefaultFlow(el, { safety: 1, onPage: check });
    await pressContinue(el);
    await expectPage(el, 'lead');
    await check('lead');
    await fillLeadForm({ method: 'email' });
    await submitLead(el);
    await waitUntil(() => leadForm(el).shadowRoot?.querySelector('[part="result"]'), 'the lead form shows its outcome');
    await check('lead sent');
    expect(seen).to.include.members(['exposure', 'pc-ptsd-5-item-5', 'safety', 'crisis', 'helped', 'review', 'state', 'results']);
    const more = $(el, '[part="crisis-bar"] button')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#crisis-more a[href="sms:838255"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows an error summary linked to the question, moves focus to it, and keeps the person on the page', async () => {
    const el = await create();
    await startByKeyboard(el);
    await pressContinue(el);
    const summary = $(el, '.error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(deepActive()).to.equal(summary);
    expect(text(el, '.error-summary')).to.contain('There is a problem');
    const link = summary.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#exposure-0');
    expect(text(el, '#exposure-error')).to.contain('Select yes if you have ever experienced this kind of event');
    expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.contain('exposure-error');
    expect(pageId(el)).to.equal('exposure');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(link);
    await sendKeys({ press: 'Enter' });
    expect(deepActive()?.id).to.equal('exposure-0');
    // Answering clears the error.
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '.error-summary')).to.not.exist;
  });

  it('asks for the review items or "None of these", which excludes the others', async () => {
    const el = await create({ assessment: { steps: ['review', 'safety', 'results'] } });
    await passAgeQuestion(el);
    await expectPageLoose(el, 'review');
    await pressContinue(el);
    expect(text(el, '.error-summary')).to.contain('Select the items that apply to you, or select “None of these”');
    await tickReview(el, 'liver');
    await tickReview(el, 'none');
    const checked = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((i) => i.value);
    expect(checked).to.deep.equal(['none']);
    await tickReview(el, 'thyroid');
    const after = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((i) => i.value);
    expect(after).to.deep.equal(['thyroid']);
  });

  it('goes Back with every answer kept', async () => {
    const el = await create();
    await startByKeyboard(el);
    await answer(el, 0);
    await answer(el, 1);
    await expectPage(el, 'pc-ptsd-5-item-2');
    const back = $(el, '.back-link')!;
    back.focus();
    await sendKeys({ press: 'Enter' });
    await expectPage(el, 'pc-ptsd-5-item-1');
    expect(($(el, '#pc-ptsd-5-item-1-1') as HTMLInputElement).checked).to.be.true;
    $(el, '.back-link')!.focus();
    await sendKeys({ press: 'Enter' });
    await expectPage(el, 'exposure');
    expect(($(el, '#exposure-0') as HTMLInputElement).checked).to.be.true;
    await pressContinue(el);
    await pressContinue(el);
    await expectPage(el, 'pc-ptsd-5-item-2');
  });

  it('resumes after a refresh from sessionStorage (never localStorage), and Start again clears it', async () => {
    const el = await create();
    await startByKeyboard(el);
    await answer(el, 0);
    await answer(el, 0);
    await tabTo((n) => n instanceof HTMLInputElement && n.type === 'radio', 'a radio');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(pageId(el)).to.equal('pc-ptsd-5-item-2');
    expect(localStorage.length).to.equal(0);
    expect(stored()).to.deep.equal(['hearth-assessment:v2:a1']);
    expect(sessionStorage.getItem('hearth-assessment:v2:a1')).to.not.contain('@');

    // "Refresh": a new element with the same id and the same sessionStorage.
    el.remove();
    const again = await create();
    expect(pageId(again)).to.equal('pc-ptsd-5-item-2');
    expect(text(again, '[part="progress"]')).to.equal('Question 4 of 13');
    expect(($(again, '#pc-ptsd-5-item-2-1') as HTMLInputElement).checked).to.be.true;
    $(again, '.back-link')!.focus();
    await sendKeys({ press: 'Enter' });
    await again.updateComplete;
    expect(($(again, '#pc-ptsd-5-item-1-0') as HTMLInputElement).checked).to.be.true;

    await tabTo((n) => n?.textContent?.trim() === 'Start again', 'Start again');
    await sendKeys({ press: 'Enter' });
    await expectPage(again, 'intro');
    expect(stored()).to.deep.equal([]);
    await startByKeyboard(again);
    expect(($(again, '#exposure-0') as HTMLInputElement).checked).to.be.false;
  });

  it('ignores tampered storage that tries to skip questions', async () => {
    sessionStorage.setItem(
      'hearth-assessment:v2:a1',
      JSON.stringify({
        instrument: 'pc-ptsd-5',
        page: 'results',
        startedAt: 1,
        answers: { instruments: { 'pc-ptsd-5': { exposure: true } } },
      }),
    );
    const el = await create();
    // Not even the age question can be skipped.
    await waitUntil(() => pageId(el) === 'age', 'back to the age question');
    sessionStorage.setItem('hearth-assessment:v2:a1', '{not json');
    el.remove();
    const again = await create();
    expect(pageId(again)).to.equal('intro');
  });

  it('says plainly when the endpoint answers 500 (not sent yet, saved on this device) and Try again now sends it', async () => {
    // A slow background retry, so that the person's "Try again now" is what sends it.
    Outbox.resetShared();
    Outbox.shared({ baseDelayMs: 60_000 });
    const el = await create();
    await answerDefaultFlow(el);
    await pressContinue(el);
    await sink.script({ status: 500 });
    const before = (await sink.requests()).length;
    await fillLeadForm();
    await submitLead(el);
    await waitUntil(() => lf(el, '[part="result"]'), 'result shown');
    const panel = lf(el, '[part="result"]')!;
    expect(panel.textContent).to.contain('Not sent yet: saved on this device');
    expect(panel.textContent).to.contain('Hearth Health could not receive your request just now');
    expect(deepActive()).to.equal(panel);
    await expect(el).to.be.accessible();

    await tabTo((n) => n?.textContent?.trim() === 'Try again now', 'Try again now');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => lf(el, '[part="result"]')?.textContent?.includes('Sent. Thank you.'), 'sent after retry', { timeout: 5000 });
    const received = (await sink.waitForRequests(before + 2)).slice(before);
    expect(new Set(received.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    expect((received.at(-1)!.body as Lead).summary).to.include({ positive: true, state: 'TX' });
    expect(stored()).to.deep.equal([]);
  });

  it('keeps every answer and field when the endpoint refuses the lead, and Retry sends it', async () => {
    const el = await create();
    await answerDefaultFlow(el);
    await pressContinue(el);
    await sink.script({ status: 403 });
    const before = (await sink.requests()).length;
    await fillLeadForm();
    await submitLead(el);
    await waitUntil(() => lf(el, '.panel--danger'), 'failure shown');
    const panel = lf(el, '.panel--danger')!;
    expect(panel.textContent).to.contain('We could not send this');
    expect(deepActive()).to.equal(panel);
    expect((lf(el, '#name') as HTMLInputElement).value).to.equal('Ana Patient');
    expect((lf(el, '#email') as HTMLInputElement).value).to.equal('ana@example.org');
    await expect(el).to.be.accessible();
    // The answers are still kept for a refresh.
    expect(stored().length).to.equal(1);
    // Going Back to the results and returning keeps the fields too.
    $(el, '.back-link')!.focus();
    await sendKeys({ press: 'Enter' });
    await expectPage(el, 'results');
    await pressContinue(el);
    await expectPage(el, 'lead');
    expect((lf(el, '#email') as HTMLInputElement).value).to.equal('ana@example.org');

    await tabTo((n) => n?.textContent?.trim() === 'Try again' || n?.getAttribute('part') === 'submit', 'Try again or Send');
    await sendKeys({ press: 'Enter' });
    const received = await sink.waitForRequests(before + 2);
    expect(received.at(-1)!.headers['idempotency-key']).to.equal(received.at(-2)!.headers['idempotency-key']);
    await waitUntil(() => lf(el, '[part="result"]'), 'sent after retry');
    expect(stored()).to.deep.equal([]);
  });

  it('blocks a bot (honeypot, or faster than a person) and nothing reaches the server', async () => {
    const el = await create();
    await answerDefaultFlow(el);
    await pressContinue(el);
    const before = (await sink.requests()).length;
    await fillLeadForm();
    (lf(el, '#website') as HTMLInputElement).value = 'http://spam.example';
    await submitLead();
    await waitUntil(() => lf(el, '.panel--danger'), 'blocked');
    expect(lf(el, '.panel--danger')!.textContent).to.contain('could not be sent');

    (lf(el, '#website') as HTMLInputElement).value = '';
    leadForm(el).minFillTime = 10 * 60_000;
    await submitLead();
    await waitUntil(() => lf(el, '.panel--danger')?.textContent?.includes('That was quick'), 'too fast');
    await new Promise((r) => setTimeout(r, 300));
    expect((await sink.requests()).length).to.equal(before);
  });

  it('sends the answers only when privacy.includeAnswers is on', async () => {
    const el = await create({ privacy: { includeAnswers: true } });
    expect(text(el, '[part="page"]')).to.contain('we send your details with your answers');
    await answerDefaultFlow(el, { yes: 2, safety: 0, review: 'liver' });
    await pressContinue(el);
    const before = (await sink.requests()).length;
    await fillLeadForm();
    await submitLead(el);
    const lead = (await sink.waitForRequests(before + 1)).at(-1)!.body as Lead;
    expect(lead.answers).to.deep.equal({
      // Keyed by instrument id, then question id: what the receiver re-scores by id.
      instruments: {
        'pc-ptsd-5': { exposure: true, 'pcptsd5-1': true, 'pcptsd5-2': true, 'pcptsd5-3': false, 'pcptsd5-4': false, 'pcptsd5-5': false },
      },
      phq9Item9: 0,
      history: { traumaTherapy: 'yes', antidepressants: 'no', helped: 'a-little' },
      reviewItems: ['liver'],
    });
    expect(lead.summary).to.include({ positive: false, score: 2, candidacy: 'screen-negative', reviewItemCount: 1 });
  });

  it("tells the person when the partner's coverage does not serve their state", async () => {
    const el = await create();
    await answerDefaultFlow(el, { state: 'Alabama' });
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('not-served');
    expect(text(el, '[data-candidacy]')).to.contain('Hearth Health does not treat people in Alabama yet');
    await expect(el).to.be.accessible();
  });

  it("uses the partner's served states from config.coverage", async () => {
    const coverage = { selfPay: { price: 100, includes: ['x'] }, superbill: false, states: { AL: { served: true } } };
    const el = await create({ coverage });
    await answerDefaultFlow(el, { state: 'Alabama' });
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('discuss');
    await pressContinue(el);
    await fillLeadForm();
    const before = (await sink.requests()).length;
    await submitLead(el);
    const lead = (await sink.waitForRequests(before + 1)).at(-1)!.body as Lead;
    expect(lead.summary).to.include({ candidacy: 'discuss', state: 'AL' });
  });

  it('shares the screen outcome in hearth-assessment-complete only with share-result', async () => {
    const el = await create({}, { shareResult: true });
    let detail: unknown;
    el.addEventListener('hearth-assessment-complete', (e) => (detail = e.detail));
    await answerDefaultFlow(el, { yes: 5 });
    expect(detail).to.deep.equal({ instrument: 'pc-ptsd-5', positive: true, urgent: false, candidacy: 'discuss' });
  });

  it('follows assessment.steps: order and steps switched off', async () => {
    // No intro, history, review, state or lead; the safety question still comes before the results
    // (config validation refuses any order that puts it after them).
    const el = await create({ assessment: { steps: ['screen', 'safety', 'results'] } });
    let started = 0;
    el.addEventListener('hearth-assessment-start', () => started++);
    await passAgeQuestion(el);
    await expectPageLoose(el, 'exposure');
    expect(text(el, '[part="progress"]')).to.equal('Question 2 of 8');
    await answer(el, 0);
    expect(started).to.equal(1);
    for (let i = 0; i < 5; i++) await answer(el, 0);
    await expectPage(el, 'safety');
    await answer(el, 0);
    await expectPage(el, 'results');
    expect(text(el, '.result__title')).to.equal('You screened positive for probable PTSD');
    expect($(el, '[part="page"] button[type="submit"]')).to.not.exist;
    expect($(el, '[data-candidacy]')!.dataset.candidacy).to.equal('discuss');
  });

  it('runs the PCL-5 when configured, with its instructions, total and the separate cluster rule', async () => {
    const el = await create(
      { assessment: { steps: ['intro', 'screen', 'safety', 'results', 'lead'], cutPoints: { pcl5: 31 } } },
      { instrument: 'pcl-5' },
    );
    // The PCL-5's definition loads on demand ("Loading…" until then).
    await waitUntil(() => text(el, '[part="page"]').includes('PCL-5'), 'the PCL-5 definition', { timeout: 10_000 });
    await startByKeyboard(el);
    await expectPage(el, 'pcl-5-item-1');
    expect(text(el, '[part="page"]')).to.contain('Below is a list of problems that people sometimes have');
    expect(text(el, '[data-focus]')).to.contain('In the past month, how much were you bothered by:');
    expect(text(el, '[part="progress"]')).to.equal('Question 2 of 22');
    // Items rated so that the total (20) is below the cut point but the DSM-5 pattern is met:
    // 2 on items 1, 6, 8, 9, 15, 16 and 1 on item 20 and seven more.
    const ratings = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1];
    for (const [index, rating] of ratings.entries()) {
      if (index === 10) await expectPage(el, 'pcl-5-item-11');
      await answer(el, rating);
    }
    await answer(el, 0);
    await expectPage(el, 'results');
    expect(text(el, '.result__title')).to.equal('You did not screen positive for probable PTSD');
    expect(text(el, '[part="page"]')).to.contain('Your total was 20 out of 80. A total of 31 or more suggests probable PTSD.');
    // Below the cut point the cluster rule is not an "also": it counts symptoms only (issue 12, point 9).
    expect(text(el, '[part="page"]')).to.contain(
      'Separately from the total, your answers match the symptom pattern that DSM-5 describes for PTSD. This rule only counts which symptoms you rated moderately or more; it is not a diagnosis.',
    );
    expect(text(el, '[part="page"]')).not.to.contain('also match');
    expect(text(el, '.source')).to.contain('PTSD Checklist for DSM-5 (PCL-5)');
    await pressContinue(el);
    const before = (await sink.requests()).length;
    await fillLeadForm();
    await submitLead(el);
    const lead = (await sink.waitForRequests(before + 1)).at(-1)!.body as Lead;
    expect(lead.summary).to.deep.equal({
      type: 'assessment',
      instrument: 'pcl-5',
      score: 20,
      cutPoint: 31,
      positive: false,
      provisionalDiagnosis: true,
      reviewItemCount: 0,
      candidacy: 'screen-negative',
    });
  });

  it('speaks Spanish, axe-clean, with the Spanish instrument wording and its translation note', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es">
        <hearth-assessment id="es1" endpoint=${sink.endpoint} config=${JSON.stringify({ coverage: PARTNER_COVERAGE })}></hearth-assessment>
      </div>`,
    );
    const el = wrapper.querySelector('hearth-assessment')!;
    await waitUntil(() => text(el, '[data-focus]') === 'Autoevaluación gratuita de TEPT', 'Spanish intro');
    await expect(el).to.be.accessible();
    expect(text(el, '[part="crisis-bar"]')).to.contain('¿Necesita ayuda ahora?');
    await tabTo((n) => isSubmit(n), 'Empezar ahora');
    await sendKeys({ press: 'Enter' });
    await passAgeQuestion(el);
    await expectPage(el, 'exposure');
    expect(text(el, '[part="progress"]')).to.equal('Pregunta 2 de 13');
    expect(text(el, '[data-focus]')).to.equal('¿Alguna vez ha vivido un acontecimiento de este tipo?');
    await pressContinue(el);
    expect(text(el, '.error-summary')).to.contain('Hay un problema');
    await answer(el, 1);
    await answer(el, 0);
    await answer(el, 1);
    await answer(el, 1);
    await tickReview(el, 'none');
    await pressContinue(el);
    await chooseState(el, 'Nueva York');
    await expectPage(el, 'results');
    expect(text(el, '.result__title')).to.equal('Su resultado no fue positivo para un probable TEPT');
    expect(text(el, '[part="page"]')).to.contain('Traducción al español de Hearth');
    expect(text(el, '[part="page"]')).to.contain('no un diagnóstico');
    await pressContinue(el);
    await expectPage(el, 'lead');
    await waitUntil(() => lf(el, 'label[for="name"]')?.textContent === 'Nombre completo', 'Spanish lead form');
    const before = (await sink.requests()).length;
    await fillLeadForm();
    await submitLead(el);
    const lead = (await sink.waitForRequests(before + 1)).at(-1)!.body as Lead;
    expect(lead.locale).to.equal('es');
    expect(lead.consent.text).to.contain('no es un servicio de emergencias');
    expect(lead.summary).to.include({ state: 'NY' });
  });

  it('opens on the guide CTA: scrolls into view and focuses its heading; the listener goes away on disconnect', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <div style="height: 3000px"></div>
        <hearth-assessment id="cta"></hearth-assessment>
      </div>`,
    );
    const el = wrapper.querySelector('hearth-assessment')!;
    await el.updateComplete;
    window.scrollTo(0, 0);
    document.dispatchEvent(new CustomEvent('hearth-cta', { detail: { widget: 'guide', action: 'faq' } }));
    await el.updateComplete;
    expect(deepActive()).to.not.equal(heading(el));
    const cta = new CustomEvent('hearth-cta', {
      detail: { widget: 'guide', action: 'assessment', href: '#hearth-assessment' },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    document.dispatchEvent(cta);
    // Handled here, so the CTA link does not also jump to #hearth-assessment.
    expect(cta.defaultPrevented).to.be.true;
    await el.updateComplete;
    expect(deepActive()).to.equal(heading(el));
    await waitUntil(() => el.getBoundingClientRect().top < window.innerHeight, 'scrolled into view');

    (document.activeElement as HTMLElement | null)?.blur();
    el.remove();
    // Once removed it no longer claims the CTA: the link's own navigation goes ahead.
    const late = new CustomEvent('hearth-cta', { detail: { widget: 'guide', action: 'assessment' }, cancelable: true });
    document.dispatchEvent(late);
    expect(late.defaultPrevented, 'a removed assessment handled the CTA').to.be.false;
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await create();
      await startByKeyboard(el);
      await answer(el, 0);
      for (const node of [el, $(el, '.hearth-root')!]) expect(node.scrollWidth, 'no horizontal overflow').to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const radio = $(el, '.choice')!.getBoundingClientRect();
      expect(radio.height).to.be.at.least(44);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  describe('content packs (the registry the guide and FAQ read)', () => {
    const reviewFirst = { assessment: { steps: ['intro', 'review', 'screen', 'safety', 'results'] } } as HearthConfigInput;
    const pack = (id: string, extra: { defaultInstrument?: string; reviewItems?: string[] }) =>
      registerContentPack({ manifest: { id, title: `Test pack ${id}`, languages: ['en'], reviewer: { name: 'Test reviewer' }, ...extra } });
    const checkboxLabels = (el: HearthAssessment) =>
      [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="page"] input[type="checkbox"]')].map((input) =>
        normalise((input.labels?.[0] ?? input.closest('label'))?.textContent),
      );
    const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

    it('asks about the review items the pack lists, in its order, then its default instrument', async () => {
      pack('test-pack-a', { defaultInstrument: 'pcl-5', reviewItems: ['liver', 'heart'] });
      const el = await fixture<HearthAssessment>(
        html`<hearth-assessment content="test-pack-a" config=${JSON.stringify(reviewFirst)}></hearth-assessment>`,
      );
      await el.updateComplete;
      expect(text(el, '[part="page"]')).to.contain('PCL-5');
      await startByKeyboard(el);
      await expectPage(el, 'review');
      const labels = checkboxLabels(el);
      expect(labels).to.have.length(3);
      expect(labels[0]).to.match(/liver/i);
      expect(labels[1]).to.match(/heart/i);
      expect(labels[2]).to.equal('None of these');
      await expect(el).to.be.accessible();
      await tickReview(el, 'liver');
      await pressContinue(el);
      await waitUntil(() => pageId(el).startsWith('pcl-5'), 'the PCL-5, the pack’s default instrument');
    });

    it('lets the page’s config and the instrument attribute override the pack’s default instrument', async () => {
      pack('test-pack-b', { defaultInstrument: 'pcl-5' });
      const config = { assessment: { instrument: 'pc-ptsd-5' } } as HearthConfigInput;
      const el = await fixture<HearthAssessment>(
        html`<hearth-assessment content="test-pack-b" config=${JSON.stringify(config)}></hearth-assessment>`,
      );
      await el.updateComplete;
      await startByKeyboard(el);
      await expectPage(el, 'exposure');
      const byAttribute = await fixture<HearthAssessment>(
        html`<hearth-assessment id="a2" content="test-pack-b" instrument="pc-ptsd-5"></hearth-assessment>`,
      );
      await byAttribute.updateComplete;
      await startByKeyboard(byAttribute);
      await expectPage(byAttribute, 'exposure');
    });

    it('names an unknown pack, or a pack’s wrong instrument, in the error surface and one console error', async () => {
      pack('test-pack-c', { defaultInstrument: 'phq-2' });
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const unknown = await fixture<HearthAssessment>(html`<hearth-assessment content="no-such-pack"></hearth-assessment>`);
        await unknown.updateComplete;
        expect($(unknown, '[role="alert"] a[href="tel:988"]')).to.exist;
        expect(errors.flat().join(' ')).to.contain('content="no-such-pack" is not a known content pack (known: ptsd');
        const wrong = await fixture<HearthAssessment>(html`<hearth-assessment id="a3" content="test-pack-c"></hearth-assessment>`);
        await wrong.updateComplete;
        expect(text(wrong, '[role="alert"]')).to.contain('assessment.instrument');
        expect(errors.flat().join(' ')).to.contain('the manifest of content pack "test-pack-c"');
        expect(errors.length).to.equal(2);
      } finally {
        console.error = original;
      }
    });
  });

  it('shows the config error surface for an unknown instrument, with the crisis line', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const el = await fixture<HearthAssessment>(html`<hearth-assessment instrument="phq-2"></hearth-assessment>`);
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('assessment.instrument');
      expect(alert.querySelector('a[href="tel:988"]')).to.exist;
      expect(errors.length).to.equal(1);
    } finally {
      console.error = original;
    }
  });
});

/** The first page of a flow without intro: no focus move on first render (nothing was pressed yet). */
async function expectPageLoose(el: HearthAssessment, id: string): Promise<void> {
  await el.updateComplete;
  expect(pageId(el)).to.equal(id);
  await expect(el).to.be.accessible();
}

// ---- instruments as data (issue 14): the PHQ-9, its Spanish form, a partner's GAD-7 -------------

describe('<hearth-assessment> instruments as data, to the real lead receiver on loopback', () => {
  let receiver: LeadReceiver;
  // The receiver knows the partner's GAD-7 from the same JSON the page registers.
  const GAD7_FILE = 'examples/partner-clinic/gad-7.json';

  before(async () => {
    receiver = await LeadReceiver.start({ instruments: [GAD7_FILE] });
  });
  after(() => receiver.stop());
  afterEach(async () => {
    await Outbox.shared().clear();
    Outbox.resetShared();
    fixtureCleanup();
    configure({}, { replace: true });
    setLocale(undefined);
    pageSession.set('state', undefined);
    sessionStorage.clear();
  });

  async function assessment(instrument: string, config: HearthConfigInput = {}, lang = 'en'): Promise<HearthAssessment> {
    const el = await fixture<HearthAssessment>(
      html`<hearth-assessment
        id="i1"
        lang=${lang}
        endpoint=${receiver.endpoint}
        instrument=${instrument}
        config=${JSON.stringify({ privacy: { includeAnswers: true }, coverage: PARTNER_COVERAGE, ...config })}
      ></hearth-assessment>`,
    );
    // The PHQ-9's definition loads on demand: wait for its first page.
    await waitUntil(() => pageId(el) !== 'loading' && $(el, '[data-focus]'), 'the instrument loaded', { timeout: 10_000 });
    await el.updateComplete;
    return el;
  }

  /** The receiver's row of the lead about `instrument` (SQLite, read back through the real receiver). */
  async function rowFor(from: LeadReceiver, instrument: string): Promise<ReceiverRow> {
    let found: ReceiverRow | undefined;
    await waitUntil(
      async () => {
        found = (await from.rows()).find((r) => {
          const summary = (r.lead as unknown as Lead).summary;
          return summary?.type === 'assessment' && summary.instrument === instrument;
        });
        return found !== undefined;
      },
      `the ${instrument} lead stored by the receiver`,
      { timeout: 8000 },
    );
    return found!;
  }

  const ITEM9 = 'Thoughts that you would be better off dead or of hurting yourself in some way';

  it('runs the PHQ-9 from its definition, asks item 9 once as the safety question, and the receiver re-scores the lead by id', async function () {
    // Sixteen pages by keyboard, each checked with axe, then a real receiver: longer than the default.
    this.timeout(120_000);
    const el = await assessment('phq-9');
    expect(text(el, '[part="page"]')).to.contain('Free depression self-assessment').and.contain('PHQ-9').and.contain('About 3 minutes');
    await startByKeyboard(el);
    const headings: string[] = [];
    const seen: string[] = [];
    // Kroenke et al. 2001: total 10 is "moderate" and positive at the default cut point 10.
    const ratings = [2, 2, 1, 1, 1, 1, 1, 0, 1];
    for (const [index, rating] of ratings.entries()) {
      await expectPage(el, `phq-9-item-${index + 1}`);
      seen.push(pageId(el));
      headings.push(text(el, '[data-focus]'));
      expect(text(el, '.caption')).to.equal('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
      await answer(el, rating);
    }
    // Item 9 above 0: the crisis page first, then the difficulty question.
    await expectPage(el, 'crisis');
    expect($(el, '[part="crisis"] a[href="tel:988"]')).to.exist;
    await pressContinue(el);
    await expectPage(el, 'phq-9-difficulty');
    expect(text(el, '[data-focus]')).to.contain('how difficult have these problems made it for you');
    await answer(el, 1);
    for (const [id, index] of [
      ['therapy', 0],
      ['medication', 1],
      ['helped', 2],
    ] as const) {
      await expectPage(el, id);
      seen.push(id);
      headings.push(text(el, '[data-focus]'));
      await answer(el, index);
    }
    await expectPage(el, 'review');
    await tickReview(el, 'none');
    await pressContinue(el);
    await expectPage(el, 'state');
    await chooseState(el, 'Texas');
    // The safety question is asked exactly once: as item 9, never again as its own page.
    expect(headings.filter((h) => h.includes(ITEM9))).to.have.length(1);
    expect(seen).to.not.include('safety');

    await waitUntil(() => pageId(el) === 'results' && $(el, '.result__title'), 'the results');
    await expect(el).to.be.accessible();
    expect(text(el, '.result__title')).to.equal('Your answers suggest moderate symptoms of depression.');
    const page = text(el, '[part="page"]');
    expect(page).to.contain('Your total was 10 out of 27. A total of 10 or more');
    expect(page).to.contain('This is a screen, not a diagnosis. Only a licensed clinician can diagnose depression.');
    expect(text(el, '.source')).to.contain('Patient Health Questionnaire (PHQ-9)').and.contain('Kroenke K, Spitzer RL, Williams JBW');
    expect(page).to.contain('What you can do next');

    await pressContinue(el);
    await fillLeadForm();
    await submitLead(el);
    const row = await rowFor(receiver, 'phq-9');
    expect(row!.client_urgent, 'the client flagged the lead urgent').to.equal(1);
    expect(row!.urgent).to.equal(1);
    const lead = row!.lead as unknown as Lead;
    expect(lead.summary).to.include({ instrument: 'phq-9', score: 10, cutPoint: 10, positive: true, severity: 'moderate' });
    expect(lead.answers?.instruments?.['phq-9']).to.deep.equal({
      'phq9-1': 2,
      'phq9-2': 2,
      'phq9-3': 1,
      'phq9-4': 1,
      'phq9-5': 1,
      'phq9-6': 1,
      'phq9-7': 1,
      'phq9-8': 0,
      'phq9-9': 1,
      difficulty: 1,
    });
    expect(lead.answers).to.not.have.property('phq9Item9');
    // The history question was about a talking therapy for depression: never labelled trauma therapy.
    expect(headings.find((h) => h.includes('talking therapy'))).to.contain('for depression');
    expect(lead.answers?.history).to.deep.equal({ therapy: 'yes', antidepressants: 'no', helped: 'a-little' });
    const score = JSON.parse(row!.server_score!) as { instruments: Record<string, unknown>; safety: unknown };
    expect(score.instruments['phq-9']).to.deep.equal({ complete: true, score: 10, positive: true, cutPoint: 10, severity: 'moderate' });
    expect(score.safety).to.deep.equal({ triggered: true });
    expect(row!.score_mismatch).to.equal(0);
  });

  it("asks the PHQ-9 in Spanish with Pfizer's official US Spanish form, verbatim", async function () {
    this.timeout(60_000);
    const el = await assessment('phq-9', { assessment: { steps: ['screen', 'safety', 'results'] } }, 'es');
    await passAgeQuestion(el);
    await waitUntil(() => text(el, '[data-focus]').includes('Poco interés o placer en hacer cosas'), 'the Spanish item 1', {
      timeout: 10_000,
    });
    await expect(el).to.be.accessible();
    expect(text(el, '.caption')).to.equal(
      'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
    );
    const labels = [...el.shadowRoot!.querySelectorAll('fieldset label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Ningún día', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días']);
    for (let i = 1; i <= 8; i++) await answer(el, 0);
    await waitUntil(() => pageId(el) === 'phq-9-item-9', 'item 9');
    expect(text(el, '[data-focus]')).to.contain('Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera');
    expect(text(el, '.notice')).to.equal(
      'Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, mediante una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para reproducir, traducir, presentar o distribuir.',
    );
    // An answer above 0 shows help inline at once (in Spanish), before Continue.
    await tabTo((n) => n instanceof HTMLInputElement && n.type === 'radio', 'a radio');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($(el, '.inline-crisis a[href^="tel:988"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  for (const [lang, therapy, negative, firstLine] of [
    [
      'en',
      'Have you tried a talking therapy for depression?',
      'Your screen did not point to the depression symptoms that ketamine and esketamine treatments are meant for',
      'You have not yet tried the treatments that depression care starts with: a talking therapy or an antidepressant.',
    ],
    [
      'es',
      '¿Ha probado una terapia psicológica para la depresión?',
      'Su prueba no señaló los síntomas de depresión para los que están pensados los tratamientos con ketamina y esketamina',
      'Todavía no ha probado los tratamientos con los que empieza la atención de la depresión: una terapia psicológica o un antidepresivo.',
    ],
  ] as const) {
    it(`asks about and answers for depression, never PTSD, after the PHQ-9 (${lang})`, async function () {
      this.timeout(60_000);
      const ptsd = lang === 'en' ? /PTSD|trauma/i : /TEPT|trauma/i;
      for (const [positive, expected] of [
        [false, negative],
        [true, firstLine],
      ] as const) {
        sessionStorage.clear();
        const el = await assessment('phq-9', { assessment: { steps: ['screen', 'safety', 'history', 'results'] } }, lang);
        await passAgeQuestion(el);
        // All "Not at all" screens negative; "Nearly every day" on items 1-8 is 24 of 27.
        for (let i = 1; i <= 9; i++) {
          await expectPage(el, `phq-9-item-${i}`);
          await answer(el, positive && i < 9 ? 3 : 0);
        }
        if (positive) {
          await expectPage(el, 'phq-9-difficulty');
          await answer(el, 1);
        }
        await expectPage(el, 'therapy');
        expect(text(el, '[data-focus]')).to.equal(therapy);
        expect(text(el, '[part="page"]')).to.not.match(ptsd);
        await answer(el, 1); // No
        await expectPage(el, 'medication');
        await answer(el, 1); // No
        await waitUntil(() => pageId(el) === 'results' && $(el, '.result__title'), 'the results');
        const page = text(el, '[part="page"]');
        expect(page).to.contain(expected);
        expect(page).to.not.match(ptsd);
        await expect(el).to.be.accessible();
        el.remove();
      }
    });
  }

  it("refuses a partner's definition whose bands leave totals uncovered, naming the problem in the error surface; a fixed config clears it", async () => {
    const good = gad7Definition as unknown as { scoring: { bands: { id: string; min: number; max: number }[] } };
    // No "mild" band: totals 5–9 would have no severity to show.
    const broken = { ...good, id: 'gad-7-gap', scoring: { ...good.scoring, bands: good.scoring.bands.filter((b) => b.id !== 'mild') } };
    const el = await fixture<HearthAssessment>(
      html`<hearth-assessment
        instrument="gad-7-gap"
        config=${JSON.stringify({ assessment: { definitions: [broken] } })}
      ></hearth-assessment>`,
    );
    await waitUntil(() => $(el, '[part="error"]'), 'the error surface', { timeout: 5000 });
    expect(text(el, '[part="error"]'))
      .to.contain('Cannot register instrument "gad-7-gap": scoring.bands: no band covers the totals 5–9.')
      .and.contain('988');
    await expect(el).to.be.accessible();

    el.setAttribute('config', JSON.stringify({ assessment: { definitions: [{ ...good, id: 'gad-7-gap' }] } }));
    await waitUntil(() => !$(el, '[part="error"]') && text(el, '[part="page"]').includes('Free anxiety self-check'), 'the fixed GAD-7');
  });

  it("runs a partner's own GAD-7, registered as JSON through config, and the partner's receiver re-scores it", async function () {
    this.timeout(90_000);
    const definition = gad7Definition as unknown as Record<string, unknown>;
    const el = await assessment('gad-7', {
      assessment: { definitions: [definition], steps: ['intro', 'screen', 'safety', 'results', 'lead'] } as HearthConfigInput['assessment'],
    });
    expect(text(el, '[part="page"]')).to.contain('Free anxiety self-check').and.contain('About 2 minutes');
    await startByKeyboard(el);
    // Spitzer et al. 2006: total 10 is "moderate", positive at 10.
    for (const [index, rating] of [2, 2, 2, 1, 1, 1, 1].entries()) {
      await expectPage(el, `gad-7-item-${index + 1}`);
      await answer(el, rating);
    }
    // The GAD-7 has no safety item, so the standalone safety question follows.
    await expectPage(el, 'safety');
    await answer(el, 0);
    await waitUntil(() => pageId(el) === 'results' && $(el, '.result__title'), 'the results');
    await expect(el).to.be.accessible();
    expect(text(el, '.result__title')).to.equal('Your answers suggest moderate anxiety symptoms.');
    expect(text(el, '.source')).to.contain('Generalized Anxiety Disorder 7-item scale (GAD-7)');
    await pressContinue(el);
    await fillLeadForm();
    await submitLead(el);
    const gad7 = await rowFor(receiver, 'gad-7');
    expect(JSON.parse(gad7.server_score!).instruments['gad-7']).to.deep.equal({
      complete: true,
      score: 10,
      positive: true,
      cutPoint: 10,
      severity: 'moderate',
    });
    expect(gad7.score_mismatch).to.equal(0);
    expect(gad7.urgent).to.equal(0);
  });
});
