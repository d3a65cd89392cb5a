import type { Page } from '../flow.js';

/** The key (under `errors.`) of the message of a page's unanswered question. */
export function errorMessageKey(page: Page): string {
  if (page.kind === 'pc-ptsd-5-item') return 'pcPtsd5';
  if (page.kind === 'pcl-5-item') return 'pcl5';
  return page.kind;
}
