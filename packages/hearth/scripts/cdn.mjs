#!/usr/bin/env node
// The versioned CDN folder: dist/cdn/hearth@<version>/ at the repository root (a deploy artifact,
// not part of the npm tarball), written after `scripts/build.mjs` from packages/hearth/dist:
//   hearth.js, hearth.all.js, chunks/*.js   the built files without their source-map comments
//                                           (the maps are not published, so no URL may name one)
//   config.schema.json                      the config JSON Schema (@hearth/core/config.schema.json)
//   custom-elements.json, THIRD-PARTY-LICENSES.txt
//   snippet.html, snippet.all.html          what a page pastes: an import map that pins every chunk
//                                           by hash, and the script tag with integrity + crossorigin
//   sri.json                                the sha384 of every file above, and the CSP of the snippets
//
// Every URL in the folder is versioned (the folder) or content-hashed (chunks/name-<hash>.js), so
// a deploy adds a folder and never changes a published file: a loader cached from an earlier
// release keeps finding its own chunks. Other versions' folders under dist/cdn are left alone.
//
// Usage: node scripts/cdn.mjs [--base https://cdn.clinic.example/]   (HEARTH_CDN_BASE works too)
// The base is where dist/cdn/ is served; the snippets' URLs (and so their hashes) depend on it.
// Default "/": dist/cdn/ served at the root of the site that shows the widgets.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAPPED_FILE, withoutMapComments } from '../../../scripts/publishing.mjs';

const PKG = resolve(import.meta.dirname, '..');
const ROOT = resolve(PKG, '../..');
export const DIST = join(PKG, 'dist');
export const CDN_ROOT = join(ROOT, 'dist/cdn');

const posix = (path) => path.split('\\').join('/');

export function packageVersion() {
  return JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version;
}

/** `sha384-<base64>` of some bytes, as `integrity` and CSP hash sources write it. */
export function sriHash(bytes, algorithm = 'sha384') {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

/** The files of the folder, relative paths → where they come from. */
function sources(dist) {
  const files = new Map([
    ['hearth.js', join(dist, 'hearth.js')],
    ['hearth.all.js', join(dist, 'hearth.all.js')],
    ['custom-elements.json', join(dist, 'custom-elements.json')],
    ['THIRD-PARTY-LICENSES.txt', join(dist, 'THIRD-PARTY-LICENSES.txt')],
    ['config.schema.json', join(ROOT, 'packages/core/config.schema.json')],
  ]);
  for (const name of readdirSync(join(dist, 'chunks')).sort()) {
    if (name.endsWith('.js')) files.set(`chunks/${name}`, join(dist, 'chunks', name));
  }
  for (const [name, path] of files) if (!existsSync(path)) throw new Error(`[hearth cdn] ${name}: ${path} is missing; build first`);
  return files;
}

/** Relative imports (`import("./x.js")`, `from "./x.js"`) in a built file: what the browser will fetch next to it. */
export function relativeImports(code) {
  const found = new Set();
  for (const m of code.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)(["'`])(\.{1,2}\/[^"'`]+?\.js)\1/g)) found.add(m[2]);
  return [...found];
}

/**
 * The snippet a page pastes. The import map's `integrity` pins every chunk, so a chunk the loader
 * (or the all-in-one file) imports later is checked as the loader itself is; the map must come
 * before the first module script that loads Hearth.
 */
export function snippets({ version, base, files }) {
  const folder = `${base}hearth@${version}/`;
  const chunks = Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.startsWith('chunks/'))
      .map(([name, hash]) => [`${folder}${name}`, hash]),
  );
  const importMap = `\n${JSON.stringify({ integrity: chunks }, null, 2)}\n`;
  const attrs = (file) => `src="${folder}${file}" integrity="${files[file]}" crossorigin="anonymous"`;
  const loader = `<script type="module" ${attrs('hearth.js')} data-endpoint="https://leads.clinic.example/leads"></script>`;
  const all = `<script ${attrs('hearth.all.js')} data-endpoint="https://leads.clinic.example/leads"></script>`;
  // Hashes only: no origin, no 'self', no nonce. Chromium admits a chunk by its hash when the import
  // map gives its integrity, so nothing runs whose bytes the page did not pin.
  const chunkHashes = Object.values(chunks).map((hash) => `'${hash}'`);
  const csp = (file) =>
    `script-src '${sriHash(importMap, 'sha256')}' '${files[file]}' ${chunkHashes.join(' ')}; object-src 'none'; base-uri 'none'`;
  const page = (script) => `<!-- Hearth ${version}: every file pinned by its sha384 (sri.json). Paste into <head>, import map first,
     and set data-endpoint to your lead endpoint. sri.json gives a Content-Security-Policy that admits
     exactly these scripts by hash. -->
<script type="importmap">${importMap}</script>
${script}
`;
  return {
    'snippet.html': page(loader),
    'snippet.all.html': page(all),
    importMap,
    csp: { 'snippet.html': csp('hearth.js'), 'snippet.all.html': csp('hearth.all.js') },
  };
}

/**
 * Writes `<out>/hearth@<version>/` from a built dist/. Returns the folder and the sri.json object.
 * The current version's folder is written afresh; any other folder under `out` is kept.
 */
export function writeCdn({ dist = DIST, out = CDN_ROOT, version = packageVersion(), base = '/' } = {}) {
  if (!base.endsWith('/')) base += '/';
  const folder = join(out, `hearth@${version}`);
  rmSync(folder, { recursive: true, force: true });
  const files = {};
  for (const [name, source] of sources(dist)) {
    const target = join(folder, name);
    mkdirSync(dirname(target), { recursive: true });
    // Hashed after the comment is gone: sri.json and the snippets pin the bytes that are served.
    const bytes = readFileSync(source);
    writeFileSync(target, MAPPED_FILE.test(name) ? withoutMapComments(bytes.toString('utf8')) : bytes);
    files[name] = sriHash(readFileSync(target));
  }
  // Every import of a shipped script must be a file of this folder (a chunk left behind would
  // break the loader only on the CDN, and only for the people who need that chunk).
  for (const name of Object.keys(files).filter((f) => f.endsWith('.js'))) {
    for (const spec of relativeImports(readFileSync(join(folder, name), 'utf8'))) {
      const target = posix(relative(folder, resolve(dirname(join(folder, name)), spec)));
      if (!(target in files)) throw new Error(`[hearth cdn] ${name} imports ${spec}, which is not in the folder`);
    }
  }
  const snippet = snippets({ version, base, files });
  for (const name of ['snippet.html', 'snippet.all.html']) {
    writeFileSync(join(folder, name), snippet[name]);
    files[name] = sriHash(readFileSync(join(folder, name)));
  }
  const sri = { version, algorithm: 'sha384', base, files, csp: snippet.csp };
  writeFileSync(join(folder, 'sri.json'), `${JSON.stringify(sri, null, 2)}\n`);
  return { folder, sri };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const i = process.argv.indexOf('--base');
    const base = i > 0 ? process.argv[i + 1] : (process.env.HEARTH_CDN_BASE ?? '/');
    const { folder, sri } = writeCdn({ base });
    console.log(`[hearth] wrote ${posix(relative(ROOT, folder))}/ (${Object.keys(sri.files).length} files and sri.json)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
