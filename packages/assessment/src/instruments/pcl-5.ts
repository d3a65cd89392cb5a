import type { InstrumentDefinition, SumScoring } from './types.js';

/**
 * PTSD Checklist for DSM-5, standard form: 20 items rated 0 (Not at all) to 4 (Extremely).
 * VA National Center for PTSD PCL-5 scoring: total 0–80; cluster severities B 1–5, C 6–7, D 8–14,
 * E 15–20; provisional DSM-5 diagnosis when items rated 2 or more include at least 1 B, 1 C, 2 D
 * and 2 E, independent of the total; probable PTSD at a total of 31–33, default cut point 33,
 * inclusive. Change: a drop of 5 or more is a response, 10 or more is clinically meaningful.
 *
 * Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP (2013).
 */
// Required<>: the PCL-5 always declares its cluster rule and change thresholds, so the typed
// wrappers in scoring/ can read their defaults here rather than repeat them.
export const pcl5Instrument: InstrumentDefinition<Required<SumScoring>> = {
  id: 'pcl-5',
  version: '2013',
  name: 'PTSD Checklist for DSM-5 (PCL-5)',
  abbreviation: 'PCL-5',
  citation:
    'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP (2013). The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD.',
  attributionKey: 'attribution.pcl5',
  minutes: 8,
  licence: 'Public domain (U.S. Department of Veterans Affairs, National Center for PTSD).',
  languages: {
    en: { status: 'official', source: 'U.S. Department of Veterans Affairs, National Center for PTSD' },
    // The VA publishes no Spanish PCL-5: the Spanish wording is Hearth's own, never called validated.
    es: { status: 'unvalidated', source: 'Hearth translation of the VA English form; not validated' },
  },
  instructionsKey: 'pcl5.instructions',
  stemKey: 'pcl5.stem',
  items: [
    { id: 'pcl5-1', textKey: 'pcl5.items.1', cluster: 'B' },
    { id: 'pcl5-2', textKey: 'pcl5.items.2', cluster: 'B' },
    { id: 'pcl5-3', textKey: 'pcl5.items.3', cluster: 'B' },
    { id: 'pcl5-4', textKey: 'pcl5.items.4', cluster: 'B' },
    { id: 'pcl5-5', textKey: 'pcl5.items.5', cluster: 'B' },
    { id: 'pcl5-6', textKey: 'pcl5.items.6', cluster: 'C' },
    { id: 'pcl5-7', textKey: 'pcl5.items.7', cluster: 'C' },
    { id: 'pcl5-8', textKey: 'pcl5.items.8', cluster: 'D' },
    { id: 'pcl5-9', textKey: 'pcl5.items.9', cluster: 'D' },
    { id: 'pcl5-10', textKey: 'pcl5.items.10', cluster: 'D' },
    { id: 'pcl5-11', textKey: 'pcl5.items.11', cluster: 'D' },
    { id: 'pcl5-12', textKey: 'pcl5.items.12', cluster: 'D' },
    { id: 'pcl5-13', textKey: 'pcl5.items.13', cluster: 'D' },
    { id: 'pcl5-14', textKey: 'pcl5.items.14', cluster: 'D' },
    { id: 'pcl5-15', textKey: 'pcl5.items.15', cluster: 'E' },
    { id: 'pcl5-16', textKey: 'pcl5.items.16', cluster: 'E' },
    { id: 'pcl5-17', textKey: 'pcl5.items.17', cluster: 'E' },
    { id: 'pcl5-18', textKey: 'pcl5.items.18', cluster: 'E' },
    { id: 'pcl5-19', textKey: 'pcl5.items.19', cluster: 'E' },
    { id: 'pcl5-20', textKey: 'pcl5.items.20', cluster: 'E' },
  ],
  options: [
    { value: 0, labelKey: 'pcl5.options.0' },
    { value: 1, labelKey: 'pcl5.options.1' },
    { value: 2, labelKey: 'pcl5.options.2' },
    { value: 3, labelKey: 'pcl5.options.3' },
    { value: 4, labelKey: 'pcl5.options.4' },
  ],
  scoring: {
    kind: 'sum',
    itemMin: 0,
    itemMax: 4,
    cutPoint: 33,
    // The VA gives 31–33 as the probable-PTSD cut point.
    cutPointRange: [31, 33],
    clusterRule: { endorsedAt: 2, minEndorsed: { B: 1, C: 1, D: 2, E: 2 } },
    change: { response: 5, meaningful: 10 },
  },
};
