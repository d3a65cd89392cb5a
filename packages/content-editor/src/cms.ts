/**
 * The content editor: Decap CMS with
 * - a file format that reads and writes content files as `hearth-content check` does (format.ts);
 * - form widgets that show the checker's messages under the field they are about (fields.ts);
 * - a preview that renders the entry with the real <hearth-guide>/<hearth-faq> (preview.ts);
 * - the checker on save: preSave asks the local server, and an invalid entry is not saved.
 */
import CMS from 'decap-cms-app';
import type { EditorProblem } from '../scripts/check-entry.js';
import { parseContentFile, serializeContentFile, type EntryData } from './format.js';
import { registerCheckedWidgets, setProblems } from './fields.js';
import { registerPreviews } from './preview.js';

/** What this file reads of Decap's Immutable.js entries. */
interface ImmutableMap<K, V> {
  get(key: K): V;
  getIn(path: unknown[]): unknown;
  toJS(): unknown;
}

export interface EditorConfig {
  collections: { name: string; folder: string; extension: string; i18n: { locales: string[]; default_locale: string } }[];
}

/** The files of one entry as they would be written: one per language. */
export function entryFiles(config: EditorConfig, entry: ImmutableMap<string, unknown>): { path: string; raw: string }[] {
  const collection = config.collections.find((c) => c.name === entry.get('collection'));
  if (!collection) return [];
  const { locales, default_locale: defaultLocale } = collection.i18n;
  return locales.flatMap((locale) => {
    const data = (locale === defaultLocale ? entry.get('data') : entry.getIn(['i18n', locale, 'data'])) as
      ImmutableMap<string, unknown> | undefined;
    if (!data) return [];
    // Decap's multiple_folders layout is the packs' own: <folder>/<locale>/<slug>.md.
    const path = `${collection.folder}/${locale}/${String(entry.get('slug'))}.${collection.extension}`;
    return [{ path, raw: serializeContentFile(data.toJS() as EntryData) }];
  });
}

async function start(): Promise<void> {
  const response = await fetch('/hearth/config.json', { cache: 'no-store' });
  const { decap: config, kinds } = (await response.json()) as { decap: EditorConfig; kinds: Record<string, 'guide' | 'faq'> };

  CMS.registerCustomFormat('hearth-markdown', 'md', {
    fromFile: parseContentFile,
    toFile: (data) => serializeContentFile(data as EntryData),
  });
  registerCheckedWidgets(CMS);
  registerPreviews(CMS, kinds);

  CMS.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }) => {
      const files = entryFiles(config, entry);
      let result: { ok: boolean; error?: string; problems: EditorProblem[] };
      try {
        const check = await fetch('/hearth/check', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ files }),
        });
        result = await check.json();
      } catch (error) {
        throw new Error(`Not saved: the content check could not run (${(error as Error).message}). Is pnpm content:edit still running?`, {
          cause: error,
        });
      }
      setProblems(result.problems);
      if (!result.ok) throw new Error(result.error ?? 'Not saved: the content check failed.');
      return undefined;
    },
  });

  CMS.init({ config: config as never });
}

void start();
