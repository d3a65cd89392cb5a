/**
 * @hearth/coverage: `<hearth-coverage>`, the state-based insurance checker. Registers nothing;
 * import `@hearth/coverage/hearth-coverage.js` to define the tag. The pure rules are at
 * `@hearth/coverage/rules`.
 */
export { HearthCoverage, type CoverageResultDetail, type CoverageStep, type CoverageLeadKind } from './hearth-coverage.js';
export type { CoverageOutcome, CoverageResult, CoverageQuery, SelfPayTerms } from './rules/index.js';
