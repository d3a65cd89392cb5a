#!/usr/bin/env node
// Writes jsx/index.d.ts, the React 19 JSX types of every Hearth element (`@hearth/embed/jsx`),
// from dist/custom-elements.json: each tag's public properties (typed by its class) and the
// events it documents (typed by HearthEventDetailMap). The package's build runs it after the
// manifest is written; the file is committed, so an app type-checks without building Hearth.
// Usage: node jsx/generate.mjs [--check]   (--check: fail when the file is stale, write nothing)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PKG = resolve(import.meta.dirname, '..');
const PACKAGES = resolve(PKG, '..');
const OUT = join(PKG, 'jsx/index.d.ts');

/** `@hearth/faq` for `packages/faq/src/hearth-faq.ts`. */
function packageOf(modulePath) {
  const dir = /^packages\/([^/]+)\//.exec(modulePath)?.[1];
  if (!dir) throw new Error(`[hearth jsx] cannot tell the package of ${modulePath}`);
  return JSON.parse(readFileSync(join(PACKAGES, dir, 'package.json'), 'utf8')).name;
}

/** A JSDoc line from a manifest description (one line, no comment terminator). */
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\s+/g, ' ').replaceAll('*/', '*\\/').trim()} */\n` : '');

/** The summary's first sentence: the full text is in custom-elements.json and the README. */
const firstSentence = (text) => /^.*?[.!?](?=\s|$)/s.exec(text.trim())?.[0] ?? text;

/** Settable public properties: instance fields, neither static, readonly, private nor protected. */
function properties(declaration) {
  return (declaration.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && !m.readonly && m.privacy !== 'private' && m.privacy !== 'protected')
    .map((m) => m.name)
    .filter((name, i, all) => !name.startsWith('_') && !name.startsWith('#') && all.indexOf(name) === i);
}

/** The text of jsx/index.d.ts for `manifest` (custom-elements.json). */
export function jsxTypes(manifest) {
  const elements = manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).map((d) => ({ ...d, path: mod.path })))
    .filter((d) => d.tagName && d.name)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const imports = new Map([['@hearth/core', new Set(['HearthEventDetailMap'])]]);
  for (const e of elements) {
    const pkg = packageOf(e.path);
    if (!imports.has(pkg)) imports.set(pkg, new Set());
    imports.get(pkg).add(e.name);
  }
  const importLines = [...imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([pkg, names]) => `import type { ${[...names].sort().join(', ')} } from '${pkg}';`);

  const propsTypes = elements.map((e) => {
    const props = properties(e);
    const pick = props.length ? `Partial<Pick<${e.name}, ${props.map((p) => `'${p}'`).join(' | ')}>>` : '{}';
    const events = (e.events ?? [])
      .filter((ev) => ev.name)
      .map((ev) => `${doc(ev.description, '  ')}  'on${ev.name}'?: (event: HearthJsxEvent<'${ev.name}'>) => void;\n`)
      .join('');
    return `${doc(`\`<${e.tagName}>\`${e.summary ? `: ${firstSentence(e.summary)}` : ''}`, '')}export type ${e.name}JsxProps = HearthJsxBase<${e.name}> &\n  ${pick} & {\n${events}};\n`;
  });

  return `// Generated from custom-elements.json by packages/hearth/jsx/generate.mjs (the build runs it): do not edit.
/**
 * JSX types of the Hearth elements for React 19: \`import type {} from '@hearth/embed/jsx';\` once
 * in the app. React 19 sets a custom element's known properties as properties (objects too, so
 * \`config={{ … }}\` on \`<hearth-provider>\` passes an object) and listens to \`on<event-name>\` props
 * by that exact event name (\`onhearth-lead-submitted\`). Each element takes its own properties,
 * typed by its class, and the events it documents; every Hearth event bubbles and is composed, so
 * any Hearth element also takes a handler for any Hearth event of the elements inside it.
 */
import type { DOMAttributes, HTMLAttributes, ReactNode, RefAttributes } from 'react';
${importLines.join('\n')}

/** The event a handler receives: a CustomEvent whose \`detail\` is typed for Hearth's events. */
export type HearthJsxEvent<K extends string> = K extends keyof HearthEventDetailMap ? CustomEvent<HearthEventDetailMap[K]> : CustomEvent<unknown>;

/** A handler for every Hearth event (they bubble and are composed): \`onhearth-lead-submitted\`… */
export type HearthJsxEventProps = {
  [K in keyof HearthEventDetailMap as \`on\${K}\`]?: (event: CustomEvent<HearthEventDetailMap[K]>) => void;
};

/** What every Hearth element takes: React's HTML attributes, a few DOM handlers, ref, children. */
export type HearthJsxBase<E extends HTMLElement> = Omit<HTMLAttributes<E>, keyof DOMAttributes<E>> &
  Pick<DOMAttributes<E>, 'onClick' | 'onFocus' | 'onBlur' | 'onKeyDown' | 'onKeyUp'> &
  RefAttributes<E> &
  HearthJsxEventProps & { children?: ReactNode };

${propsTypes.join('\n')}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      '${e.tagName}': ${e.name}JsxProps;`).join('\n')}
    }
  }
}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(join(PKG, 'dist/custom-elements.json'), 'utf8'));
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  const text = await prettier.format(jsxTypes(manifest), { ...options, filepath: OUT });
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error('packages/hearth/jsx/index.d.ts is stale: run node packages/hearth/jsx/generate.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}
