// Generated from packages/lead-receiver/package.json by scripts/write-versions.mjs: do not edit.
/** Reported by /healthz and `hearth-lead-receiver --version`. */
export const RECEIVER_VERSION = '0.1.0';
