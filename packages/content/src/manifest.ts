/**
 * @hearth/content/manifest: the zod schema of a content pack's `manifest.json`. It runs where
 * packs are checked and compiled (`hearth-content`, Node), never in a page: the widgets read the
 * compiled manifest the pack registers.
 *
 * @module
 */
import * as z from 'zod';
import type { ContentPackManifest } from './types.js';

const id = (what: string) => z.string({ error: `${what} (text)` }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} in lower-case-with-dashes`);

const EntrySchema = z.strictObject({
  file: z
    .string({ error: 'a file name such as "guide.md"' })
    .regex(/^[a-z0-9][a-z0-9-]*\.md$/, 'a file name such as "guide.md" (lower case, .md, no folder)'),
  requiredSections: z.array(id('a section id'), { error: 'a list of section ids' }),
  requiredLink: z
    .string({ error: 'a link target such as "#hearth-assessment"' })
    .regex(/^#[A-Za-z][\w-]*$/, 'a #anchor such as "#hearth-assessment"')
    .optional(),
});

export const ContentPackManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: id('a pack id'),
    title: z.string({ error: 'a title (text)' }).trim().min(1, 'a title, not empty'),
    languages: z
      .array(z.enum(['en', 'es'], { error: '"en" or "es" (the languages the widgets speak)' }), { error: 'a list of languages' })
      .min(1, 'at least one language')
      .refine((langs) => new Set(langs).size === langs.length, 'each language once'),
    guide: EntrySchema.optional(),
    faq: EntrySchema.optional(),
    reviewer: z.strictObject(
      {
        name: z.string({ error: "the reviewer's name" }).trim().min(1, "the reviewer's name, not empty").max(120),
        credentials: z.string({ error: 'credentials such as "MD" (text)' }).trim().min(1).max(80).optional(),
      },
      { error: 'a reviewer with a name (and credentials only for a clinician)' },
    ),
    defaultInstrument: id('an instrument id').optional(),
    reviewItems: z.array(id('a review item id'), { error: 'a list of review item ids' }).optional(),
  })
  .refine((manifest) => manifest.guide || manifest.faq, 'a "guide" or a "faq" entry (or both)');

/** What `ContentPackManifestSchema` accepts, minus the editor-only `$schema` hint. */
type ParsedManifest = Omit<z.output<typeof ContentPackManifestSchema>, '$schema'>;
// The runtime type (types.ts) and the schema must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<ParsedManifest, ContentPackManifest> = true;
void sameShape;

export type { ContentPackManifest };

/** Problems with a manifest, as `field: expected …` lines. */
export function manifestProblems(value: unknown): { path: string; message: string }[] {
  const result = ContentPackManifestSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(manifest)',
    message:
      issue.code === 'invalid_type' && issue.input === undefined
        ? `${issue.message} (it is missing)`
        : issue.code === 'unrecognized_keys'
          ? `${issue.message}`
          : issue.message,
  }));
}

/** Parses a manifest; throws an Error listing every problem. */
export function parseManifest(value: unknown, where = 'manifest.json'): ContentPackManifest {
  const result = ContentPackManifestSchema.safeParse(value);
  if (!result.success) {
    const lines = manifestProblems(value).map((p) => `${where}: field "${p.path}": expected ${p.message}`);
    throw new Error(lines.join('\n'));
  }
  const { $schema: _ignored, ...manifest } = result.data;
  return manifest;
}
