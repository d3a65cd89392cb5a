import * as z from 'zod';

/** Build-time rules for the front matter of every content file (full zod: this never ships). */
const today = () => new Date().toISOString().slice(0, 10);

export const FrontMatterSchema = z.strictObject({
  title: z.string({ error: 'a title (text)' }).trim().min(1, 'a title, not empty').max(120, 'a title of at most 120 characters'),
  description: z
    .string({ error: 'a description (text)' })
    .trim()
    .min(20, 'a description of at least 20 characters')
    .max(300, 'a description of at most 300 characters (search engines cut the rest)'),
  lang: z.enum(['en', 'es'], { error: '"en" or "es"' }),
  lastReviewed: z
    .string({ error: 'a date like 2026-11-20' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-20')
    .refine(
      (value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value),
      'a real calendar date like 2026-11-20',
    )
    .refine((value) => Number.isNaN(Date.parse(value)) || value <= today(), 'a date that is not in the future'),
  reviewer: z.strictObject(
    {
      name: z.string({ error: "the reviewer's name" }).trim().min(1, "the reviewer's name, not empty").max(120),
      credentials: z.string({ error: 'credentials such as "MD" (text)' }).trim().min(1).max(80).optional(),
    },
    { error: 'a reviewer with a name (and credentials only for a clinician)' },
  ),
  sources: z
    .array(
      z.strictObject({
        id: z.string({ error: 'an id' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id in lower-case-with-dashes'),
        title: z.string({ error: 'a title' }).trim().min(1, 'a title, not empty'),
        url: z.url({ protocol: /^https$/, error: 'an https:// URL' }),
      }),
      { error: 'a list of sources' },
    )
    .min(1, 'at least one source'),
});

export type ValidFrontMatter = z.output<typeof FrontMatterSchema>;
