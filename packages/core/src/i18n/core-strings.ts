import en from '../translations/en.json' with { type: 'json' };
import { registerTranslations } from './localize.js';

registerTranslations('core', en, { es: () => import('../translations/es.json', { with: { type: 'json' } }) });
