/**
 * The partner-facing reference of the `assessment` config section: merged into the JSON Schema
 * and docs/config.md at build time (see `ConfigDoc` in @hearth/core/schemas). Not bundled.
 */
import type { ConfigDoc } from '@hearth/core/schemas';

export const assessmentConfigDocs: Readonly<Record<string, ConfigDoc>> = {
  assessment: {
    description: 'The self-assessment (`<hearth-assessment>`): which validated screen it runs, its cut points and its steps.',
    properties: {
      instrument: {
        description:
          'The validated screen: the PC-PTSD-5 (5 yes/no questions, about 3 minutes), the PCL-5 (20 questions, more detail), the PHQ-9 (depression, 9 questions), or the id of an instrument registered with `registerInstrument()` or listed in `definitions`. A widget’s `instrument` attribute overrides it.',
        examples: ['pc-ptsd-5', 'pcl-5', 'phq-9'],
      },
      definitions: {
        description:
          'The partner’s own instruments as JSON definitions (items, options, scoring rule such as `sum-bands`, wording per language with its translation status), registered when the config is read so that `instrument` can select one. See the assessment README, “Adding an instrument”.',
        items: {
          description: 'One instrument definition (JSON).',
          properties: { id: { description: 'The instrument’s id, used by `instrument` and as the key of its answers in the lead.' } },
        },
      },
      cutPoints: {
        description:
          'The score from which a screen counts as positive, per instrument, inclusive. Only values inside each instrument’s published range are accepted, so that the screen stays the validated one. Each instrument’s range and default are below.',
      },
      minimumAge: {
        description:
          'The age the person must have reached, asked before any other question (default 18, at least 18: the screens are validated in adults and ketamine programmes treat adults). Under it, the assessment shows age-appropriate help only: no screening question, no contact form, nothing stored or sent.',
        examples: [18, 21],
      },
      spanishText: {
        description:
          'In Spanish, for an instrument with no official Spanish translation (the PC-PTSD-5 and the PCL-5): "translation" (default) shows our own translation, which has not been validated, with a notice before the first question that the result uses the English cut point; "english" shows the instrument’s validated English wording instead. The PHQ-9 safety question always uses Pfizer’s official US Spanish wording.',
        examples: ['translation', 'english'],
      },
      steps: {
        description:
          'The steps the assessment runs, in order. "safety" and "results" cannot be removed, the screen comes before the safety question, and the safety question before the results and the contact form.',
        examples: [['intro', 'screen', 'safety', 'results', 'lead']],
        items: { description: 'A step: intro, screen, safety, history, review, state, results or lead.' },
      },
    },
  },
};
