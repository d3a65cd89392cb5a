/** Reported by /healthz. */
export const RECEIVER_VERSION = '0.1.0';
