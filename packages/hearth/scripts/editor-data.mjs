// Editor data generated from custom-elements.json, so that tags, attributes and their docs
// complete in the editors partners use:
//   dist/vscode.html-custom-data.json   VS Code (`"html.customData": ["./node_modules/@hearth/embed/dist/vscode.html-custom-data.json"]`)
//   dist/web-types.json                 JetBrains IDEs (WebStorm reads the package's "web-types" field)
// Usage: node scripts/editor-data.mjs   (after scripts/build.mjs wrote dist/custom-elements.json)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPOSITORY } from '../../../scripts/publishing.mjs';

const PKG = resolve(import.meta.dirname, '..');
const DIST = join(PKG, 'dist');

/** The custom element declarations of a manifest, with their tag. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).map((d) => ({ ...d, module: mod.path })))
    .filter((d) => d.customElement && d.tagName);
}

const text = (...parts) =>
  parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join('\n\n');

/** `"a" | "b"` attribute types as a list of values an editor can offer. */
function valuesOf(type) {
  const values = [...(type?.text ?? '').matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  return values.length && /^(\s*('[^']*'|"[^"]*")\s*\|?)+$/.test(type.text) ? values : undefined;
}

/** The package folder of an element's module (`packages/faq/src/…` → `faq`), for its README link. */
const packageOf = (module) => /^packages\/([^/]+)\//.exec(module)?.[1];
const readme = (module) => `${REPOSITORY}/tree/main/packages/${packageOf(module)}#readme`;

/** VS Code's HTML custom data (version 1.1). */
export function vscodeCustomData(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((el) => ({
      name: el.tagName,
      description: text(
        el.summary,
        el.description,
        el.events?.length ? `Events: ${el.events.map((e) => `\`${e.name}\``).join(', ')}` : '',
        el.cssParts?.length ? `CSS parts: ${el.cssParts.map((p) => `\`${p.name}\``).join(', ')}` : '',
      ),
      attributes: (el.attributes ?? []).map((a) => {
        const values = valuesOf(a.type);
        return {
          name: a.name,
          description: text(a.description, a.default !== undefined ? `Default: \`${a.default}\`` : ''),
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
          ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
      references: packageOf(el.module) ? [{ name: 'README', url: readme(el.module) }] : [],
    })),
  };
}

/** JetBrains web-types (https://github.com/JetBrains/web-types). */
export function webTypes(manifest, { name, version }) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name,
    version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((el) => ({
          name: el.tagName,
          description: text(el.summary, el.description),
          ...(packageOf(el.module) ? { 'doc-url': readme(el.module) } : {}),
          attributes: (el.attributes ?? []).map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default !== undefined ? { default: a.default } : {}),
            value: valuesOf(a.type)
              ? { kind: 'plain', type: a.type.text }
              : { kind: a.type?.text === 'boolean' ? 'no-value' : 'plain', type: a.type?.text ?? 'string' },
          })),
          events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description })),
          slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description })),
          css: {
            parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description })),
            properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description })),
          },
        })),
      },
    },
  };
}

/** Every manifest entry a partner relies on that has no description: `tag kind name`. */
export function undocumented(manifest) {
  const missing = [];
  for (const el of elementsOf(manifest)) {
    if (!text(el.summary, el.description)) missing.push(`<${el.tagName}>: no summary`);
    for (const kind of ['attributes', 'events', 'cssParts', 'cssProperties', 'slots']) {
      for (const entry of el[kind] ?? [])
        if (!entry.description?.trim()) missing.push(`<${el.tagName}> ${kind} ${entry.name || '(default)'}`);
    }
  }
  return missing;
}

export function writeEditorData(dist = DIST) {
  const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  const missing = undocumented(manifest);
  if (missing.length) throw new Error(`[hearth editor data] describe these in the widgets' JSDoc:\n  - ${missing.join('\n  - ')}`);
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  writeFileSync(join(dist, 'vscode.html-custom-data.json'), `${JSON.stringify(vscodeCustomData(manifest), null, 2)}\n`);
  writeFileSync(join(dist, 'web-types.json'), `${JSON.stringify(webTypes(manifest, pkg), null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    writeEditorData();
    console.log('[hearth] wrote dist/vscode.html-custom-data.json, dist/web-types.json');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
