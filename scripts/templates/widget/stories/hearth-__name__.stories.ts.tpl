import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages, so bare names do not resolve here.
import '../packages/__name__/src/define.js';

interface Args {
  lang: 'en' | 'es';
  heading: string;
  details: string;
  config: string;
}

function widget(args: Args): HTMLElement {
  const el = document.createElement('hearth-__name__');
  if (args.heading) el.setAttribute('heading', args.heading);
  if (args.config) el.setAttribute('config', args.config);
  if (args.details) {
    const details = document.createElement('p');
    details.textContent = args.details;
    el.append(details);
  }
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/hearth-__name__',
  component: 'hearth-__name__',
  tags: ['autodocs'],
  args: { lang: 'en', heading: '', details: 'The details the person can show or hide.', config: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'], description: 'The `lang` of the page around the widget.' },
    heading: { control: 'text', description: 'Heading text instead of the translated default.' },
    details: { control: 'text', description: 'Text slotted as the details.' },
    config: { control: 'text', description: 'JSON config for this widget (brand, copy overrides).' },
  },
  render: (args) => {
    const wrapper = document.createElement('div');
    wrapper.lang = args.lang;
    wrapper.style.maxWidth = '44rem';
    wrapper.append(widget(args));
    return wrapper;
  },
  parameters: {
    docs: { description: { component: '__title__: a heading, a short text, and details the person can show or hide.' } },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** In English, details hidden. */
export const Default: Story = {};

/** Spanish: every string from the package's `es` translations. */
export const Spanish: Story = { args: { lang: 'es' } };

/** A partner's heading through a copy override in config. */
export const CopyOverride: Story = {
  args: { config: JSON.stringify({ copy: { en: { '__name__:title': 'A partner’s own heading' } } }) },
};
