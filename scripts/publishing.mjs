// What every published package of the workspace carries, in one place: the scaffold
// (scripts/create-widget.mjs) writes it into a new package, and scripts/test/publishing.node.test.ts
// checks every package against it. The release steps: docs/semver-policy.md, "Making a release".
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * Where the project lives. The `.invalid` host is a placeholder (as in the config schema's $id):
 * set the public repository's address here before the first publish; every package follows.
 */
export const REPOSITORY = 'https://git.hearth.invalid/hearth/hearth';

/** The Node range of the workspace (root package.json), for the packages' `engines`. */
export function nodeRange(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
}

/** The publishing fields of the package in packages/<dir>/, in package.json's usual order. */
export function publishingFields(dir, root = ROOT) {
  return {
    repository: { type: 'git', url: `git+${REPOSITORY}.git`, directory: `packages/${dir}` },
    homepage: `${REPOSITORY}/tree/main/packages/${dir}#readme`,
    bugs: { url: `${REPOSITORY}/issues` },
    engines: { node: nodeRange(root) },
    publishConfig: { access: 'public' },
  };
}

/**
 * Builds the package and the workspace packages it depends on, so that `pnpm pack` in a clean
 * clone packs a complete dist/ (pnpm runs `prepack` before it packs).
 */
export const PREPACK = 'node ../../scripts/prepack.mjs';

/** No source maps in the tarball (they ship beside it: scripts/pack.mjs). */
export const NO_MAPS = '!**/*.map';

/**
 * A `//# sourceMappingURL=<file>` comment (CSS: `/*# … *\/`) on a line of its own. The builds
 * write one under every file that has a map; the tarballs and the CDN folder ship no maps, so
 * prepack and scripts/cdn.mjs remove it (a map inlined as a data: URL would be kept).
 */
const MAP_COMMENT =
  /^[ \t]*(?:\/\/[#@] sourceMappingURL=(?!data:)(\S+)|\/\*[#@] sourceMappingURL=(?!data:)(\S+)\s*\*\/)[ \t]*(?:\r?\n|$)/gm;

/** The files a built file names as its source map (not inline ones). */
export function mapReferences(text) {
  return [...text.matchAll(MAP_COMMENT)].map((m) => m[1] ?? m[2]);
}

/** The text without its source-map comments. */
export function withoutMapComments(text) {
  return text.replace(MAP_COMMENT, '');
}

/** Files that can carry a source-map comment. */
export const MAPPED_FILE = /\.(?:[cm]?js|d\.[cm]?ts|css)$/;

/** Every workspace package that is published: packages/* without `"private": true`. */
export function publishedPackages(root = ROOT) {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .map((name) => ({ dir: name, path: join(dir, name), pkg: JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private)
    .sort((a, b) => a.dir.localeCompare(b.dir));
}
