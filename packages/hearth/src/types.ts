// The public types of the script-tag build. This file holds types only: the build copies it
// into dist/hearth.d.ts, after the imports that bring in every tag's HTMLElementTagNameMap entry.
import type { ConfigResult, HearthConfigInput } from '@hearth/core';

/** `window.Hearth`: the only global Hearth adds to a page. */
export interface HearthGlobal {
  /** The version of the copy of Hearth that owns `window.Hearth`. */
  readonly version: string;
  /**
   * Page-wide config, merged over the script tag's `data-config`, `data-endpoint` and
   * `data-locale` (later calls win; `{ replace: true }` starts again from the defaults).
   * Resolves with the validation result; an invalid config is reported once in the console
   * and shown in the widgets.
   */
  configure(input: HearthConfigInput, options?: { replace?: boolean }): Promise<ConfigResult>;
  /** Switches every widget to `locale` ("en", "es", "es-MX"…); `undefined` hands back to the page's `lang`. */
  setLocale(locale: string | undefined): void;
  /**
   * Registers every element again under your own prefix as well: `define({ prefix: 'acme' })`
   * makes `<acme-assessment>`, `<acme-provider>`… Resolves when those already in the page are defined.
   */
  define(options: { prefix: string }): Promise<void>;
  /**
   * Registers a partner's own instrument from its JSON definition (see the assessment README,
   * "Adding an instrument"), so that `<hearth-assessment instrument="<id>">` can run it. Sugar for
   * `configure({ assessment: { definitions } })` with every definition registered this way;
   * calling it again with the same `id` replaces a definition the assessment refused. Config
   * arrays replace rather than merge: use this or `assessment.definitions` in config, not both
   * (the later one wins). Resolves
   * with the config check's result; a definition the assessment cannot run is reported once in
   * the console and shown in the assessment, with the crisis line.
   */
  registerInstrument(definition: Record<string, unknown>): Promise<ConfigResult>;
  /** Resolves when the widgets in the page at start-up are defined (failures are logged, never thrown). */
  readonly ready: Promise<void>;
}

declare global {
  interface Window {
    /** Set by hearth.js or hearth.all.js (module scripts run after parsing: await it, or use `ready`). */
    Hearth?: HearthGlobal;
  }
}
