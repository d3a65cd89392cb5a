/**
 * The full check of a partner's instrument definition. It imports nothing at run time, so the
 * widget loads it as a file of its own, and only when its config lists `assessment.definitions`
 * (a page without them never downloads it); `registerInstrument()` (check.ts) runs it too.
 *
 * @module
 */
import type { InstrumentDefinition, InstrumentScoring, ScoreBand } from './types.js';

const ID = /^[a-z][a-z0-9-]{0,39}$/;
const SCORING_KINDS = ['count-yes', 'sum', 'sum-bands'];

/**
 * Throws when a definition cannot run as a flow or be scored.
 *
 * @throws {TypeError} naming the instrument, with one sentence per problem.
 */
export function assertDefinition(definition: InstrumentDefinition): void {
  const problems = definitionProblems(definition);
  if (problems.length) {
    const name = typeof definition?.id === 'string' ? `instrument "${definition.id}"` : 'an instrument';
    throw new TypeError(`Cannot register ${name}: ${problems.join('; ')}.`);
  }
}

/**
 * What stops a definition from running as a flow or being scored, one sentence per problem, in
 * words a partner can act on: the fields and wording a flow needs, a safety item that is an item,
 * a cut point among the possible scores and inside its own `cutPointRange`, and `sum-bands` bands
 * that cover every possible total exactly once.
 */
export function definitionProblems(definition: InstrumentDefinition): string[] {
  const problems: string[] = [];
  if (typeof definition !== 'object' || definition === null) return ['it must be an object'];
  const { id, items, options, scoring, languages } = definition;
  if (typeof id !== 'string' || !ID.test(id)) problems.push('id must be lowercase letters, digits and hyphens, starting with a letter');
  for (const field of ['version', 'name', 'abbreviation', 'citation'] as const) {
    if (typeof definition[field] !== 'string' || definition[field] === '') problems.push(`${field} must be a non-empty string`);
  }
  if (!Array.isArray(items) || items.length === 0) problems.push('items must list at least one item');
  if (!Array.isArray(options) || options.length < 2) problems.push('options must list at least two answers');
  if (typeof scoring !== 'object' || scoring === null || !SCORING_KINDS.includes(scoring.kind)) {
    problems.push(`scoring.kind must be one of ${SCORING_KINDS.join(', ')}`);
  }
  if (typeof definition.minutes !== 'number' || !(definition.minutes > 0)) problems.push('minutes must be a positive number');
  if (typeof languages !== 'object' || languages === null || !languages.en) {
    problems.push('languages.en is required (status, source and wording)');
    return problems;
  }
  for (const [lang, language] of Object.entries(languages)) {
    if (language.status !== 'official' && language.status !== 'unvalidated') {
      problems.push(`languages.${lang}.status must be "official" or "unvalidated"`);
    }
    if (typeof language.source !== 'string' || language.source === '')
      problems.push(`languages.${lang}.source must say where the wording comes from`);
    const count = (list: unknown): number => (Array.isArray(list) ? list.filter((s) => typeof s === 'string' && s !== '').length : 0);
    if (Array.isArray(items) && count(language.items) !== items.length)
      problems.push(`languages.${lang}.items must hold ${items.length} texts`);
    if (Array.isArray(options) && count(language.options) !== options.length) {
      problems.push(`languages.${lang}.options must hold ${options.length} labels`);
    }
    if (definition.followUp && count(language.followUp?.options) !== definition.followUp.options.length) {
      problems.push(`languages.${lang}.followUp must hold its text and ${definition.followUp.options.length} labels`);
    }
  }
  if (definition.safetyItem !== undefined && !(Array.isArray(items) && items.some((item) => item.id === definition.safetyItem))) {
    problems.push(`safetyItem "${String(definition.safetyItem)}" is not one of the items`);
  }
  if (Array.isArray(items) && items.length && typeof scoring === 'object' && scoring !== null) {
    problems.push(...scoringProblems(scoring, items.length));
  }
  return problems;
}

const isInteger = (value: unknown): value is number => Number.isInteger(value);
const span = (low: number, high: number): string => (low === high ? `${low}` : `${low}–${high}`);

/** The cut point, its range and the bands, against the totals the items can add up to. */
function scoringProblems(scoring: InstrumentScoring, count: number): string[] {
  if (scoring.kind === 'safety-trigger') return [];
  const problems: string[] = [];
  let low = 0;
  let high = count;
  if (scoring.kind !== 'count-yes') {
    const { itemMin, itemMax } = scoring;
    if (!isInteger(itemMin) || !isInteger(itemMax) || itemMin >= itemMax) {
      return ['scoring.itemMin and scoring.itemMax must be whole numbers, itemMin below itemMax'];
    }
    low = count * itemMin;
    high = count * itemMax;
  }
  const { cutPoint, cutPointRange } = scoring;
  if (!isInteger(cutPoint) || cutPoint < low || cutPoint > high) {
    problems.push(`scoring.cutPoint must be a whole number from ${low} to ${high}, the possible scores`);
  }
  if (cutPointRange !== undefined) {
    const [from, to] = Array.isArray(cutPointRange) ? cutPointRange : [];
    if (
      !Array.isArray(cutPointRange) ||
      cutPointRange.length !== 2 ||
      !isInteger(from) ||
      !isInteger(to) ||
      from > to ||
      from < low ||
      to > high
    ) {
      problems.push(`scoring.cutPointRange must be two whole numbers, lowest first, from ${low} to ${high}`);
    } else if (isInteger(cutPoint) && (cutPoint < from || cutPoint > to)) {
      problems.push(`scoring.cutPoint ${cutPoint} must lie in its own scoring.cutPointRange ${span(from, to)}`);
    }
  }
  if (scoring.kind === 'sum-bands') problems.push(...bandProblems(scoring.bands, low, high));
  return problems;
}

/** Each total from `low` to `high` falls in exactly one band: no gaps, no overlaps, none outside. */
function bandProblems(bands: readonly ScoreBand[], low: number, high: number): string[] {
  if (!Array.isArray(bands) || bands.length === 0) return [`scoring.bands must cover every total from ${low} to ${high}`];
  const problems: string[] = [];
  const valid = bands.filter((band, index) => {
    const ok = typeof band?.id === 'string' && band.id !== '' && isInteger(band.min) && isInteger(band.max) && band.min <= band.max;
    if (!ok) problems.push(`scoring.bands[${index}] needs an id and whole-number min and max, min not above max`);
    return ok;
  });
  const ids = valid.map((band) => band.id);
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) {
    problems.push(`scoring.bands: the band id "${id}" is used twice`);
  }
  for (const band of valid) {
    if (band.min < low || band.max > high) {
      problems.push(`scoring.bands: band "${band.id}" (${span(band.min, band.max)}) goes outside the possible totals ${low}–${high}`);
    }
  }
  // Walk the totals once; a run of totals no band covers, or that the same bands all cover, is one problem.
  let run: { from: number; key: string } | undefined;
  for (let total = low; total <= high + 1; total++) {
    const covering = total > high ? [] : valid.filter((band) => band.min <= total && total <= band.max).map((band) => `"${band.id}"`);
    const key = total > high ? 'end' : covering.length === 1 ? 'one' : covering.join(' and ');
    if (run && run.key !== key) {
      const totals = span(run.from, total - 1);
      if (run.key === '') problems.push(`scoring.bands: no band covers the total${run.from === total - 1 ? '' : 's'} ${totals}`);
      else if (run.key !== 'one') problems.push(`scoring.bands: ${run.key} overlap at ${totals}`);
      run = undefined;
    }
    run ??= { from: total, key };
  }
  return problems;
}
