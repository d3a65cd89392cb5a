// Options for @custom-elements-manifest/analyzer as scripts/manifest.mjs runs it (from the
// repository root): Lit syntax on, and no "customElements" field written into the root
// package.json (the manifest is dist/custom-elements.json of this package).
export default {
  litelement: true,
  packagejson: false,
};
