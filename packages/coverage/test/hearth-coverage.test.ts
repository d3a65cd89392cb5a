import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@hearth/core/hearth-provider.js';
import { configure, pageSession, setLocale, type HearthConfigInput, type HearthProvider } from '@hearth/core';
import '../src/define.js';
import type { HearthCoverage } from '../src/index.js';

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
    const el = await make(html`<hearth-coverage></hearth-coverage>`);
    await expect(el).to.be.accessible();
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
      el.addEventListener('hearth-coverage-result', (e) => results.push(e));

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
});
