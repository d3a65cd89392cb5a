import type { InstrumentDefinition, SafetyTriggerScoring } from './types.js';

/**
 * PHQ-9 item 9, asked on its own as a safety question. Any answer above 0 ("Not at all") is a
 * safety trigger, not a risk score: show the crisis resources first and flag the lead for urgent
 * follow-up. The PHQ-9 notice must be shown with it.
 *
 * Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16(9):606–613.
 */
export const phq9Item9Instrument: InstrumentDefinition<SafetyTriggerScoring> = {
  id: 'phq9-item9',
  version: '2001',
  name: 'Patient Health Questionnaire (PHQ-9), item 9',
  abbreviation: 'PHQ-9 item 9',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.',
  attributionKey: 'attribution.phq9',
  noticeKey: 'phq9.notice',
  items: [{ id: 'phq9-9', textKey: 'phq9.item9' }],
  options: [
    { value: 0, labelKey: 'phq9.options.0' },
    { value: 1, labelKey: 'phq9.options.1' },
    { value: 2, labelKey: 'phq9.options.2' },
    { value: 3, labelKey: 'phq9.options.3' },
  ],
  scoring: { kind: 'safety-trigger', threshold: 1 },
};
