// Generated from packages/core/package.json by scripts/write-versions.mjs: do not edit.
/** The Hearth SDK version, stamped into every element class and `window.Hearth.version`. */
export const VERSION = '0.1.0';
