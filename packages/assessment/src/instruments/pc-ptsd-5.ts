import type { CountYesScoring, InstrumentDefinition } from './types.js';

/**
 * Primary Care PTSD Screen for DSM-5: a trauma-exposure gate, then five yes/no items.
 * Scored as the count of "yes" answers to items 1–5 (0–5); exposure "No" scores 0 and the gate is
 * never a point. Positive at or above the cut point, inclusive; default 3, as in the VA's public
 * self-screen (current VA text calls 4 the best balance overall, so it is configurable).
 *
 * Prins A, Bovin MJ, Smolenski DJ, et al. J Gen Intern Med 2016;31(10):1206–1211.
 */
export const pcPtsd5Instrument: InstrumentDefinition<CountYesScoring> = {
  id: 'pc-ptsd-5',
  version: '2016',
  name: 'Primary Care PTSD Screen for DSM-5 (PC-PTSD-5)',
  abbreviation: 'PC-PTSD-5',
  citation: 'Prins A, Bovin MJ, Smolenski DJ, et al. J Gen Intern Med 2016;31(10):1206–1211. doi:10.1007/s11606-016-3703-5',
  attributionKey: 'attribution.pcPtsd5',
  minutes: 3,
  licence: 'Public domain (U.S. Department of Veterans Affairs, National Center for PTSD).',
  languages: {
    en: { status: 'official', source: 'U.S. Department of Veterans Affairs, National Center for PTSD' },
    // The VA publishes no Spanish PC-PTSD-5: the Spanish wording is Hearth's own, never called validated.
    es: { status: 'unvalidated', source: 'Hearth translation of the VA English form; not validated' },
  },
  gate: {
    id: 'exposure',
    introKey: 'pcPtsd5.intro',
    exampleKeys: [
      'pcPtsd5.examples.1',
      'pcPtsd5.examples.2',
      'pcPtsd5.examples.3',
      'pcPtsd5.examples.4',
      'pcPtsd5.examples.5',
      'pcPtsd5.examples.6',
    ],
    textKey: 'pcPtsd5.exposure',
  },
  stemKey: 'pcPtsd5.stem',
  items: [
    { id: 'pcptsd5-1', textKey: 'pcPtsd5.items.1' },
    { id: 'pcptsd5-2', textKey: 'pcPtsd5.items.2' },
    { id: 'pcptsd5-3', textKey: 'pcPtsd5.items.3' },
    { id: 'pcptsd5-4', textKey: 'pcPtsd5.items.4' },
    { id: 'pcptsd5-5', textKey: 'pcPtsd5.items.5' },
  ],
  options: [
    { value: true, labelKey: 'pcPtsd5.options.yes' },
    { value: false, labelKey: 'pcPtsd5.options.no' },
  ],
  // Published range: 3 (VA public self-screen) to 4 (Prins et al. 2016's best balance).
  scoring: { kind: 'count-yes', cutPoint: 3, cutPointRange: [3, 4] },
};
