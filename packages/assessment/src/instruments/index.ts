/**
 * Built-in instrument definitions (plain data) and their types. Wording lives in
 * `translations/en.json` and `translations/es.json`, keyed by each definition's translation keys;
 * this module imports no JSON so that it loads in Node without import attributes.
 *
 * @module
 */
import { pcPtsd5Instrument } from './pc-ptsd-5.js';
import { pcl5Instrument } from './pcl-5.js';
import { phq9Item9Instrument } from './phq9-item9.js';

export { pcPtsd5Instrument, pcl5Instrument, phq9Item9Instrument };
export type * from './types.js';

/**
 * The built-in instruments keyed by their `id`: PC-PTSD-5 (Prins et al. 2016), PCL-5
 * (Weathers et al. 2013; VA National Center for PTSD scoring) and PHQ-9 item 9 (Kroenke et al.
 * 2001) as a safety trigger.
 */
export const builtInInstruments = {
  'pc-ptsd-5': pcPtsd5Instrument,
  'pcl-5': pcl5Instrument,
  'phq9-item9': phq9Item9Instrument,
} as const;

/** Id of a built-in instrument. */
export type BuiltInInstrumentId = keyof typeof builtInInstruments;
