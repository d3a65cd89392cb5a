import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages, so the bare names
// (`@hearth/coverage/hearth-coverage.js`) do not resolve from here.
import '../packages/core/src/define-provider.js';
import type { HearthConfigInput, HearthProvider } from '../packages/core/src/index.js';
import '../packages/coverage/src/define.js';
import type { HearthCoverage } from '../packages/coverage/src/index.js';

interface Args {
  /** USPS code to preselect, or empty to start at the state question. */
  state: string;
  lang: 'en' | 'es';
  /** Where leads go; empty shows the form's "not connected yet" message on submit. */
  endpoint: string;
}

/** Waits until `check` holds (the demo dataset arrives by dynamic import). */
async function until(check: () => unknown, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('story did not reach the expected state');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Answers the widget the way a person would (pick, then press the button), so each story
 * opens on a real result rather than on state forced from outside.
 */
async function answer(canvas: HTMLElement, { state, payer, then }: { state?: string; payer?: string; then?: string }): Promise<void> {
  const el = canvas.querySelector<HearthCoverage>('hearth-coverage')!;
  const root = () => el.shadowRoot!;
  await until(() => root().querySelector('[data-step-heading]'));
  if (state) {
    await until(() => root().querySelector('#state-select'));
    root().querySelector<HTMLSelectElement>('#state-select')!.value = state;
    root().querySelector<HTMLFormElement>('form')!.requestSubmit();
    await el.updateComplete;
  }
  if (payer) {
    await until(() => root().querySelector(`input[value="${payer}"]`));
    root().querySelector<HTMLInputElement>(`input[value="${payer}"]`)!.click();
    root().querySelector<HTMLFormElement>('form')!.requestSubmit();
    await el.updateComplete;
  }
  if (then) {
    await until(() => [...root().querySelectorAll('button')].some((b) => b.textContent?.trim() === then));
    [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === then)!.click();
    await el.updateComplete;
  }
}

/** Plain DOM (Storybook renders nodes as well as Lit templates), as a page would write it. */
function render(args: Args): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.lang = args.lang;
  wrapper.style.maxWidth = '36rem';
  const el = document.createElement('hearth-coverage');
  if (args.state) el.setAttribute('state', args.state);
  if (args.endpoint) el.setAttribute('endpoint', args.endpoint);
  wrapper.append(el);
  return wrapper;
}

const meta: Meta<Args> = {
  title: 'Widgets/hearth-coverage',
  component: 'hearth-coverage',
  tags: ['autodocs'],
  render,
  args: { state: '', lang: 'en', endpoint: '' },
  argTypes: {
    state: { control: 'text', description: 'USPS code to preselect (e.g. TX). An unknown code shows the state step with a message.' },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    endpoint: { control: 'text', description: 'Lead endpoint (https:, or http: on localhost).' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The state-based insurance checker: state, then insurer, then a result card with the action that fits. ' +
          'These stories use the demo coverage dataset of the default brand, except "Partner brand".',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Step 1: the state question (a native select with a visible label). */
export const StateStep: Story = {};

/** The page said it is for Texas (`state="TX"`), so the widget starts at the insurer. */
export const InsurerStep: Story = { args: { state: 'TX' } };

/** `state="XX"` is not a state: the state question with a readable message, never the error surface. */
export const UnknownStateAttribute: Story = { args: { state: 'XX' } };

/** Pressing Continue without a state: the GOV.UK-style inline error. */
export const StateRequired: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<HearthCoverage>('hearth-coverage')!;
    await until(() => el.shadowRoot!.querySelector('#state-select'));
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};

export const InNetwork: Story = {
  args: { state: 'TX' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'bcbs-texas' }),
};

/** Out of network, with the superbill guidance (the demo clinic offers superbills). */
export const OutOfNetwork: Story = {
  args: { state: 'TX' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'unitedhealthcare' }),
};

/** Medicaid in a state where the clinic does not take it: no superbill promise. */
export const MedicaidNotAccepted: Story = {
  args: { state: 'TX' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'medicaid' }),
};

export const Varies: Story = {
  args: { state: 'TX' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'baylor-scott-white-health-plan' }),
};

/** New York has its own self-pay price in the demo data. */
export const SelfPay: Story = {
  args: { state: 'NY' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'self-pay' }),
};

export const UnknownPayer: Story = {
  args: { state: 'TX' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'unknown' }),
};

/** A state not served with the waitlist open: "Join the waitlist". */
export const NotServedWaitlist: Story = { args: { state: 'OR' } };

/** A state not served with the waitlist closed: said plainly, with the assessment offered instead. */
export const NotServedWaitlistClosed: Story = { args: { state: 'AL' } };

/** "Check my benefits" opens the shared lead form, with consent. */
export const BenefitsCheckForm: Story = {
  args: { state: 'TX', endpoint: 'http://localhost:8787/leads' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'aetna', then: 'Check my benefits' }),
};

/** "Join the waitlist" opens the same form as a waitlist request. */
export const WaitlistForm: Story = {
  args: { state: 'OR', endpoint: 'http://localhost:8787/leads' },
  play: ({ canvasElement }) => answer(canvasElement, { then: 'Join the waitlist' }),
};

/** Spanish: strings, state names ("Nueva York") and money formatted for es-US. */
export const Spanish: Story = { args: { lang: 'es', state: 'NY' } };

export const SpanishResult: Story = {
  args: { lang: 'es', state: 'NY' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'self-pay' }),
};

const partner: HearthConfigInput = {
  brand: {
    name: 'Cascade Ketamine Clinic',
    phone: '(503) 555-0142',
    bookingUrl: 'https://cascade.example/book',
    colors: { primary: '#5b2a86', surface: '#f6f1fa' },
    font: 'Georgia, "Times New Roman", serif',
    radius: '2px',
  },
  coverage: {
    selfPay: { price: 2400, unit: 'program', includes: ['Intake with a psychiatrist', 'Four infusions', 'Two integration sessions'] },
    superbill: false,
    states: {
      OR: {
        served: true,
        medicaid: true,
        payers: [
          { id: 'moda-health', name: 'Moda Health', network: 'in' },
          { id: 'providence-health-plan', name: 'Providence Health Plan', network: 'varies', notes: 'Commercial plans only' },
          { id: 'pacificsource', name: 'PacificSource', network: 'out' },
        ],
      },
      WA: { served: false, waitlist: true },
    },
  },
};

/**
 * A partner clinic's own brand and coverage through `<hearth-provider>`: one state served, its
 * own payers and price, no superbills. Every other state is not served.
 */
export const PartnerBrand: Story = {
  render: (args) => {
    const provider = document.createElement('hearth-provider') as HearthProvider;
    provider.config = partner;
    provider.append(render(args));
    return provider;
  },
  args: { state: 'OR' },
  play: ({ canvasElement }) => answer(canvasElement, { payer: 'pacificsource' }),
};
