import type { InstrumentDefinition, InstrumentLanguage, TranslationStatus } from './types.js';

/**
 * The words of an instrument in one language, wherever they live: inline in the definition
 * (`languages[lang]`, a JSON definition) or in the translation files (the `…Key` fields of the
 * built-ins, read with `t`). A definition without the language falls back to English, and says
 * so (`lang`), so that the page can mark the question `lang="en"` and tell the person.
 */
export interface InstrumentWording {
  /** The language the wording is in (the page's, or `en` when the definition lacks it). */
  readonly lang: string;
  readonly status: TranslationStatus | undefined;
  readonly source: string | undefined;
  readonly inline: InstrumentLanguage | undefined;
  readonly stem: string;
  readonly instructions: string;
  readonly gate: string;
  item(index: number): string;
  option(index: number): string;
  readonly followUp: string;
  followUpOption(index: number): string;
  readonly notice: string;
}

export function instrumentWording(definition: InstrumentDefinition, lang: string, t: (key: string) => string): InstrumentWording {
  const languages = definition.languages ?? {};
  const wordingLang = languages[lang] ? lang : languages.en?.items ? 'en' : lang;
  const status = languages[wordingLang];
  const inline = status?.items ? status : undefined;
  const pick = (text: string | undefined, key: string | undefined): string => text ?? (key ? t(key) : '');
  return {
    lang: wordingLang,
    status: status?.status,
    source: status?.source,
    inline,
    stem: pick(inline?.stem, definition.stemKey),
    instructions: pick(inline?.instructions, definition.instructionsKey),
    gate: pick(inline?.gate, definition.gate?.textKey),
    item: (index) => pick(inline?.items?.[index], definition.items[index]?.textKey),
    option: (index) => pick(inline?.options?.[index], definition.options[index]?.labelKey),
    followUp: pick(inline?.followUp?.text, definition.followUp?.textKey),
    followUpOption: (index) => pick(inline?.followUp?.options[index], definition.followUp?.options[index]?.labelKey),
    notice: pick(inline?.notice, definition.noticeKey),
  };
}
