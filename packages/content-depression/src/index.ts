/**
 * @hearth/content-depression: a patient guide and an FAQ on treatment-resistant depression and
 * ketamine or esketamine care, in English and Spanish; its default instrument is the PHQ-9.
 * The pack is data (content/ Markdown and manifest.json); `hearth-content compile` turns it into
 * src/generated/. Importing this module registers the pack as `depression`
 * (`content="depression"` on the guide, the FAQ and the assessment); each document and language
 * loads on demand, so registering costs only the manifest.
 *
 * @module
 */
import { registerContentPack, type CompiledFaq, type CompiledGuide } from '@hearth/content';
import { pack } from './generated/pack.js';

/** The registered pack (`contentPack('depression')`). */
export const depressionPack = registerContentPack(pack);

/** The guide in `lang` (English for any language the pack does not have). */
export const loadGuide = (lang: string): Promise<CompiledGuide> => pack.guide!(lang);

/** The FAQ in `lang` (English for any language the pack does not have). */
export const loadFaq = (lang: string): Promise<CompiledFaq> => pack.faq!(lang);
