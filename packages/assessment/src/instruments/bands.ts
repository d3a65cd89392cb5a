import type { SumBandsScoring } from './types.js';

/**
 * The scoring rules of the PHQ-9 and the GAD-7 without their wording, so that scoring them (in the
 * widget's later steps, and in the receiver) does not download the questions in two languages.
 * The full definitions (`phq-9.ts`, a partner's GAD-7 JSON) spread these same objects.
 */

/** Items 0–3 each; 0–4 none–minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe (Kroenke et al. 2001); cut point 10, published range 8–12. */
export const phq9Scoring: SumBandsScoring = {
  kind: 'sum-bands',
  itemMin: 0,
  itemMax: 3,
  cutPoint: 10,
  cutPointRange: [8, 12],
  bands: [
    { id: 'none-minimal', min: 0, max: 4 },
    { id: 'mild', min: 5, max: 9 },
    { id: 'moderate', min: 10, max: 14 },
    { id: 'moderately-severe', min: 15, max: 19 },
    { id: 'severe', min: 20, max: 27 },
  ],
};

/** Items 0–3 each; 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe (Spitzer et al. 2006); cut point 10, published range 8–12. */
export const gad7Scoring: SumBandsScoring = {
  kind: 'sum-bands',
  itemMin: 0,
  itemMax: 3,
  cutPoint: 10,
  cutPointRange: [8, 12],
  bands: [
    { id: 'minimal', min: 0, max: 4 },
    { id: 'mild', min: 5, max: 9 },
    { id: 'moderate', min: 10, max: 14 },
    { id: 'severe', min: 15, max: 21 },
  ],
};

const ids = (prefix: string, count: number): { id: string }[] => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i + 1}` }));

/** Item ids of the PHQ-9 (`phq9-1` … `phq9-9`); item 9 is the safety item. */
export const phq9Items: readonly { readonly id: string }[] = ids('phq9', 9);
/** Item ids of the GAD-7 (`gad7-1` … `gad7-7`). */
export const gad7Items: readonly { readonly id: string }[] = ids('gad7', 7);
