import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages, so bare names do not resolve here.
import '../packages/faq/src/define.js';

interface Args {
  lang: 'en' | 'es';
  content: string;
  src: string;
  single: boolean;
  headingLevel: number;
  searchable: boolean;
  noJsonLd: boolean;
  config: string;
}

function faq(args: Args): HTMLElement {
  const el = document.createElement('hearth-faq');
  if (args.content) el.setAttribute('content', args.content);
  if (args.src) el.setAttribute('src', args.src);
  el.toggleAttribute('single', args.single);
  el.setAttribute('heading-level', String(args.headingLevel));
  el.toggleAttribute('searchable', args.searchable);
  el.toggleAttribute('no-json-ld', args.noJsonLd);
  if (args.config) el.setAttribute('config', args.config);
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/hearth-faq',
  component: 'hearth-faq',
  tags: ['autodocs'],
  args: { lang: 'en', content: 'ptsd', src: '', single: false, headingLevel: 3, searchable: true, noJsonLd: false, config: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'], description: 'The `lang` of the page around the FAQ.' },
    content: { control: 'text', description: 'Content pack used when there are no page items and no `src`.' },
    src: { control: 'text', description: 'URL of a Markdown file with one heading per question.' },
    single: { control: 'boolean', description: 'Only one answer open at a time.' },
    headingLevel: { control: { type: 'number', min: 2, max: 6 }, description: 'Heading level of the questions.' },
    searchable: { control: 'boolean', description: 'Shows the search box with its live count.' },
    noJsonLd: { control: 'boolean', description: 'Do not add FAQPage JSON-LD.' },
    config: { control: 'text', description: 'JSON config for this widget (brand, copy overrides).' },
  },
  render: (args) => {
    const wrapper = document.createElement('div');
    wrapper.lang = args.lang;
    wrapper.style.maxWidth = '44rem';
    wrapper.append(faq(args));
    return wrapper;
  },
  parameters: {
    docs: {
      description: {
        component:
          'The FAQ accordion (WAI-ARIA APG): the built-in PTSD FAQ, a `src` Markdown file, or `<hearth-faq-item>` children written in the page. ' +
          'Closed answers use `hidden="until-found"`, so find-in-page opens them; `#faq-<slug>` links open a question; FAQPage JSON-LD is added for search engines.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The default English FAQ with the search box. */
export const Default: Story = {};

/** Spanish: questions, answers, search and its live count in Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };

/** A partner brand: its name and phone in the answers, its colours, one answer open at a time. */
export const PartnerBranded: Story = {
  args: {
    single: true,
    config: JSON.stringify({
      brand: {
        name: 'Riverside Mind Clinic',
        phone: '(555) 010-0199',
        bookingUrl: 'https://riverside.example/book',
        colors: { primary: '#5b2a86' },
      },
    }),
  },
};

/** Questions written in the page: readable and findable even before the script runs. */
export const WrittenInThePage: Story = {
  render: (args) => {
    const el = faq(args);
    const first = document.createElement('hearth-faq-item');
    const question = document.createElement('h3');
    question.slot = 'question';
    question.textContent = 'Can someone come with me to the evaluation?';
    const answer = document.createElement('p');
    answer.textContent = 'Yes. A partner, relative or friend can join the video call if you want them there.';
    first.append(question, answer);
    const second = document.createElement('hearth-faq-item');
    second.setAttribute('question', 'Do I need a referral?');
    second.setAttribute('slug', 'referral');
    second.textContent = 'No referral is needed to book an evaluation.';
    el.append(first, second);
    return el;
  },
};

/** The Markdown file cannot be fetched: a readable message with "Try again" and the crisis line. */
export const LoadError: Story = { args: { src: '/this-faq-does-not-exist.md', searchable: false } };
