/** The Hearth SDK version, stamped into every element class and `window.Hearth.version`. */
export const VERSION = '0.1.0';
