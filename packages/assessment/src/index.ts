/**
 * @hearth/assessment: `<hearth-assessment>` and its pure parts. Registers nothing; import
 * `@hearth/assessment/hearth-assessment.js` to define the element. Scoring lives at
 * `@hearth/assessment/scoring` (no Lit, no DOM).
 */
export { HearthAssessment } from './hearth-assessment.js';
export type { AssessmentCompleteDetail } from './events.js';
export {
  REVIEW_ITEMS,
  buildPages,
  emptyAnswers,
  questionProgress,
  stepProgress,
  isAnswered,
  type AssessmentAnswers,
  type InstrumentId,
  type Page,
  type PageKind,
  type ReviewItem,
  type TreatmentHelp,
  type YesNoUnsure,
} from './flow.js';
export {
  assessCandidacy,
  assessOutcome,
  isStateServed,
  scoreScreen,
  isUrgent,
  buildAssessmentSummary,
  buildLeadAnswers,
  type Candidacy,
  type AssessmentOutcome,
  type CandidacyInput,
  type ScreenOutcome,
} from './candidacy.js';
export { builtInInstruments, pcPtsd5Instrument, pcl5Instrument, phq9Item9Instrument } from './instruments/index.js';
export type * from './instruments/types.js';
// A partner's own instrument, checked in full, then available to `instrument="<id>"` and to the receiver.
export { registerInstrument } from './instruments/check.js';
