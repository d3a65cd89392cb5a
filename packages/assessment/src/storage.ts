/**
 * Progress kept in `sessionStorage` so that a refresh loses nothing. Never `localStorage`: the
 * answers are health information and must not outlive the tab. Contact details are never stored.
 * Everything read back is checked, because storage can be stale (an older version) or edited.
 *
 * @module
 */
import { isUsStateCode } from '@hearth/core/schemas';
import { REVIEW_ITEMS, emptyAnswers, type AssessmentAnswers, type InstrumentAnswer, type InstrumentId } from './flow.js';
import type { InstrumentDefinition } from './instruments/types.js';

// v2: answers keyed by instrument id. A v1 entry is simply not read back (progress starts over).
const PREFIX = 'hearth-assessment:v2:';

export interface SavedProgress {
  instrument: InstrumentId;
  /** The page the person was on. */
  page: string;
  answers: AssessmentAnswers;
  /** When the person started (epoch ms): the lead form's minimum-time check counts from here. */
  startedAt: number;
}

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Storage disabled (privacy settings, sandboxed iframe): progress is simply not kept.
    return undefined;
  }
}

export function storageKey(id: string): string {
  return `${PREFIX}${id || 'default'}`;
}

export function saveProgress(key: string, progress: SavedProgress): void {
  try {
    storage()?.setItem(key, JSON.stringify(progress));
  } catch {
    // Quota or disabled storage: the flow still works, it just will not survive a refresh.
  }
}

export function clearProgress(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads saved progress for `instrument`; anything malformed or for another instrument is ignored. */
export function loadProgress(key: string, instrument: InstrumentDefinition): SavedProgress | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return parseProgress(data, instrument);
}

/** Validates data read back from storage (exported for tests). */
export function parseProgress(data: unknown, definition: InstrumentDefinition): SavedProgress | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const instrument: InstrumentId = definition.id;
  if (d.instrument !== instrument || typeof d.page !== 'string' || typeof d.startedAt !== 'number') return undefined;
  const a = (typeof d.answers === 'object' && d.answers !== null ? d.answers : {}) as Record<string, unknown>;
  const answers = emptyAnswers();
  if (a.adult === true) answers.adult = true;
  const saved = (a.instruments as Record<string, unknown> | undefined)?.[instrument];
  if (typeof saved === 'object' && saved !== null) {
    // Only this instrument's questions, each with one of its own answer values.
    const own: Record<string, InstrumentAnswer> = {};
    const keep = (id: string, allowed: readonly unknown[]) => {
      const value = (saved as Record<string, unknown>)[id];
      if (allowed.includes(value)) own[id] = value as InstrumentAnswer;
    };
    if (definition.gate) keep(definition.gate.id, [true, false]);
    for (const item of definition.items)
      keep(
        item.id,
        definition.options.map((o) => o.value),
      );
    if (definition.followUp)
      keep(
        definition.followUp.id,
        definition.followUp.options.map((o) => o.value),
      );
    answers.instruments[instrument] = own;
  }
  if (a.phq9Item9 === 0 || a.phq9Item9 === 1 || a.phq9Item9 === 2 || a.phq9Item9 === 3) answers.phq9Item9 = a.phq9Item9;
  const therapy = oneOf(['yes', 'no', 'unsure'] as const, a.therapy);
  if (therapy) answers.therapy = therapy;
  const medication = oneOf(['yes', 'no', 'unsure'] as const, a.medication);
  if (medication) answers.medication = medication;
  const helped = oneOf(['a-lot', 'somewhat', 'a-little', 'not-at-all'] as const, a.helped);
  if (helped) answers.helped = helped;
  if (Array.isArray(a.review)) answers.review = [...new Set(a.review.map((v) => oneOf(REVIEW_ITEMS, v)).filter((v) => v !== undefined))];
  if (isUsStateCode(a.state)) answers.state = a.state;
  return { instrument, page: d.page.slice(0, 40), answers, startedAt: d.startedAt };
}
