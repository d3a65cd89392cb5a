// The component reference (Storybook, `pnpm build-storybook`) has a Docs page per tag only when a
// stories file names the tag as its `component`: README.md promises one for every widget. The tags
// come from createManifest(), the analysis that writes dist/custom-elements.json and that
// .storybook/main.ts serves to the Docs pages, run here on the sources so no build is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createManifest } from '../scripts/manifest.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const STORIES = join(ROOT, 'stories');

/** `component: 'hearth-…'` of each stories file's meta (the docs description's `component:` is prose). */
function storyComponents(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(STORIES).filter((f) => f.endsWith('.stories.ts'))) {
    for (const [, tag] of readFileSync(join(STORIES, file), 'utf8').matchAll(/^\s*component:\s*['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]/gm))
      found.set(tag!, file);
  }
  return found;
}

test('every tag of the custom elements manifest has a stories file, so a Docs page', async () => {
  const manifest = (await createManifest()) as { modules: { declarations?: { tagName?: string }[] }[] };
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : [])));
  assert.ok(tags.includes('hearth-faq') && tags.includes('hearth-provider'), `manifest tags: ${tags.join(', ')}`);
  const stories = storyComponents();
  assert.deepEqual(
    tags.filter((tag) => !stories.has(tag)),
    [],
    'tags without a stories/*.stories.ts whose meta has `component: <tag>`',
  );
  assert.deepEqual(
    [...stories].filter(([tag]) => !tags.includes(tag)).map(([tag, file]) => `${file}: ${tag}`),
    [],
    'stories naming a tag the manifest does not have',
  );
});
