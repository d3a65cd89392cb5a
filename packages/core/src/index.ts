/**
 * @hearth/core: the base of every Hearth widget. Registers nothing; import
 * `@hearth/core/hearth-provider.js` to define `<hearth-provider>`.
 */
export { VERSION } from './version.js';
export { HearthElement, reportOnce, type HearthFailure } from './hearth-element.js';
export { HearthProvider, warnOnLowContrast } from './hearth-provider.js';
export { defineElement } from './define.js';

export {
  HearthEnvelopeSchema,
  hearthConfigSchema,
  BrandSchema,
  LeadConfigSchema,
  LocaleSchema,
  SUPPORTED_LOCALES,
  PROTECTED_COPY_KEYS,
  configJsonSchema,
  type HearthConfig,
  type HearthConfigInput,
  type Locale,
  type DeepPartial,
} from './config/schema.js';
export {
  registerConfigSection,
  registerSummarySchema,
  summarySchemaFor,
  summaryKinds,
  LeadSummarySchema,
  type HearthConfigSections,
  type HearthLeadSummaries,
  type LeadSummary,
  type LeadSummaryBase,
  type ConfigSectionOptions,
} from './config/registry.js';
export { US_STATES, isUsStateCode, UsStateCodeSchema, type UsStateCode } from './config/us-states.js';
export { HearthConfigError, type ConfigIssue, type ConfigLayer } from './config/errors.js';
export { resolveConfig, configure, defaultConfig, onGlobalConfigChange, type ConfigResult } from './config/resolve.js';
export { mergeConfig } from './config/merge.js';
export { isAllowedEndpoint, isSafeLink } from './config/endpoint.js';
export { hearthContext, type HearthContextValue } from './config/context.js';
export { HearthSession, pageSession, type HearthSessionData } from './config/session.js';

export {
  registerTranslations,
  loadTranslations,
  translate,
  setLocale,
  getForcedLocale,
  normalizeLocale,
  resolveLocale,
  onLocaleChange,
} from './i18n/localize.js';
export { LocalizeController } from './i18n/localize-controller.js';

export { token, TOKEN_DEFAULTS, BRAND_COLOR_TOKENS, baseStyles, buttonStyles, type TokenName } from './styles/tokens.js';
export { contrastRatio, relativeLuminance } from './styles/contrast.js';

// The lead pipeline, the lead form and its loader live in @hearth/lead (which depends on core).

export * from './templates/index.js';

export { trackEvent, analyticsEventName, type AnalyticsPayload } from './analytics.js';
export type { HearthEventDetailMap, HearthEventName, HearthEvent, LeadErrorCode } from './events.js';
export { afterDocumentParsed } from './dom.js';
export { retryableImport, failedModuleUrl } from './retryable-import.js';
