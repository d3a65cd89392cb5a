/**
 * @hearth/content-ptsd: the default content pack, a patient guide and an FAQ on PTSD and
 * ketamine-assisted therapy in English and Spanish. The pack is data (content/ Markdown and
 * manifest.json); `hearth-content compile` turns it into src/generated/. Importing this module
 * registers the pack as `ptsd`; each document and language loads on demand, so registering costs
 * only the manifest.
 *
 * @module
 */
import { registerContentPack, type CompiledFaq, type CompiledGuide, type ContentLang } from '@hearth/content';
import { pack } from './generated/pack.js';

/** The registered pack (`contentPack('ptsd')`). */
export const ptsdPack = registerContentPack(pack);

/** Languages the pack is written in. */
export const CONTENT_LANGS: readonly ContentLang[] = pack.manifest.languages;

/** The guide in `lang` (English for any language the pack does not have). */
export const loadGuide = (lang: string): Promise<CompiledGuide> => pack.guide!(lang);

/** The FAQ in `lang` (English for any language the pack does not have). */
export const loadFaq = (lang: string): Promise<CompiledFaq> => pack.faq!(lang);
