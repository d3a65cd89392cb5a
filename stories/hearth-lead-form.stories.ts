import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages (see hearth-coverage.stories.ts).
// The class, not define.js: define.js also resumes the leads earlier visits left queued on the
// device, and a story must never send anything anywhere.
import { HearthLeadForm } from '../packages/lead/src/hearth-lead-form.js';
import type { LeadFormKind } from '../packages/lead/src/hearth-lead-form.js';

if (!customElements.get('hearth-lead-form')) HearthLeadForm.define('hearth-lead-form');

interface Args {
  lang: 'en' | 'es';
  kind: LeadFormKind;
  heading: string;
  headingLevel: number;
  fields: string;
  urgent: boolean;
  submitLabel: string;
  /** `brand` in config; the stories set no `lead.endpoint`, so nothing can be sent. */
  brandName: string;
  phone: string;
}

function render(args: Args): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.lang = args.lang;
  wrapper.style.maxWidth = '36rem';
  const form = document.createElement('hearth-lead-form');
  form.setAttribute('kind', args.kind);
  if (args.heading) form.setAttribute('heading', args.heading);
  form.setAttribute('heading-level', String(args.headingLevel));
  form.setAttribute('fields', args.fields);
  form.toggleAttribute('urgent', args.urgent);
  if (args.submitLabel) form.setAttribute('submit-label', args.submitLabel);
  form.setAttribute('config', JSON.stringify({ brand: { name: args.brandName, ...(args.phone ? { phone: args.phone } : {}) } }));
  wrapper.append(form);
  return wrapper;
}

const meta: Meta<Args> = {
  title: 'Leads/hearth-lead-form',
  component: 'hearth-lead-form',
  tags: ['autodocs'],
  render,
  args: {
    lang: 'en',
    kind: 'assessment',
    heading: 'Ask the clinic to contact you',
    headingLevel: 2,
    fields: 'phone contact-method',
    urgent: false,
    submitLabel: '',
    brandName: 'Example Clinic',
    phone: '(555) 010-0100',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'], description: 'The `lang` of the page around the form.' },
    kind: {
      control: 'inline-radio',
      options: ['assessment', 'benefits-check', 'waitlist'],
      description: 'What the lead is about (sent as `lead.kind`).',
    },
    heading: { control: 'text', description: 'Optional heading above the form.' },
    headingLevel: { control: { type: 'number', min: 2, max: 6 }, description: 'Level of that heading (2–6).' },
    fields: {
      control: 'text',
      description: 'Optional fields to show, space-separated: `phone contact-method`; empty for name, email and consent only.',
    },
    urgent: { control: 'boolean', description: 'The safety question fired: the lead is flagged for urgent follow-up.' },
    submitLabel: { control: 'text', description: 'Overrides the default button label.' },
    brandName: { control: 'text', description: '`brand.name` from config: the clinic named in the consent text.' },
    phone: { control: 'text', description: '`brand.phone` from config: offered when the lead cannot be sent.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The contact form the widgets show after a result, also usable on its own. Nothing leaves the page until the person presses the button with consent checked; ' +
          'the lead then goes to `lead.endpoint` through the outbox, which keeps it on the device and retries when the endpoint cannot be reached. ' +
          'The stories configure no endpoint, so nothing is ever sent from them; the delivery states are covered by the browser tests.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** After an assessment: name, email, phone, preferred contact method and consent. */
export const Default: Story = {};

/** Spanish labels, hints and consent. */
export const Spanish: Story = { args: { lang: 'es', heading: 'Pida que la clínica se comunique con usted' } };

/** A waitlist sign-up with only the required fields and a custom button label. */
export const WaitlistRequiredFieldsOnly: Story = {
  name: 'Waitlist, required fields only',
  args: { kind: 'waitlist', fields: '', heading: 'Join the waitlist', submitLabel: 'Join the waitlist' },
};

/** Pressing the button with nothing filled in: the error summary and each field's message (nothing is sent). */
export const MissingAnswers: Story = {
  name: 'Missing answers',
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector<HearthLeadForm>('hearth-lead-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector('form')!.requestSubmit();
    await form.updateComplete;
  },
};
