import type { Page } from '../flow.js';
import type { InstrumentDefinition } from '../instruments/types.js';

/** An instrument that brings its own words (PHQ-9, a partner's GAD-7), not the PTSD translation files. */
export function ownWords(definition: InstrumentDefinition): boolean {
  return Object.values(definition.languages ?? {}).some((language) => language.items !== undefined);
}

/** The key (under `errors.`) of the message of a page's unanswered question. */
export function errorMessageKey(page: Page, definition: InstrumentDefinition): string {
  if (page.kind === 'gate') return 'exposure';
  if (page.kind === 'item') {
    if (page.safety) return 'safety';
    // Yes/no items ask for yes or no; rated items for how much or how often.
    return typeof definition.options[0]?.value === 'boolean' ? 'pcPtsd5' : definition.id === 'pcl-5' ? 'pcl5' : 'item';
  }
  if (page.kind === 'follow-up') return 'followUp';
  // The built-in therapy question is about trauma-focused therapy (PTSD); an instrument that brings
  // its own words gets the general one.
  if (page.kind === 'therapy' && ownWords(definition)) return 'therapyGeneral';
  return page.kind;
}
