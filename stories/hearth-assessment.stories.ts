import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Relative paths: the workspace root does not depend on the packages, so the bare names
// (`@hearth/assessment/hearth-assessment.js`) do not resolve from here.
import '../packages/core/src/define-provider.js';
import type { HearthConfigInput, HearthProvider } from '../packages/core/src/index.js';
import { Outbox, type LeadTransport } from '../packages/lead/src/index.js';
import '../packages/assessment/src/define.js';
import { registerContentPack } from '../packages/content/src/index.js';
import { emptyAnswers, type AssessmentAnswers, type HearthAssessment, type InstrumentId } from '../packages/assessment/src/index.js';

interface Args {
  lang: 'en' | 'es';
  instrument: InstrumentId;
  /** Adds the screen outcome to `hearth-assessment-complete` (see the Actions panel). */
  shareResult: boolean;
}

interface Scenario {
  /** Open on this page, with these answers, as a person who reloads the page mid-way would. */
  page?: string;
  answers?: Partial<AssessmentAnswers>;
  config?: HearthConfigInput;
  /**
   * Storybook has no lead receiver, so the lead stories answer for the clinic's endpoint in the
   * page through the outbox's transport seam (`LeadTransport`): `accept` answers 201, `refuse`
   * answers 403. `network` uses the real fetch against a closed loopback port.
   */
  delivery?: 'accept' | 'refuse' | 'network';
  /** The `content` attribute: a content pack registered with `registerContentPack()`. */
  content?: string;
  wrap?: (el: HTMLElement) => HTMLElement;
}

const STORY_COVERAGE = {
  selfPay: { price: 100, includes: ['Evaluation'] },
  superbill: false,
  states: { TX: { served: true }, NY: { served: true } },
};

// Loopback and a closed port: a lead a story leaves queued can only ever be retried here.
const ENDPOINT = 'http://127.0.0.1:9/leads';
let counter = 0;

/** Answers to one instrument, keyed by instrument id then item id (`prefix-1`, `prefix-2`…). */
function instrument(id: string, prefix: string, items: readonly (boolean | number | null)[], extra: Record<string, boolean | number> = {}) {
  return { instruments: { [id]: { ...Object.fromEntries(items.map((v, i) => [`${prefix}-${i + 1}`, v])), ...extra } } };
}
/** PC-PTSD-5 answers: the exposure gate and the items. */
const pcPtsd5 = (exposure: boolean, items: readonly (boolean | null)[] = []) => instrument('pc-ptsd-5', 'pcptsd5', items, { exposure });

/** Someone who answered everything: 4 of 5 "yes", safety 0, tried therapy, nothing to review, Texas. */
function answered(patch: Partial<AssessmentAnswers> = {}): AssessmentAnswers {
  return {
    ...emptyAnswers(),
    ...pcPtsd5(true, [true, true, true, true, false]),
    phq9Item9: 0,
    therapy: 'yes',
    medication: 'no',
    helped: 'a-little',
    review: [],
    state: 'TX',
    ...patch,
  };
}

function useDelivery(kind: Scenario['delivery']): void {
  Outbox.resetShared();
  if (!kind || kind === 'network') return;
  const transport: LeadTransport = {
    send: async () =>
      kind === 'accept'
        ? { ok: true, status: 201, leadId: 'demo' }
        : { ok: false, code: 'rejected', retryable: false, status: 403, message: 'The endpoint answered 403.' },
  };
  Outbox.shared({ transport });
}

/** Plain DOM, as a page would write it; saved progress goes in first, as after a reload. */
function scenario(s: Scenario = {}) {
  return (args: Args): HTMLElement => {
    useDelivery(s.delivery);
    const id = `story-${++counter}`;
    if (s.page) {
      // Stories open past the age question unless they are about it.
      const answers = { ...emptyAnswers(), adult: true, ...s.answers };
      const saved = { instrument: args.instrument, page: s.page, answers, startedAt: Date.now() - 120_000 };
      sessionStorage.setItem(`hearth-assessment:v2:${id}`, JSON.stringify(saved));
    }
    const wrapper = document.createElement('div');
    wrapper.lang = args.lang;
    const el = document.createElement('hearth-assessment');
    el.id = id;
    el.setAttribute('instrument', args.instrument);
    el.setAttribute('endpoint', ENDPOINT);
    if (args.shareResult) el.setAttribute('share-result', '');
    // The partner serves TX and NY: the state question is asked only where served states are configured.
    el.setAttribute('config', JSON.stringify({ coverage: STORY_COVERAGE, ...s.config }));
    if (s.content) el.setAttribute('content', s.content);
    wrapper.append(el);
    return s.wrap ? s.wrap(wrapper) : wrapper;
  };
}

async function until<T>(check: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error('story did not reach the expected state');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function assessment(canvas: HTMLElement): HearthAssessment {
  return canvas.querySelector<HearthAssessment>('hearth-assessment')!;
}

/** Fills the lead form the way a person would, then presses the button. */
async function sendLeadForm(canvas: HTMLElement): Promise<void> {
  const el = assessment(canvas);
  const root = await until(
    () =>
      el.shadowRoot?.querySelector('hearth-lead-form')?.shadowRoot?.querySelector('#name') &&
      el.shadowRoot!.querySelector('hearth-lead-form')!.shadowRoot!,
  );
  const type = (selector: string, value: string) => {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  type('#name', 'Ana Patient');
  type('#email', 'ana@example.org');
  type('#phone', '512 555 0199');
  root.querySelector<HTMLInputElement>('#contact-text')!.click();
  root.querySelector<HTMLInputElement>('#consent')!.click();
  root.querySelector<HTMLFormElement>('form')!.requestSubmit();
  await until(() => root.querySelector('[part="result"], .panel--danger'));
}

const meta: Meta<Args> = {
  title: 'Widgets/hearth-assessment',
  component: 'hearth-assessment',
  tags: ['autodocs'],
  render: scenario(),
  args: { lang: 'en', instrument: 'pc-ptsd-5', shareResult: false },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    instrument: { control: 'inline-radio', options: ['pc-ptsd-5', 'pcl-5'] },
    shareResult: { control: 'boolean' },
  },
  parameters: {
    actions: { handles: ['hearth-assessment-start', 'hearth-assessment-step', 'hearth-assessment-complete', 'hearth-lead-form-result'] },
    docs: {
      description: {
        component:
          'The free PTSD self-assessment, one question per screen. Stories open mid-way the way a reload does ' +
          '(progress saved in sessionStorage). Served states come from the partner config (TX and NY served).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** What this is and is not, how long it takes, how answers are used, privacy, the crisis line. */
export const Intro: Story = {};

/** A PC-PTSD-5 item: the stem as a caption, the item as the heading, Back and "Question 3 of 12". */
export const Question: Story = {
  render: scenario({ page: 'pc-ptsd-5-item-2', answers: pcPtsd5(true, [true]) }),
};

/** The age question comes before any other (config `assessment.minimumAge`, default 18). */
export const AgeQuestion: Story = { render: scenario({ page: 'age', answers: { adult: undefined } }) };

/** In Spanish, a notice before the first question: the wording is our unvalidated translation. */
export const AgeQuestionSpanish: Story = { args: { lang: 'es' }, render: scenario({ page: 'age', answers: { adult: undefined } }) };

/** Under the minimum age: help for every age, no questions, no form, nothing kept. */
export const UnderAge: Story = { render: scenario({ page: 'under-age', answers: { adult: false } }) };

/** The exposure question with the published lead-in and examples. */
export const ExposureQuestion: Story = { render: scenario({ page: 'exposure' }) };

/** Continue without an answer: the error summary (focused) linked to the question. */
export const QuestionError: Story = {
  render: scenario({ page: 'exposure' }),
  play: async ({ canvasElement }) => {
    const el = assessment(canvasElement);
    const form = await until(() => el.shadowRoot?.querySelector<HTMLFormElement>('[part="page"] form'));
    form.requestSubmit();
  },
};

/** The PHQ-9 item 9 question with its notice; an answer above 0 adds help inline at once. */
export const SafetyQuestion: Story = {
  render: scenario({ page: 'safety', answers: { ...pcPtsd5(false), phq9Item9: 1 } }),
};

/** Safety triggered: the crisis resources come first, with tel: and sms: links; the person can continue. */
export const SafetyTriggered: Story = {
  render: scenario({ page: 'crisis', answers: { ...pcPtsd5(false), phq9Item9: 2 } }),
};

/** The items a clinician reviews, with "None of these". */
export const ReviewItems: Story = {
  render: scenario({ page: 'review', answers: answered({ review: undefined }) }),
};

// A partner's content pack chooses which items the clinician reviews, and their order.
registerContentPack({
  manifest: {
    id: 'story-pack',
    title: 'A partner pack (story)',
    languages: ['en'],
    reviewer: { name: 'Story reviewer' },
    reviewItems: ['pregnancy', 'heart', 'liver'],
  },
});

/** `content="story-pack"`: the review step lists the pack's three items, in its order. */
export const ReviewItemsFromPack: Story = {
  render: scenario({ page: 'review', answers: answered({ review: undefined }), content: 'story-pack' }),
};

export const ResultPositive: Story = { render: scenario({ page: 'results', answers: answered() }) };

/** Negative, with review items marked: "a clinician will go through the 2 items you marked". */
export const ResultNegative: Story = {
  render: scenario({
    page: 'results',
    answers: answered({ ...pcPtsd5(true, [true, false, false, false, false]), review: ['heart', 'pregnancy'] }),
  }),
};

/** Safety triggered earlier: the results open on the crisis resources. */
export const ResultUrgent: Story = { render: scenario({ page: 'results', answers: answered({ phq9Item9: 3 }) }) };

/** Alabama is not among the partner's served states. */
export const NotServedState: Story = { render: scenario({ page: 'results', answers: answered({ state: 'AL' }) }) };

/** The PCL-5: total against the cut point, and the DSM-5 pattern reported separately. */
export const ResultPcl5: Story = {
  args: { instrument: 'pcl-5' },
  render: scenario({
    page: 'results',
    answers: answered(instrument('pcl-5', 'pcl5', [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1])),
  }),
};

/** PHQ-9 answers (Kroenke et al. 2001): the nine items, then the difficulty question. */
const phq9 = (items: readonly (number | null)[], difficulty?: number) =>
  instrument('phq-9', 'phq9', items, difficulty === undefined ? {} : { difficulty });

/** `instrument="phq-9"`: the depression screen's intro (its own title and "what this is", 3 minutes). */
export const Phq9Intro: Story = { args: { instrument: 'phq-9' } };

/** A PHQ-9 item: the stem as a caption, the item as the heading, the four published options. */
export const Phq9Question: Story = {
  args: { instrument: 'phq-9' },
  render: scenario({ page: 'phq-9-item-2', answers: phq9([1]) }),
};

/** Item 9 *is* the safety question: answered above 0, help appears inline at once, with the PHQ-9 notice. */
export const Phq9SafetyItem: Story = {
  args: { instrument: 'phq-9' },
  render: scenario({ page: 'phq-9-item-9', answers: phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]) }),
};

/** Item 9 above 0: the crisis page comes straight after it, before anything else. */
export const Phq9Crisis: Story = {
  args: { instrument: 'phq-9' },
  render: scenario({ page: 'crisis', answers: phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]) }),
};

/** The difficulty question, asked because some item was above 0. */
export const Phq9Difficulty: Story = {
  args: { instrument: 'phq-9' },
  render: scenario({ page: 'phq-9-difficulty', answers: phq9([1, 2, 1, 0, 0, 0, 0, 0, 0]) }),
};

/** Results: the severity in plain words, the total against the cut point, name, citation, "a screen, not a diagnosis". */
export const Phq9Result: Story = {
  args: { instrument: 'phq-9' },
  render: scenario({ page: 'results', answers: answered(phq9([2, 2, 2, 1, 1, 1, 1, 1, 0], 1)) }),
};

/** Results after item 9 above 0: they open on the crisis resources; the lead will be urgent. */
export const Phq9ResultUrgent: Story = {
  args: { instrument: 'phq-9' },
  render: scenario({ page: 'results', answers: answered(phq9([3, 3, 3, 3, 2, 2, 2, 2, 1], 2)) }),
};

/** In Spanish: Pfizer's official US Spanish form, verbatim. */
export const Phq9Spanish: Story = {
  args: { instrument: 'phq-9', lang: 'es' },
  render: scenario({ page: 'phq-9-item-1' }),
};

export const LeadForm: Story = { render: scenario({ page: 'lead', answers: answered() }) };

/** The clinic's endpoint accepted the lead: "Sent", the next step, and progress deleted. */
export const LeadSent: Story = {
  render: scenario({
    page: 'lead',
    answers: answered(),
    delivery: 'accept',
    config: { brand: { bookingUrl: 'https://clinic.example/book' } },
  }),
  play: ({ canvasElement }) => sendLeadForm(canvasElement),
};

/** The endpoint could not be reached: not sent yet, saved on this device, "Try again now". */
export const LeadNotSentYet: Story = {
  render: scenario({ page: 'lead', answers: answered(), delivery: 'network' }),
  play: ({ canvasElement }) => sendLeadForm(canvasElement),
};

/** The endpoint refused the lead: said plainly, every field kept, "Try again". */
export const LeadFailed: Story = {
  render: scenario({ page: 'lead', answers: answered(), delivery: 'refuse', config: { brand: { phone: '(800) 555-0100' } } }),
  play: ({ canvasElement }) => sendLeadForm(canvasElement),
};

export const Spanish: Story = { args: { lang: 'es' } };

export const SpanishResult: Story = { args: { lang: 'es' }, render: scenario({ page: 'results', answers: answered({ state: 'NY' }) }) };

/** A partner's brand through `<hearth-provider>`, with its own steps (no history) and consent text. */
export const PartnerBrand: Story = {
  render: scenario({
    page: 'lead',
    answers: answered(),
    wrap: (inner) => {
      const provider = document.createElement('hearth-provider') as HearthProvider;
      provider.config = {
        brand: {
          name: 'Cascade Ketamine Clinic',
          colors: { primary: '#5b2a86', surface: '#f6f1fa' },
          font: 'Georgia, serif',
          radius: '2px',
        },
        assessment: { steps: ['intro', 'screen', 'safety', 'review', 'state', 'results', 'lead'] },
        lead: {
          consentText: { en: 'Cascade Ketamine Clinic may contact me about my request. I know this is not an emergency service.' },
          consentVersion: 'cascade-2026-03',
        },
      };
      provider.append(inner);
      return provider;
    },
  }),
};
