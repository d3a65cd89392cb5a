import en from '../translations/en.json' with { type: 'json' };
import { registerTranslations } from './localize.js';

let registered = false;

/**
 * Registers core's own strings (error surface, crisis lines, lead status). Called, not imported
 * for its side effect: the package is `sideEffects: false`, so a bare import would be dropped by
 * bundlers and every widget would show raw keys instead of the 988 crisis line.
 */
export function registerCoreStrings(): void {
  if (registered) return;
  registered = true;
  registerTranslations('core', en, { es: () => import('../translations/es.json', { with: { type: 'json' } }) });
}
