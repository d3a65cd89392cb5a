import type { HearthConfig } from './config/schema.js';

/** The only fields an analytics event may carry: no answers, no scores, no contact details. */
export interface AnalyticsPayload {
  widget: string;
  step?: string;
  stepNumber?: number;
  stepCount?: number;
  /** Non-health outcomes only, e.g. which kind of result a checker showed; never a score or an answer. */
  outcome?: string;
}

const ALLOWED_KEYS = new Set<keyof AnalyticsPayload>(['widget', 'step', 'stepNumber', 'stepCount', 'outcome']);

/** The one naming scheme of analytics events: `hearth_<widget>_<action>`, e.g. `hearth_coverage_step`. */
export function analyticsEventName(widget: string, action: string): string {
  return `hearth_${widget}_${action}`.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
}

/**
 * The opt-in analytics bridge: pushes `{ event: 'hearth_<widget>_<action>', hearth: {...} }` to
 * `window.dataLayer` (or the configured name) for Google Tag Manager. Off by default. Anything
 * outside the allow-list is dropped here, so a widget cannot leak health data even by mistake.
 */
export function trackEvent(config: HearthConfig | undefined, widget: string, action: string, payload: AnalyticsPayload): void {
  if (!config?.analytics.dataLayer || typeof window === 'undefined') return;
  const event = analyticsEventName(widget, action);
  const safe: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (ALLOWED_KEYS.has(key as keyof AnalyticsPayload) && (typeof value === 'string' || typeof value === 'number')) {
      safe[key] = typeof value === 'string' ? value.slice(0, 64) : value;
    }
  }
  const name = config.analytics.dataLayerName;
  const host = window as unknown as Record<string, unknown>;
  const layer = host[name];
  // Only push into an array-like the page set up itself; never create the host's globals.
  if (layer && typeof (layer as { push?: unknown }).push === 'function') {
    (layer as { push(entry: unknown): void }).push({ event, hearth: safe });
  }
}
