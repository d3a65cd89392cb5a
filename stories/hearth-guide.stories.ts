import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages, so bare names do not resolve here.
import '../packages/guide/src/define.js';

interface Args {
  lang: 'en' | 'es';
  content: string;
  src: string;
  toc: boolean;
  headingLevel: number;
  showTitle: boolean;
  config: string;
  markdown: string;
}

const PARTNER = JSON.stringify({
  brand: {
    name: 'Riverside Mind Clinic',
    phone: '(555) 010-0199',
    bookingUrl: 'https://riverside.example/book',
    colors: { primary: '#5b2a86' },
    reviewer: { name: 'Dana Rivera', credentials: 'MD, board-certified psychiatrist', reviewedOn: '2026-11-24' },
  },
});

const meta: Meta<Args> = {
  title: 'Widgets/hearth-guide',
  component: 'hearth-guide',
  tags: ['autodocs'],
  args: { lang: 'en', content: 'ptsd', src: '', toc: true, headingLevel: 2, showTitle: false, config: '', markdown: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'], description: 'The `lang` of the page around the guide.' },
    content: { control: 'text', description: 'Content pack used when there is no `src` or Markdown.' },
    src: { control: 'text', description: 'URL of a Markdown file (https: or same site); `{lang}` is replaced by the language.' },
    toc: { control: 'boolean', description: 'Shows the table of contents.' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 }, description: "Level of the guide's top headings." },
    showTitle: { control: 'boolean', description: 'Shows the front-matter title as a heading.' },
    config: { control: 'text', description: 'JSON config for this widget (brand, reviewer, copy overrides).' },
    markdown: { control: 'text', description: 'Markdown set as a property (wins over `src`).' },
  },
  render: (args) => {
    const wrapper = document.createElement('div');
    wrapper.lang = args.lang;
    wrapper.style.maxWidth = '48rem';
    const el = document.createElement('hearth-guide');
    if (args.content) el.setAttribute('content', args.content);
    if (args.src) el.setAttribute('src', args.src);
    el.toggleAttribute('toc', args.toc);
    el.setAttribute('heading-level', String(args.headingLevel));
    el.toggleAttribute('show-title', args.showTitle);
    if (args.config) el.setAttribute('config', args.config);
    if (args.markdown) el.markdown = args.markdown;
    // Storybook has no assessment on the page: keep the call to action from jumping to #hearth-assessment.
    el.addEventListener('hearth-cta', (event) => event.preventDefault());
    wrapper.append(el);
    return wrapper;
  },
  parameters: {
    docs: {
      description: {
        component:
          'The patient-education guide: by default the built-in PTSD guide (compiled at build time, no Markdown parser downloaded), ' +
          'or a `src` Markdown file or inline Markdown (sanitized with DOMPurify, loaded on demand). The call to action emits `hearth-cta`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The default English guide with its table of contents. */
export const Default: Story = {};

/** The page is in Spanish: the Spanish guide loads on demand. */
export const Spanish: Story = { args: { lang: 'es' } };

/** A partner's name, phone, booking link, colour and clinician reviewer fill the same content. */
export const PartnerBranded: Story = { args: { config: PARTNER, showTitle: true, headingLevel: 2 } };

/** Markdown from the page (or a CMS): callouts, a table, an image, a call to action. */
export const CustomMarkdown: Story = {
  args: {
    toc: false,
    markdown: [
      '---',
      'title: "Preparing for your first session"',
      'lastReviewed: 2026-10-01',
      'reviewer:',
      '  name: "Care team"',
      '---',
      '## Before the day {#before}',
      '',
      '> [!TIP]',
      '> Eat a light meal at least four hours before.',
      '',
      '| What | When |',
      '| --- | --- |',
      '| Light meal | 4 hours before |',
      '| Arrive | 15 minutes early |',
      '',
      '[Check if you qualify](#hearth-assessment)',
    ].join('\n'),
  },
};

/** The Markdown file cannot be fetched: a readable message, the crisis line and "Try again", never a blank box. */
export const LoadError: Story = { args: { src: '/this-guide-does-not-exist.md' } };
