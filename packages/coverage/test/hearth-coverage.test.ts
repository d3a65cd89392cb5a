import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@hearth/core/hearth-provider.js';
import { configure, pageSession, setLocale, type HearthConfigInput, type HearthProvider } from '@hearth/core';
import type { HearthLeadForm } from '@hearth/lead';
import '../src/define.js';
import type { HearthCoverage } from '../src/index.js';
import { LeadSink, type ReceivedRequest } from '../../../test/support/sink.js';

// ----- helpers: read what a person sees -----

function root(el: HearthCoverage): ShadowRoot {
  return el.shadowRoot!;
}
function q<T extends Element = HTMLElement>(el: HearthCoverage, selector: string): T | null {
  return root(el).querySelector<T>(selector);
}
function textOf(el: HearthCoverage, selector: string): string {
  return (q(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
function heading(el: HearthCoverage): string {
  return textOf(el, '[data-step-heading]');
}
function focused(el: HearthCoverage): Element | null {
  return root(el).activeElement;
}
function liveRegion(el: HearthCoverage): string {
  return textOf(el, '[role="status"][aria-live="polite"]');
}
function buttonByText(el: HearthCoverage, label: string): HTMLElement {
  const found = [...root(el).querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === label);
  if (!found)
    throw new Error(
      `no button or link "${label}" in: ${[...root(el).querySelectorAll('button, a')].map((b) => b.textContent?.trim()).join(' | ')}`,
    );
  return found;
}
function radioLabels(el: HearthCoverage): string[] {
  return [...root(el).querySelectorAll('input[name="payer"]')].map((input) =>
    (input.closest('label')?.querySelector('.choice__name')?.textContent ?? '').trim(),
  );
}

/** Coverage is loaded (the demo dataset arrives by dynamic import) and the widget rendered. */
async function ready(el: HearthCoverage): Promise<HearthCoverage> {
  await waitUntil(() => q(el, '.loading') === null && q(el, '[data-step-heading]') !== null, 'coverage loaded');
  await el.updateComplete;
  return el;
}

async function make(template: ReturnType<typeof html>): Promise<HearthCoverage> {
  const el = await fixture<HearthCoverage>(template);
  return ready(el);
}

/** Answers the state step by mouse, as a person who taps. */
async function chooseState(el: HearthCoverage, code: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, '#state-select')!;
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  buttonByText(el, 'Continue').click();
  await el.updateComplete;
}

/** From a result card: "Change state", then a new answer. */
async function chooseStateAgain(el: HearthCoverage, code: string): Promise<void> {
  buttonByText(el, 'Change state').click();
  await el.updateComplete;
  await chooseState(el, code);
}

async function chooseStateByLabel(el: HearthCoverage, code: string, submit: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, '#state-select')!;
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  buttonByText(el, submit).click();
  await el.updateComplete;
}

async function choosePayer(el: HearthCoverage, id: string, submit = 'See my result'): Promise<void> {
  const radio = q<HTMLInputElement>(el, `input[name="payer"][value="${id}"]`);
  if (!radio) throw new Error(`no payer ${id}: ${radioLabels(el).join(', ')}`);
  radio.click();
  await el.updateComplete;
  buttonByText(el, submit).click();
  await el.updateComplete;
}

/** Captures console.error while `fn` runs. */
async function captureErrors<T>(fn: () => Promise<T>): Promise<{ result: T; errors: unknown[][] }> {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    return { result: await fn(), errors };
  } finally {
    console.error = original;
  }
}

function leadForm(el: HearthCoverage): HearthLeadForm {
  const form = q<HearthLeadForm>(el, 'hearth-lead-form');
  if (!form) throw new Error('no lead form on screen');
  return form;
}
/**
 * The lead form once it is on screen. Its code loads on demand (the step says "Loading…" until
 * then), which on a loaded machine takes longer than the move of focus to the step's heading.
 */
async function leadFormShown(el: HearthCoverage): Promise<HearthLeadForm> {
  await waitUntil(() => q<HearthLeadForm>(el, 'hearth-lead-form')?.shadowRoot?.querySelector('form'), 'the lead form', {
    timeout: 10_000,
  });
  return leadForm(el);
}
function inForm(el: HearthCoverage, selector: string): HTMLElement | null {
  return leadForm(el).shadowRoot!.querySelector<HTMLElement>(selector);
}

/** Fills the embedded lead form the way a person does: Tab between fields, type, Space on choices. */
async function fillLeadByKeyboard(el: HearthCoverage, { consent = true } = {}): Promise<void> {
  const form = await leadFormShown(el);
  await form.updateComplete;
  // The form refuses submissions faster than a person reads (a bot check); this test is fast on purpose.
  form.minFillTime = 0;
  inForm(el, '#name')!.focus();
  await sendKeys({ type: 'Ana Patient' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: 'ana@example.org' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: '(512) 555-0199' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Space' }); // contact by email
  await sendKeys({ press: 'Tab' });
  expect(form.shadowRoot!.activeElement?.id).to.equal('consent');
  if (consent) await sendKeys({ press: 'Space' });
}

async function submitLead(el: HearthCoverage): Promise<void> {
  inForm(el, '[part="submit"]')!.focus();
  await sendKeys({ press: 'Enter' });
}

const partnerCoverage = {
  selfPay: { price: 2400, unit: 'program', includes: ['Intake with a psychiatrist', 'Four infusions'] },
  superbill: false,
  states: {
    OR: {
      served: true,
      medicaid: true,
      payers: [
        { id: 'moda-health', name: 'Moda Health', network: 'in' },
        { id: 'pacificsource', name: 'PacificSource', network: 'out' },
      ],
    },
    WA: { served: false, waitlist: true },
  },
} satisfies HearthConfigInput['coverage'];

describe('<hearth-coverage>', () => {
  afterEach(() => {
    configure({}, { replace: true });
    setLocale(undefined);
    // Widgets without a provider share the page's session: forget what the last test answered.
    pageSession.set('state', undefined);
  });

  it('is accessible', async () => {
    // The first widget of the page (each test file has its own page) also warns, once, that the
    // demo dataset is showing: its contracts are fictional.
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    let el: HearthCoverage;
    try {
      el = await make(html`<hearth-coverage></hearth-coverage>`);
      await make(html`<hearth-coverage></hearth-coverage>`);
    } finally {
      console.warn = original;
    }
    expect(warnings.map((w) => String(w[0]))).to.deep.equal(['[hearth] <hearth-coverage>: no config.coverage; showing example data.']);
    await expect(el).to.be.accessible();
  });

  it('says visibly, on every step, that it shows example data when the partner gave none (en, es)', async () => {
    const el = await make(html`<hearth-coverage></hearth-coverage>`);
    expect(textOf(el, '[part="example-notice"]')).to.equal("Example data: not this clinic's real insurance details.");
    await chooseState(el, 'TX');
    expect(heading(el)).to.not.equal('Which state are you in?');
    expect(textOf(el, '[part="example-notice"]')).to.equal("Example data: not this clinic's real insurance details.");
    const es = await make(html`<hearth-coverage lang="es"></hearth-coverage>`);
    await waitUntil(() => textOf(es, '[part="example-notice"]').startsWith('Datos'), 'Spanish notice');
    expect(textOf(es, '[part="example-notice"]')).to.equal('Datos de ejemplo: no son los datos de seguro reales de esta clínica.');
    const configured = await make(
      html`<hearth-coverage
        config=${JSON.stringify({ coverage: { selfPay: { price: 100, includes: ['x'] }, superbill: false, states: { TX: { served: true } } } })}
      ></hearth-coverage>`,
    );
    expect(q(configured, '[part="example-notice"]')).to.equal(null);
  });

  describe('state step', () => {
    it('asks for the state with a labelled native select of the 50 states and DC, in alphabetical order', async () => {
      const el = await make(html`<hearth-coverage></hearth-coverage>`);
      expect(heading(el)).to.equal('Which state are you in?');
      const select = q<HTMLSelectElement>(el, '#state-select')!;
      expect(select.labels?.[0]?.textContent?.trim()).to.equal('Which state are you in?');
      const options = [...select.options];
      expect(options[0]!.value).to.equal('');
      expect(options[0]!.textContent).to.equal('Choose your state');
      expect(options.length).to.equal(52);
      const names = options.slice(1).map((o) => o.textContent!);
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'en')));
      expect(select.getAttribute('aria-describedby')).to.contain('state-hint');
      expect(textOf(el, '#state-hint')).to.contain('licensed');
      expect(textOf(el, '[part="crisis"]')).to.equal(
        'If you are in crisis or thinking about hurting yourself, call or text 988 now. Call 988 · Text 988',
      );
      expect(q(el, '[part="crisis"] a[href="tel:988"]')).to.exist;
      expect(q(el, '[part="crisis"] a[href="sms:988"]')).to.exist;
      // Nobody else's focus is taken on page load.
      expect(focused(el)).to.equal(null);
    });

    it('lists the states served, behind a disclosure', async () => {
      const el = await make(html`<hearth-coverage></hearth-coverage>`);
      const details = q<HTMLDetailsElement>(el, 'details.served')!;
      expect(details.open).to.be.false;
      expect(textOf(el, 'details.served summary')).to.equal('Which states do you treat people in?');
      details.open = true;
      expect(textOf(el, 'details.served p')).to.equal('We currently treat people in 12 states:');
      expect([...details.querySelectorAll('li')].map((li) => li.textContent)).to.include.members(['Texas', 'New York', 'California']);
    });

    it('explains an empty answer next to the select and keeps focus there', async () => {
      const el = await make(html`<hearth-coverage></hearth-coverage>`);
      buttonByText(el, 'Continue').click();
      await el.updateComplete;
      await waitUntil(() => focused(el)?.id === 'state-select', 'focus back on the select');
      const select = q<HTMLSelectElement>(el, '#state-select')!;
      expect(select.getAttribute('aria-invalid')).to.equal('true');
      expect(select.getAttribute('aria-describedby')).to.contain('state-error');
      expect(textOf(el, '#state-error')).to.equal('Error: Choose your state to continue');
      expect(heading(el)).to.equal('Which state are you in?');
      await expect(el).to.be.accessible();
    });

    it('shows an unknown state="XX" as a readable message on the state step, with one console error and no exception', async () => {
      const { result: el, errors } = await captureErrors(() => make(html`<hearth-coverage state="XX"></hearth-coverage>`));
      expect(heading(el)).to.equal('Which state are you in?');
      expect(textOf(el, '[part="notice"]')).to.equal('We could not tell which state this page is for. Please choose yours from the list.');
      expect(q(el, '#state-select')!.getAttribute('aria-describedby')).to.contain('state-notice');
      expect(q(el, '[role="alert"]'), 'not the error surface').to.equal(null);
      expect(errors.length).to.equal(1);
      expect(String(errors[0]?.[0])).to.contain('"XX" is not a USPS code');
      await expect(el).to.be.accessible();
      // The person can still answer.
      await chooseState(el, 'TX');
      expect(heading(el)).to.equal('Who is your health insurer?');
      expect(q(el, '[part="notice"]')).to.equal(null);
    });

    it('preselects from the state attribute, whatever its case, and starts at the insurer step', async () => {
      const el = await make(html`<hearth-coverage state="tx"></hearth-coverage>`);
      expect(heading(el)).to.equal('Who is your health insurer?');
      expect(textOf(el, '.context span')).to.equal('In Texas');
      expect(focused(el)).to.equal(null);
      buttonByText(el, 'Change state').click();
      await el.updateComplete;
      expect(q<HTMLSelectElement>(el, '#state-select')!.value).to.equal('TX');
    });

    it('follows a state attribute set after the widget appeared', async () => {
      const el = await make(html`<hearth-coverage></hearth-coverage>`);
      el.setAttribute('state', 'WA');
      await el.updateComplete;
      expect(heading(el)).to.equal('Who is your health insurer?');
      expect(textOf(el, '.context span')).to.equal('In Washington');
      expect(focused(el)).to.equal(null);
    });
  });

  describe('insurer step', () => {
    it('offers the state\'s payers, Medicaid, Medicare, "I don\'t see my insurer" and "I\'ll pay myself" in a named radio group', async () => {
      const el = await make(html`<hearth-coverage state="TX"></hearth-coverage>`);
      const fieldset = q<HTMLFieldSetElement>(el, 'fieldset')!;
      expect(fieldset.querySelector('legend')!.textContent!.trim()).to.equal('Who is your health insurer?');
      expect(radioLabels(el)).to.deep.equal([
        'Blue Cross and Blue Shield of Texas',
        'Aetna',
        'Cigna',
        'UnitedHealthcare',
        'Humana',
        'Baylor Scott & White Health Plan',
        'Oscar Health',
        'TRICARE',
        'Medicaid',
        'Medicare',
        "I don't see my insurer",
        "I'll pay myself",
      ]);
      expect(textOf(el, 'label:has(input[value="bcbs-texas"]) .choice__hint')).to.equal('PPO plans only');
      await expect(el).to.be.accessible();
    });

    it('asks again, in words, when nothing is chosen', async () => {
      const el = await make(html`<hearth-coverage state="TX"></hearth-coverage>`);
      buttonByText(el, 'See my result').click();
      await el.updateComplete;
      expect(textOf(el, '#payer-error')).to.equal('Error: Choose your insurer, or one of the other options, to continue');
      expect(q(el, 'fieldset')!.getAttribute('aria-describedby')).to.contain('payer-error');
      await waitUntil(() => (focused(el) as HTMLInputElement | null)?.name === 'payer', 'focus on the first choice');
      await expect(el).to.be.accessible();
    });
  });

  describe('by keyboard', () => {
    it('goes from state to insurer to result to the benefits form with focus on each heading and the result announced', async () => {
      const el = await make(html`<hearth-coverage></hearth-coverage>`);
      const results: CustomEvent[] = [];
      const outcomes: string[] = [];
      el.addEventListener('hearth-coverage-result', (e) => results.push(e));
      // Typed through HearthEventDetailMap: `e.detail.outcome` compiles only with the augmentation.
      el.addEventListener('hearth-coverage-result', (e) => outcomes.push(e.detail.outcome));

      q<HTMLSelectElement>(el, '#state-select')!.focus();
      await sendKeys({ type: 'Texas' });
      expect(q<HTMLSelectElement>(el, '#state-select')!.value).to.equal('TX');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.textContent?.trim()).to.equal('Continue');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await waitUntil(() => focused(el)?.hasAttribute('data-step-heading'), 'focus on the insurer heading');
      expect(focused(el)?.textContent?.trim()).to.equal('Who is your health insurer?');

      await sendKeys({ press: 'Tab' });
      expect((focused(el) as HTMLInputElement).value).to.equal('bcbs-texas');
      await sendKeys({ press: 'ArrowDown' });
      expect((focused(el) as HTMLInputElement).value).to.equal('aetna');
      expect((focused(el) as HTMLInputElement).checked).to.be.true;
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.textContent?.trim()).to.equal('See my result');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await waitUntil(() => focused(el)?.hasAttribute('data-step-heading'), 'focus on the result headline');
      expect(focused(el)?.textContent?.trim()).to.equal('Good news: we are in network with Aetna');
      expect(liveRegion(el)).to.equal('Your result: Good news: we are in network with Aetna');
      expect(results.map((e) => e.detail)).to.deep.equal([{ state: 'TX', payerId: 'aetna', outcome: 'in-network' }]);
      expect(outcomes).to.deep.equal(['in-network']);

      // Back links: Change insurer keeps the answer and moves focus to that step's heading.
      buttonByText(el, 'Change insurer').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el)?.textContent?.trim() === 'Who is your health insurer?', 'back on the insurer step');
      expect(q<HTMLInputElement>(el, 'input[value="aetna"]')!.checked).to.be.true;
      expect(liveRegion(el)).to.equal('');
      buttonByText(el, 'Change state').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el)?.textContent?.trim() === 'Which state are you in?', 'back on the state step');
      expect(q<HTMLSelectElement>(el, '#state-select')!.value).to.equal('TX');
    });
  });

  describe('every outcome, from the demo dataset', () => {
    const usd = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);
    const cases = [
      {
        state: 'TX',
        payer: 'bcbs-texas',
        outcome: 'in-network',
        headline: 'Good news: we are in network with Blue Cross and Blue Shield of Texas',
        money: /copay, coinsurance/,
        extra: 'About this plan: PPO plans only',
        primary: 'Check my benefits',
      },
      {
        state: 'AZ',
        payer: 'medicare',
        outcome: 'in-network',
        headline: 'Good news: we are in network with Medicare',
        money: /copay/,
        primary: 'Check my benefits',
      },
      {
        state: 'TX',
        payer: 'unitedhealthcare',
        outcome: 'out-of-network',
        headline: 'We are out of network with UnitedHealthcare',
        money: new RegExp(`self-pay price: \\${usd(1500)} for the full program.*superbill`),
        primary: 'Check my benefits',
        includes: 3,
      },
      {
        state: 'TX',
        payer: 'medicaid',
        outcome: 'out-of-network',
        headline: "We don't accept Medicaid in Texas",
        money: /Medicaid does not pay members back/,
        primary: 'Check my benefits',
      },
      {
        state: 'TX',
        payer: 'medicare',
        outcome: 'out-of-network',
        headline: "We don't accept Medicare in Texas",
        money: /Medicare Advantage plan/,
        primary: 'Check my benefits',
      },
      {
        state: 'TX',
        payer: 'baylor-scott-white-health-plan',
        outcome: 'varies',
        headline: 'Coverage with Baylor Scott & White Health Plan depends on your plan',
        money: new RegExp(`If it does not, the self-pay price is \\${usd(1500)} for the full program`),
        primary: 'Check my benefits',
      },
      {
        state: 'NY',
        payer: 'self-pay',
        outcome: 'self-pay',
        headline: `Paying for yourself: ${usd(1800)} for the full program`,
        money: /no insurance paperwork/,
        primary: 'Start the free assessment',
        includes: 3,
      },
      {
        state: 'TX',
        payer: 'unknown',
        outcome: 'unknown-payer',
        headline: 'We will check your insurer for you',
        money: new RegExp(`safe guide: \\${usd(1500)}`),
        primary: 'Check my benefits',
      },
      {
        state: 'OR',
        payer: undefined,
        outcome: 'not-served',
        headline: "We can't treat people in Oregon yet",
        next: /Join the waitlist and we will tell you/,
        primary: 'Join the waitlist',
      },
      {
        state: 'AL',
        payer: undefined,
        outcome: 'not-served',
        headline: "We can't treat people in Alabama yet",
        next: /waitlist for Alabama is closed/,
        primary: 'Start the free assessment',
      },
    ] as const;

    for (const c of cases) {
      it(`${c.state} + ${c.payer ?? '(no insurer question)'} → ${c.outcome}`, async () => {
        const el = await make(html`<hearth-coverage></hearth-coverage>`);
        const events: CustomEvent[] = [];
        el.addEventListener('hearth-coverage-result', (e) => events.push(e));
        await chooseState(el, c.state);
        if (c.payer) await choosePayer(el, c.payer);
        await waitUntil(() => focused(el)?.hasAttribute('data-step-heading'), 'focus on the result headline');
        expect(heading(el)).to.equal(c.headline);
        expect(liveRegion(el)).to.equal(`Your result: ${c.headline}`);
        expect(q(el, '[part~="result"]')!.classList.contains(`result--${c.outcome}`)).to.be.true;
        expect(textOf(el, '[part="disclaimer"]')).to.equal(
          'This is a guide, not a guarantee. Your coverage is confirmed only after we verify your benefits with your insurer.',
        );
        if ('money' in c) expect(textOf(el, '[part="money"]')).to.match(c.money);
        else expect(q(el, '[part="money"]')).to.equal(null);
        if ('next' in c) expect(textOf(el, '[part="next-steps"]')).to.match(c.next);
        if ('extra' in c) expect(textOf(el, '.plan-note')).to.equal(c.extra);
        if ('includes' in c) expect(root(el).querySelectorAll('[part="money"] li').length).to.equal(c.includes);
        const actions = [...q(el, '[part="actions"]')!.children].map((a) => a.textContent!.trim());
        expect(actions[0]).to.equal(c.primary);
        expect(q(el, '[part="actions"]')!.children[0]!.classList.contains('button--secondary')).to.be.false;
        if (c.outcome === 'not-served' && c.primary !== 'Join the waitlist') expect(actions).to.deep.equal(['Start the free assessment']);
        expect(events.map((e) => e.detail)).to.deep.equal([{ state: c.state, payerId: c.payer, outcome: c.outcome }]);
        expect(Object.keys(events[0]!.detail).sort()).to.deep.equal(['outcome', 'payerId', 'state']);
        await expect(el).to.be.accessible();
      });
    }

    it('goes straight from a state not served to its result, with Change state and no insurer question', async () => {
      const el = await make(html`<hearth-coverage></hearth-coverage>`);
      await chooseState(el, 'OR');
      expect(heading(el)).to.equal("We can't treat people in Oregon yet");
      expect(textOf(el, '[part="answers"]')).to.contain('Oregon');
      expect(textOf(el, '[part="answers"]')).not.to.contain('Insurer');
      buttonByText(el, 'Change state').click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Which state are you in?');
    });

    it('offers booking for self-pay when the brand has a booking link, and a call link when it has a phone', async () => {
      const el = await make(
        html`<hearth-coverage
          state="NY"
          config='{"brand":{"bookingUrl":"https://clinic.example/book","phone":"(555) 010-0199"}}'
        ></hearth-coverage>`,
      );
      await choosePayer(el, 'self-pay');
      const book = buttonByText(el, 'Book a consultation') as HTMLAnchorElement;
      expect(book.href).to.equal('https://clinic.example/book');
      expect(textOf(el, '.call')).to.equal('Questions? Call (555) 010-0199.');
      expect(q<HTMLAnchorElement>(el, '.call a')!.getAttribute('href')).to.equal('tel:5550100199');
      await expect(el).to.be.accessible();
    });
  });

  describe('"Start the free assessment"', () => {
    const originalUrl = location.href;
    afterEach(() => history.replaceState(null, '', originalUrl));

    it('dispatches hearth-guide-cta {target: "assessment"}; a listener that handles it cancels the link', async () => {
      const el = await make(html`<hearth-coverage state="AL"></hearth-coverage>`);
      const link = buttonByText(el, 'Start the free assessment') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('#hearth-assessment');
      const handle = (e: Event) => e.preventDefault();
      document.addEventListener('hearth-guide-cta', handle);
      try {
        setTimeout(() => link.click());
        const event = (await oneEvent(document, 'hearth-guide-cta')) as CustomEvent<{ target: string }>;
        expect(event.detail).to.deep.equal({ target: 'assessment' });
        expect(event.composed).to.be.true;
        expect(location.hash).to.equal('');
      } finally {
        document.removeEventListener('hearth-guide-cta', handle);
      }
    });

    it('hands over to a real <hearth-assessment> on the page, which takes focus instead of the link jumping', async () => {
      await import('../../assessment/src/define.js');
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <hearth-assessment id="hearth-assessment"></hearth-assessment>
          <hearth-coverage state="AL"></hearth-coverage>
        </div>`,
      );
      const el = await ready(page.querySelector('hearth-coverage')!);
      const assessment = page.querySelector('hearth-assessment')!;
      buttonByText(el, 'Start the free assessment').click();
      expect(location.hash).to.equal('');
      await waitUntil(() => document.activeElement === assessment, 'focus moved into the assessment');
    });

    it('follows assessment-href when nobody handles the event', async () => {
      const el = await make(html`<hearth-coverage state="AL" assessment-href="#start-here"></hearth-coverage>`);
      buttonByText(el, 'Start the free assessment').click();
      expect(location.hash).to.equal('#start-here');
    });
  });

  describe('state shared through <hearth-provider>', () => {
    it('picks up the state the assessment writes to the session, without moving focus', async () => {
      const provider = await fixture<HearthProvider>(html`<hearth-provider><hearth-coverage></hearth-coverage></hearth-provider>`);
      const el = await ready(provider.querySelector('hearth-coverage')!);
      expect(heading(el)).to.equal('Which state are you in?');
      provider.session.set('state', 'TX');
      await waitUntil(() => heading(el) === 'Who is your health insurer?', 'moved to the insurer step');
      expect(textOf(el, '.context span')).to.equal('In Texas');
      expect(focused(el)).to.equal(null);
      await expect(el).to.be.accessible();
      buttonByText(el, 'Change state').click();
      await el.updateComplete;
      expect(q<HTMLSelectElement>(el, '#state-select')!.value).to.equal('TX');
    });

    it('starts at the insurer step when the state was given before the widget appeared', async () => {
      const provider = await fixture<HearthProvider>(html`<hearth-provider></hearth-provider>`);
      provider.session.set('state', 'NY');
      provider.append(document.createElement('hearth-coverage'));
      const el = await ready(provider.querySelector('hearth-coverage')!);
      expect(heading(el)).to.equal('Who is your health insurer?');
      expect(textOf(el, '.context span')).to.equal('In New York');
    });

    it('shows the result at once for a shared state that is not served', async () => {
      const provider = await fixture<HearthProvider>(html`<hearth-provider></hearth-provider>`);
      provider.session.set('state', 'OR');
      const el = document.createElement('hearth-coverage');
      setTimeout(() => provider.append(el));
      const event = await oneEvent(provider, 'hearth-coverage-result');
      expect(event.detail).to.deep.equal({ state: 'OR', payerId: undefined, outcome: 'not-served' });
      await ready(el);
      expect(heading(el)).to.equal("We can't treat people in Oregon yet");
      expect(focused(el)).to.equal(null);
    });

    it('follows a corrected shared state until the person answers here, and announces nothing they did not ask for', async () => {
      const provider = await fixture<HearthProvider>(html`<hearth-provider><hearth-coverage></hearth-coverage></hearth-provider>`);
      const el = await ready(provider.querySelector('hearth-coverage')!);
      provider.session.set('state', 'OR');
      await waitUntil(() => heading(el) === "We can't treat people in Oregon yet", 'not-served result');
      expect(liveRegion(el)).to.equal('');
      provider.session.set('state', 'WA');
      await waitUntil(() => heading(el) === 'Who is your health insurer?', 'insurer step for the corrected state');
      expect(textOf(el, '.context span')).to.equal('In Washington');
    });

    it('shares the state the person chooses here with the other widgets, and keeps their choice over later changes', async () => {
      const provider = await fixture<HearthProvider>(html`<hearth-provider><hearth-coverage></hearth-coverage></hearth-provider>`);
      const el = await ready(provider.querySelector('hearth-coverage')!);
      await chooseState(el, 'CA');
      expect(provider.session.get('state')).to.equal('CA');
      await choosePayer(el, 'aetna');
      provider.session.set('state', 'TX');
      await el.updateComplete;
      expect(heading(el)).to.equal('Good news: we are in network with Aetna');
      expect(textOf(el, '[part="answers"]')).to.contain('California');
    });

    it('prefers the state attribute to the session', async () => {
      const provider = await fixture<HearthProvider>(html`<hearth-provider></hearth-provider>`);
      provider.session.set('state', 'NY');
      const el = document.createElement('hearth-coverage');
      el.setAttribute('state', 'TX');
      provider.append(el);
      await ready(el);
      expect(textOf(el, '.context span')).to.equal('In Texas');
    });

    it('uses the session state when the state attribute is unknown', async () => {
      const provider = await fixture<HearthProvider>(html`<hearth-provider></hearth-provider>`);
      provider.session.set('state', 'NY');
      const el = document.createElement('hearth-coverage');
      el.setAttribute('state', 'Texas');
      const { errors } = await captureErrors(async () => {
        provider.append(el);
        await ready(el);
      });
      expect(textOf(el, '.context span')).to.equal('In New York');
      expect(errors.length).to.be.at.most(1);
    });
  });

  describe('a partner config through <hearth-provider>', () => {
    const config: HearthConfigInput = {
      brand: { name: 'Cascade Ketamine Clinic', phone: '(503) 555-0142', colors: { primary: '#5b2a86' } },
      coverage: partnerCoverage,
    };

    it("shows the partner's states, payers, price and superbill policy instead of the demo", async () => {
      const provider = await fixture<HearthProvider>(
        html`<hearth-provider .config=${config}><hearth-coverage></hearth-coverage></hearth-provider>`,
      );
      const el = await ready(provider.querySelector('hearth-coverage')!);
      q<HTMLDetailsElement>(el, 'details.served')!.open = true;
      expect(textOf(el, 'details.served p')).to.equal('We currently treat people in 1 state:');
      expect(textOf(el, 'details.served ul')).to.equal('Oregon');

      await chooseState(el, 'OR');
      expect(radioLabels(el)).to.deep.equal([
        'Moda Health',
        'PacificSource',
        'Medicaid',
        'Medicare',
        "I don't see my insurer",
        "I'll pay myself",
      ]);
      await choosePayer(el, 'pacificsource');
      expect(heading(el)).to.equal('We are out of network with PacificSource');
      expect(textOf(el, '[part="money"]')).to.contain('$2,400 for the full program');
      expect(textOf(el, '[part="money"]')).to.contain("We don't provide superbills");
      expect(textOf(el, '[part="money"] ul')).to.contain('Four infusions');
      expect(textOf(el, '.call')).to.equal('Questions? Call (503) 555-0142.');
      const button = buttonByText(el, 'Check my benefits');
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(91, 42, 134)');
      await expect(el).to.be.accessible();

      buttonByText(el, 'Change insurer').click();
      await el.updateComplete;
      await choosePayer(el, 'medicaid');
      expect(heading(el)).to.equal('Good news: we are in network with Medicaid');
    });

    it('treats a state the partner leaves out as not served, with the waitlist closed', async () => {
      const provider = await fixture<HearthProvider>(
        html`<hearth-provider .config=${config}><hearth-coverage></hearth-coverage></hearth-provider>`,
      );
      const el = await ready(provider.querySelector('hearth-coverage')!);
      await chooseState(el, 'TX');
      expect(heading(el)).to.equal("We can't treat people in Texas yet");
      expect(textOf(el, '[part="next-steps"]')).to.contain('waitlist for Texas is closed');
      await chooseStateAgain(el, 'WA');
      expect(heading(el)).to.equal("We can't treat people in Washington yet");
      expect(buttonByText(el, 'Join the waitlist')).to.exist;
    });

    it('shows a coverage config error on the error surface, naming the entry, with one console error', async () => {
      const bad = { coverage: { ...partnerCoverage, selfPay: { ...partnerCoverage.selfPay, price: -10 } } };
      const { result: provider, errors } = await captureErrors(async () => {
        const p = await fixture<HearthProvider>(
          html`<hearth-provider .config=${bad}><hearth-coverage></hearth-coverage></hearth-provider>`,
        );
        await p.querySelector('hearth-coverage')!.updateComplete;
        return p;
      });
      const el = provider.querySelector('hearth-coverage')!;
      const alert = q(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('coverage.selfPay.price');
      expect(alert.querySelector('a[href="tel:988"]')).to.exist;
      expect(errors.length).to.equal(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('in Spanish', () => {
    it('translates every step, names states in Spanish and formats money for es-US', async () => {
      const el = await make(html`<hearth-coverage lang="es"></hearth-coverage>`);
      await waitUntil(() => heading(el) === '¿En qué estado se encuentra?', 'Spanish strings loaded');
      const names = [...q<HTMLSelectElement>(el, '#state-select')!.options].slice(1).map((o) => o.textContent!);
      expect(names).to.include.members(['Nueva York', 'Carolina del Norte', 'Distrito de Columbia']);
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'es')));
      expect(textOf(el, 'option[value=""]')).to.equal('Elija su estado');
      await expect(el).to.be.accessible();

      await chooseStateByLabel(el, 'NY', 'Continuar');
      expect(heading(el)).to.equal('¿Cuál es su compañía de seguro médico?');
      expect(textOf(el, '.context span')).to.equal('En Nueva York');
      expect(radioLabels(el).slice(-2)).to.deep.equal(['No veo mi compañía de seguro', 'Voy a pagar por mi cuenta']);
      await expect(el).to.be.accessible();

      await choosePayer(el, 'self-pay', 'Ver mi resultado');
      const price = new Intl.NumberFormat('es-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(1800);
      expect(heading(el)).to.equal(`Si paga por su cuenta: ${price} por el programa completo`);
      expect(textOf(el, '[part="disclaimer"]')).to.match(/^Esto es una orientación, no una garantía/);
      expect(liveRegion(el)).to.equal(`Su resultado: Si paga por su cuenta: ${price} por el programa completo`);
      expect(textOf(el, '[part="crisis"]')).to.contain('988');
      await expect(el).to.be.accessible();
    });

    it('follows Hearth.setLocale() on the result card and in the lead form', async () => {
      const el = await make(html`<hearth-coverage state="TX"></hearth-coverage>`);
      await choosePayer(el, 'cigna');
      setLocale('es');
      await waitUntil(() => heading(el) === 'Buenas noticias: estamos dentro de la red de Cigna', 'switched to Spanish');
      buttonByText(el, 'Consultar mis beneficios').click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Consultar mis beneficios');
      const form = await leadFormShown(el);
      // The same words on the result's button, the step heading and the form's submit button.
      await waitUntil(
        () => form.shadowRoot!.querySelector('[part="submit"]')?.textContent?.trim() === 'Consultar mis beneficios',
        'form in Spanish',
      );
      expect(form.shadowRoot!.querySelector('label[for="name"]')!.textContent!.trim()).to.equal('Nombre completo');
      await expect(el).to.be.accessible();
    });
  });

  describe('leads', () => {
    let sink: LeadSink;
    before(async () => {
      sink = await LeadSink.start();
    });
    after(() => sink.stop());

    async function newRequests(before: number, count = 1): Promise<ReceivedRequest[]> {
      const all = await sink.waitForRequests(before + count);
      return all.slice(before);
    }

    it('sends a benefits check to a real server on loopback, by keyboard, only after consent', async () => {
      const el = await make(html`<hearth-coverage state="TX" endpoint=${sink.endpoint}></hearth-coverage>`);
      await choosePayer(el, 'aetna');
      buttonByText(el, 'Check my benefits').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el)?.textContent?.trim() === 'Check my benefits', 'focus on the lead heading');
      expect(textOf(el, '[part~="step-lead"] > p')).to.contain('check your benefits with Aetna');
      await expect(el).to.be.accessible();

      const before = (await sink.requests()).length;
      await fillLeadByKeyboard(el, { consent: false });
      await submitLead(el);
      const form = leadForm(el);
      await waitUntil(() => form.shadowRoot!.querySelector('.error-summary'), 'consent error shown');
      expect(form.shadowRoot!.querySelector('.error-summary')!.textContent).to.contain('Check the box');
      await expect(el).to.be.accessible();
      await new Promise((r) => setTimeout(r, 200));
      expect((await sink.requests()).length, 'nothing sent without consent').to.equal(before);

      inForm(el, '#consent')!.focus();
      await sendKeys({ press: 'Space' });
      const shownConsent = form.shadowRoot!.querySelector('.consent-text')!.textContent!.trim();
      expect(shownConsent).to.contain('Hearth Health may contact me');
      const submitted = oneEvent(el, 'hearth-lead-submitted');
      await submitLead(el);
      const [request] = await newRequests(before);
      await submitted;
      const lead = request!.body as Record<string, unknown> & { contact: Record<string, unknown>; consent: Record<string, unknown> };
      expect(lead.kind).to.equal('benefits-check');
      expect(lead.widget).to.equal('hearth-coverage');
      expect(lead.summary).to.deep.equal({ type: 'coverage', state: 'TX', payerId: 'aetna', outcome: 'in-network' });
      expect(lead.contact).to.deep.equal({
        name: 'Ana Patient',
        email: 'ana@example.org',
        phone: '+15125550199',
        state: 'TX',
        preferredContact: 'email',
      });
      expect(lead.consent.given).to.equal(true);
      expect(lead.consent.text).to.equal(shownConsent);
      expect(lead.answers).to.equal(undefined);
      expect(request!.headers['idempotency-key']).to.equal(lead.idempotencyKey);
      expect(request!.cookie).to.equal(null);
      await waitUntil(() => form.shadowRoot!.querySelector('[part="result"]'), 'sent panel');
      expect(form.shadowRoot!.querySelector('[part="result"]')!.textContent).to.contain('Sent. Thank you.');
      await expect(el).to.be.accessible();
    });

    it('keeps every field and says so when the server refuses the lead, then sends on retry', async () => {
      const el = await make(html`<hearth-coverage state="TX" endpoint=${sink.endpoint}></hearth-coverage>`);
      await choosePayer(el, 'baylor-scott-white-health-plan');
      buttonByText(el, 'Check my benefits').click();
      await el.updateComplete;
      await fillLeadByKeyboard(el);
      // A refusal (not retryable), so the form reports "failed" rather than keeping it in the outbox.
      await sink.script({ status: 403 });
      const before = (await sink.requests()).length;
      await submitLead(el);
      await newRequests(before);
      const form = leadForm(el);
      await waitUntil(() => form.shadowRoot!.querySelector('.panel--danger'), 'failure shown');
      expect(form.shadowRoot!.querySelector('.panel--danger')!.textContent).to.contain('We could not send this');
      expect((inForm(el, '#email') as HTMLInputElement).value).to.equal('ana@example.org');
      await expect(el).to.be.accessible();

      // Going back to the result and returning loses nothing either.
      buttonByText(el, 'Back to my result').click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Coverage with Baylor Scott & White Health Plan depends on your plan');
      buttonByText(el, 'Check my benefits').click();
      await el.updateComplete;
      expect((inForm(el, '#name') as HTMLInputElement).value).to.equal('Ana Patient');

      (form.shadowRoot!.querySelector('.panel--danger button') as HTMLButtonElement).click();
      const [retry] = await newRequests(before + 1);
      expect((retry!.body as { summary: unknown }).summary).to.deep.equal({
        type: 'coverage',
        state: 'TX',
        payerId: 'baylor-scott-white-health-plan',
        outcome: 'varies',
      });
      await waitUntil(() => form.shadowRoot!.querySelector('[part="result"]'), 'sent panel');
    });

    it('puts a person in a state not served on the waitlist', async () => {
      const el = await make(html`<hearth-coverage endpoint=${sink.endpoint}></hearth-coverage>`);
      await chooseState(el, 'OR');
      buttonByText(el, 'Join the waitlist').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el)?.textContent?.trim() === 'Join the waitlist for Oregon', 'focus on the waitlist heading');
      expect((await leadFormShown(el)).kind).to.equal('waitlist');
      await expect(el).to.be.accessible();
      const before = (await sink.requests()).length;
      await fillLeadByKeyboard(el);
      await submitLead(el);
      const [request] = await newRequests(before);
      const lead = request!.body as { kind: string; summary: unknown; contact: { state: string } };
      expect(lead.kind).to.equal('waitlist');
      expect(lead.summary).to.deep.equal({ type: 'coverage', state: 'OR', outcome: 'not-served' });
      expect(lead.contact.state).to.equal('OR');
      await waitUntil(() => leadForm(el).shadowRoot!.querySelector('[part="result"]'), 'sent panel');
      await expect(el).to.be.accessible();
    });

    it('starts a fresh form when the person asks again about a different answer after sending', async () => {
      const el = await make(html`<hearth-coverage state="TX" endpoint=${sink.endpoint}></hearth-coverage>`);
      await choosePayer(el, 'aetna');
      buttonByText(el, 'Check my benefits').click();
      await el.updateComplete;
      await fillLeadByKeyboard(el);
      const before = (await sink.requests()).length;
      await submitLead(el);
      await newRequests(before);
      await waitUntil(() => leadForm(el).shadowRoot!.querySelector('[part="result"]'), 'sent panel');
      buttonByText(el, 'Back to my result').click();
      await el.updateComplete;
      buttonByText(el, 'Change insurer').click();
      await el.updateComplete;
      await choosePayer(el, 'cigna');
      buttonByText(el, 'Check my benefits').click();
      await el.updateComplete;
      await leadForm(el).updateComplete;
      expect(inForm(el, '[part="result"]')).to.equal(null);
      expect(inForm(el, '[part="form"]')).to.exist;
      expect(leadForm(el).summary).to.deep.equal({ type: 'coverage', state: 'TX', payerId: 'cigna', outcome: 'in-network' });
    });
  });

  describe('analytics', () => {
    afterEach(() => {
      delete (window as unknown as Record<string, unknown>).dataLayer;
    });

    it('pushes steps and the outcome only, never the state or the insurer, when the partner opts in', async () => {
      const layer: Array<{ event: string; hearth: Record<string, unknown> }> = [];
      (window as unknown as Record<string, unknown>).dataLayer = layer;
      configure({ analytics: { dataLayer: true } });
      const el = await make(html`<hearth-coverage></hearth-coverage>`);
      await chooseState(el, 'TX');
      await choosePayer(el, 'aetna');
      expect(layer.map((e) => e.event)).to.deep.equal(['hearth_coverage_step', 'hearth_coverage_result']);
      expect(layer[1]!.hearth).to.deep.equal({ step: 'result', outcome: 'in-network', widget: 'coverage' });
      expect(JSON.stringify(layer)).not.to.match(/TX|aetna/i);
    });
  });
});
