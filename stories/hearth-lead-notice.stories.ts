import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages (see hearth-coverage.stories.ts).
import { HearthLeadNotice } from '../packages/lead/src/hearth-lead-notice.js';
import type { HeldLead } from '../packages/lead/src/index.js';

// Hearth defines the notice itself, only when the device holds a lead (showHeldLeads()).
HearthLeadNotice.define('hearth-lead-notice');

interface Args {
  lang: 'en' | 'es';
  reason: HeldLead['reason'];
  urgent: boolean;
  /** `brand.phone` in config; empty for a clinic that gave none. */
  phone: string;
  count: number;
}

const DAY = 86_400_000;

/**
 * The notice with leads given as a property: a story never touches the device's real outbox
 * (a lead held there would appear before every other story's widget too). Its buttons act on the
 * real outbox, which does not hold these example keys: "Try sending again" then says it failed.
 */
function render(args: Args): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.lang = args.lang;
  wrapper.style.maxWidth = '40rem';
  const notice = document.createElement('hearth-lead-notice') as HearthLeadNotice;
  notice.setAttribute('config', JSON.stringify({ brand: { name: 'Example Clinic', ...(args.phone ? { phone: args.phone } : {}) } }));
  notice.leads = Array.from({ length: args.count }, (_, i) => ({
    idempotencyKey: `00000000-0000-4000-8000-00000000000${i + 1}`,
    widget: 'hearth-assessment',
    reason: args.reason,
    ...(args.reason === 'rejected' ? { status: 410 } : {}),
    urgent: args.urgent,
    queuedAt: Date.now() - 8 * DAY,
    heldAt: Date.now() - DAY,
  }));
  wrapper.append(notice);
  return wrapper;
}

const meta: Meta<Args> = {
  title: 'Leads/hearth-lead-notice',
  component: 'hearth-lead-notice',
  tags: ['autodocs'],
  render,
  args: { lang: 'en', reason: 'rejected', urgent: false, phone: '(555) 010-0100', count: 1 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'], description: 'The `lang` of the page around the notice.' },
    reason: {
      control: 'inline-radio',
      options: ['rejected', 'expired'],
      description: 'Why the lead is held: the endpoint refused it for good, or it could not be sent for 7 days.',
    },
    urgent: { control: 'boolean', description: 'The lead was urgent: the crisis lines (988) are shown too.' },
    phone: { control: 'text', description: '`brand.phone` from config; empty: "contact the clinic directly".' },
    count: { control: { type: 'number', min: 1, max: 3 }, description: 'How many leads the device holds.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Shown by Hearth on the next page with any widget when a lead the person was told was saved was later refused for good or expired. ' +
          'It says the clinic does not have the request, gives the clinic phone (and 988 when the lead was urgent), and offers "Try sending again" and "Dismiss". ' +
          'A page may place one itself; Hearth then fills in that one. The stories pass example leads as a property and never touch the device.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Refused: Story = {};
export const Expired: Story = { args: { reason: 'expired' } };
export const UrgentWithCrisisLines: Story = { name: 'Urgent, with crisis lines', args: { urgent: true } };
export const NoPhoneConfigured: Story = { name: 'No phone configured', args: { phone: '' } };
export const TwoLeads: Story = { name: 'Two leads held', args: { count: 2 } };
export const Spanish: Story = { args: { lang: 'es', urgent: true } };
