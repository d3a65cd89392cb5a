import type { AssessmentStepId } from './schema.js';
import type { Candidacy } from './candidacy.js';
import type { InstrumentId } from './flow.js';

/** `detail` of `hearth-assessment-complete`. The screen outcome is there only with `share-result`. */
export interface AssessmentCompleteDetail {
  instrument: InstrumentId;
  /** Only with `share-result`: the screen was positive (undefined when no screen was asked). */
  positive?: boolean;
  /** Only with `share-result`: the safety question fired. */
  urgent?: boolean;
  /** Only with `share-result`. */
  candidacy?: Candidacy;
}

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /** The person started the assessment. */
    'hearth-assessment-start': { instrument: InstrumentId };
    /** The person reached a configured step. Positions are of configured steps, never of pages (which would leak answers). */
    'hearth-assessment-step': { step: AssessmentStepId; stepNumber: number; stepCount: number };
    /** The person reached the results. No answers; the outcome only when the host opted in with `share-result`. */
    'hearth-assessment-complete': AssessmentCompleteDetail;
  }
}
