// custom-elements.json, from the widgets' JSDoc (@summary @slot @event @csspart @cssproperty)
// and their Lit `static properties`, by @custom-elements-manifest/analyzer. Editors (VS Code's
// custom data, JetBrains, Storybook's autodocs) read it to complete tags, attributes and parts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { ROOT, discoverWidgets } from './widgets.mjs';

const posix = (path) => path.split('\\').join('/');

/** The files to analyse: every element's module, and the base class their members come from. */
function globsFor(widgets) {
  const files = new Set([join(ROOT, 'packages/core/src/hearth-element.ts')]);
  for (const w of widgets) for (const e of [...w.elements, ...w.onDemand]) files.add(e.file);
  return [...files].map((f) => posix(relative(ROOT, f)));
}

/** Names declared `{ state: true }` in a class's `static properties`. */
function internalState(file) {
  const source = readFileSync(file, 'utf8');
  return new Set([...source.matchAll(/^\s*([A-Za-z_$][\w$]*)\s*:\s*\{[^}\n]*\bstate\s*:\s*true\b/gm)].map((m) => m[1]));
}

/**
 * Analyses the widget packages and returns the manifest. Tags are registered with
 * `HearthX.define('hearth-x')` (not `customElements.define`), which the analyzer does not
 * follow, so the tag names and definitions come from the same discovery the build uses.
 */
export async function createManifest(widgets = discoverWidgets()) {
  const globs = globsFor(widgets);
  const config = posix(relative(ROOT, join(import.meta.dirname, '../custom-elements-manifest.config.mjs')));
  const manifest = await cli({ argv: ['analyze', '--quiet', '--config', config, '--globs', ...globs], cwd: ROOT, noWrite: true });
  for (const w of widgets) {
    for (const e of [...w.elements, ...w.onDemand]) {
      const path = posix(relative(ROOT, e.file));
      const mod = manifest.modules.find((m) => m.path === path);
      const declaration = mod?.declarations?.find((d) => d.name === e.className);
      if (!mod || !declaration) throw new Error(`[hearth manifest] ${e.className} not found in ${path}`);
      declaration.tagName = e.tag;
      declaration.customElement = true;
      mod.exports ??= [];
      if (!mod.exports.some((x) => x.kind === 'custom-element-definition' && x.name === e.tag)) {
        mod.exports.push({ kind: 'custom-element-definition', name: e.tag, declaration: { name: e.className, module: path } });
      }
      // Lit's internal state (`{ state: true }`) is neither an attribute nor public API; the
      // analyzer lists it as both when `static properties` spreads the base class's.
      const state = internalState(e.file);
      declaration.attributes = (declaration.attributes ?? []).filter((a) => !state.has(a.fieldName ?? a.name));
      declaration.members = (declaration.members ?? []).filter(
        (m) =>
          !(
            state.has(m.name) ||
            m.privacy === 'private' ||
            m.privacy === 'protected' ||
            m.name?.startsWith('#') ||
            m.name?.startsWith('_')
          ),
      );
    }
  }
  return manifest;
}

export async function writeManifest(dist, widgets) {
  const manifest = await createManifest(widgets);
  writeFileSync(join(dist, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
