import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages, so bare names do not resolve here.
import '../packages/faq/src/define.js';

interface Args {
  lang: 'en' | 'es';
  question: string;
  answer: string;
  open: boolean;
  slug: string;
  headingLevel: number;
}

function item(args: Args): HTMLElement {
  const el = document.createElement('hearth-faq-item');
  if (args.question) el.setAttribute('question', args.question);
  if (args.slug) el.setAttribute('slug', args.slug);
  el.setAttribute('heading-level', String(args.headingLevel));
  el.toggleAttribute('open', args.open);
  const answer = document.createElement('p');
  answer.textContent = args.answer;
  el.append(answer);
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/hearth-faq-item',
  component: 'hearth-faq-item',
  tags: ['autodocs'],
  args: {
    lang: 'en',
    question: 'Do I need a referral?',
    answer: 'No referral is needed to book an evaluation.',
    open: false,
    slug: 'referral',
    headingLevel: 3,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'], description: 'The `lang` of the page around the question.' },
    question: {
      control: 'text',
      description: 'The question as text (the `question` attribute); a `slot="question"` child may give it instead.',
    },
    answer: { control: 'text', description: 'The answer: the item’s children (default slot).' },
    open: { control: 'boolean', description: 'Whether the answer is shown.' },
    slug: { control: 'text', description: 'Id for deep links: `#faq-<slug>` opens this question.' },
    headingLevel: {
      control: { type: 'number', min: 2, max: 6 },
      description: 'Heading level of the question (a `<hearth-faq>` sets it for its items).',
    },
  },
  render: (args) => {
    const wrapper = document.createElement('div');
    wrapper.lang = args.lang;
    wrapper.style.maxWidth = '44rem';
    wrapper.append(item(args));
    return wrapper;
  },
  parameters: {
    docs: {
      description: {
        component:
          'One question of `<hearth-faq>`, written in the page: a heading holding a button that shows or hides the answer (the WAI-ARIA accordion pattern). ' +
          'It is readable and findable before the script runs; once upgraded, a closed answer uses `hidden="until-found"`, so find-in-page still opens it. ' +
          'Usually placed inside `<hearth-faq>`, which adds search, JSON-LD and the heading level; it also works on its own.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A closed question, its text from the `question` attribute. */
export const Closed: Story = {};

/** The answer shown. */
export const Open: Story = { args: { open: true } };

/** The question as a slotted heading, in Spanish. */
export const SlottedQuestion: Story = {
  name: 'Question in a slot (Spanish)',
  args: { lang: 'es', open: true },
  render: (args) => {
    const wrapper = document.createElement('div');
    wrapper.lang = args.lang;
    wrapper.style.maxWidth = '44rem';
    const el = item({
      ...args,
      question: '',
      answer: 'Sí. Una pareja, un familiar o un amigo puede unirse a la videollamada si usted lo desea.',
    });
    const question = document.createElement('h3');
    question.slot = 'question';
    question.textContent = '¿Puede alguien acompañarme a la evaluación?';
    el.prepend(question);
    wrapper.append(el);
    return wrapper;
  },
};

/** Inside `<hearth-faq>`: the list sets the heading level and adds the search box. */
export const InsideFaq: Story = {
  name: 'Inside <hearth-faq>',
  render: (args) => {
    const faq = document.createElement('hearth-faq');
    faq.setAttribute('heading-level', String(args.headingLevel));
    faq.append(
      item(args),
      item({
        ...args,
        question: 'Is the evaluation covered by insurance?',
        slug: 'insurance',
        answer: 'Most plans cover it; the clinic checks yours before the visit.',
      }),
    );
    const wrapper = document.createElement('div');
    wrapper.lang = args.lang;
    wrapper.style.maxWidth = '44rem';
    wrapper.append(faq);
    return wrapper;
  },
};
