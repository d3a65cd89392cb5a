/**
 * @hearth/coverage: `<hearth-coverage>`, the state-based insurance checker. Defines no tag;
 * import `@hearth/coverage/hearth-coverage.js` to define the tag. The pure rules are at
 * `@hearth/coverage/rules`, the config section and lead summary at `@hearth/coverage/schema`, the
 * demo data at `@hearth/coverage/demo`.
 */
export { HearthCoverage, type CoverageResultDetail, type CoverageStep, type CoverageLeadKind } from './hearth-coverage.js';
export type { CoverageOutcome, CoverageResult, CoverageQuery, SelfPayTerms } from './rules/index.js';
export {
  CoverageConfigSchema,
  CoverageSummarySchema,
  RESERVED_PAYER_IDS,
  COVERAGE_OUTCOMES,
  type CoverageConfig,
  type CoverageConfigInput,
  type CoverageSummary,
  type StateCoverage,
  type Payer,
} from './schema.js';
