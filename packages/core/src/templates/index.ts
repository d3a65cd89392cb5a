/** Templates written once for every widget: crisis lines, error summary, choice fieldset, focus a field. */
export { crisisLines, crisisStyles, type CrisisLinesOptions, type CrisisTranslate } from './crisis-lines.js';
export {
  errorSummary,
  inlineError,
  errorSummaryStyles,
  type ErrorSummaryItem,
  type ErrorSummaryOptions,
  type InlineErrorOptions,
} from './error-summary.js';
export { choiceFieldset, choiceFieldsetStyles, type Choice, type ChoiceFieldsetOptions } from './choice-fieldset.js';
export { focusField } from './focus-field.js';
