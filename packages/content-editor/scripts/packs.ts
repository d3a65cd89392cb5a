/**
 * The content packs the editor offers, found on disk (every `packages/<dir>/manifest.json` that the
 * content checker accepts), and the Decap configuration made from them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_FOLDER, packEntries, readManifest, type DocKind } from '@hearth/content/check';
import type { ContentLang } from '@hearth/content';

export interface PackFile {
  kind: DocKind;
  /** File name inside `content/<lang>/`, e.g. `faq.md`. */
  file: string;
  /** Decap's name for it: the file name without `.md` (Decap puts the locale folder before it). */
  name: string;
}

export interface EditablePack {
  id: string;
  title: string;
  /** Folder under the root, with forward slashes: `packages/content-ptsd`. */
  dir: string;
  languages: readonly ContentLang[];
  files: PackFile[];
}

/** Every content pack under `<root>/packages/`, in folder order. A pack whose manifest is invalid is left out. */
export function discoverPacks(root: string): EditablePack[] {
  const packagesDir = join(root, 'packages');
  if (!existsSync(packagesDir)) return [];
  const packs: EditablePack[] = [];
  for (const folder of readdirSync(packagesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!folder.isDirectory() || !existsSync(join(packagesDir, folder.name, 'manifest.json'))) continue;
    const { manifest } = readManifest(join(packagesDir, folder.name));
    if (!manifest) continue;
    const files = packEntries(manifest).map(([kind, entry]) => ({ kind, file: entry.file, name: entry.file.replace(/\.md$/, '') }));
    if (!files.length) continue;
    packs.push({ id: manifest.id, title: manifest.title, dir: `packages/${folder.name}`, languages: manifest.languages, files });
  }
  return packs;
}

/** `packages/content-ptsd/content/es/faq.md` */
export const contentPath = (pack: EditablePack, lang: string, file: PackFile): string =>
  `${pack.dir}/${CONTENT_FOLDER}/${lang}/${file.file}`;

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish' };

/** The same form for every guide and FAQ; each field is translated (every language has its own front matter). */
function fields() {
  const t = { i18n: true };
  return [
    {
      ...t,
      name: 'title',
      label: 'Title',
      widget: 'hearth-string',
      hint: 'Shown to search engines and in the page title. At most 120 characters.',
    },
    {
      ...t,
      name: 'description',
      label: 'Description',
      widget: 'hearth-text',
      hint: 'One or two sentences for search engines and link previews (20 to 300 characters).',
    },
    { ...t, name: 'lang', label: 'Language', widget: 'hidden' },
    {
      ...t,
      name: 'lastReviewed',
      label: 'Last reviewed',
      widget: 'hearth-datetime',
      format: 'YYYY-MM-DD',
      date_format: 'YYYY-MM-DD',
      time_format: false,
      picker_utc: true,
      hint: 'The day a reviewer last read this text in full.',
    },
    {
      ...t,
      name: 'reviewer',
      label: 'Reviewer',
      widget: 'hearth-object',
      collapsed: false,
      fields: [
        { ...t, name: 'name', label: 'Name', widget: 'string' },
        {
          ...t,
          name: 'credentials',
          label: 'Credential',
          widget: 'string',
          required: false,
          hint: 'For a clinician only, e.g. "MD" or "PsyD".',
        },
      ],
    },
    {
      ...t,
      name: 'sources',
      label: 'Sources',
      label_singular: 'source',
      widget: 'hearth-list',
      summary: '{{fields.id}}: {{fields.title}}',
      collapsed: true,
      fields: [
        {
          ...t,
          name: 'id',
          label: 'Short id',
          widget: 'string',
          pattern: ['^[a-z0-9]+(-[a-z0-9]+)*$', 'lower-case-with-dashes, e.g. feder-2021'],
        },
        { ...t, name: 'title', label: 'Citation', widget: 'text' },
        { ...t, name: 'url', label: 'Link', widget: 'string', pattern: ['^https://', 'a link starting with https://'] },
      ],
    },
    {
      ...t,
      name: 'body',
      label: 'Text (Markdown)',
      widget: 'hearth-body',
      hint: 'Each section, or each question of an FAQ, starts with a line like ## Is it legal? {#is-it-legal}. Keep the id in braces the same in every language.',
    },
  ];
}

/** Decap's configuration: one folder collection per pack (its guide and FAQ), each language side by side. */
export function decapConfig(packs: EditablePack[], apiUrl: string) {
  const languages = [...new Set(packs.flatMap((p) => p.languages))];
  return {
    load_config_file: false,
    backend: { name: 'proxy', proxy_url: apiUrl, branch: 'main' },
    // Images are https:// links in the text (the checker refuses local files): nothing is uploaded.
    media_folder: '.content-editor-media',
    show_preview_links: false,
    // Decap keeps files collections to one file for every language, so each pack is a folder
    // collection over content/<lang>/*.md, the packs' own layout.
    i18n: { structure: 'multiple_folders', locales: languages.length ? languages : ['en'], default_locale: languages[0] ?? 'en' },
    collections: packs.map((pack) => ({
      name: pack.id,
      label: pack.title,
      label_singular: 'document',
      description: `The guide and FAQ of the "${pack.id}" content pack (${pack.dir}).`,
      folder: `${pack.dir}/${CONTENT_FOLDER}`,
      create: false,
      delete: false,
      format: 'hearth-markdown',
      extension: 'md',
      identifier_field: 'title',
      summary: '{{title}} ({{filename}}.{{extension}})',
      sortable_fields: [],
      i18n: { structure: 'multiple_folders', locales: [...pack.languages], default_locale: pack.languages[0] },
      editor: { preview: true },
      fields: fields(),
    })),
  };
}
