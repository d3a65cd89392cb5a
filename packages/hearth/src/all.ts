/**
 * `hearth.all.js`: one classic script that defines every Hearth element, for tag managers and
 * CMSs that only accept classic scripts. Same `window.Hearth` as the loader.
 *
 * It first checks whether another copy of Hearth owns the page; only then does it evaluate the
 * widgets (all-runtime.ts, inlined in the same file but run lazily).
 */
import type { HearthConfigInput } from '@hearth/core';
import {
  attributeConfig,
  checkPrefix,
  claimGlobal,
  fetchConfig,
  findOwnScript,
  host,
  instrumentRegistrar,
  ownRealm,
  type HearthGlobal,
} from './shared.js';

const VERSION = __HEARTH_VERSION__;
const claim = claimGlobal(VERSION, 'hearth.all.js');
if (claim !== 'stand-down') start(claim === 'claim');

function start(expose: boolean): void {
  const current = document.currentScript;
  const script = current instanceof HTMLScriptElement ? current : findOwnScript(undefined, 'hearth.all');
  const attributes = attributeConfig(script);
  const src = script?.dataset.config?.trim();
  const runtime = import('./all-runtime.js');
  const prefixes = new Set<string>();
  // A classic script in <head> runs before the body is parsed. Elements upgraded then would
  // connect before their children exist (a provider's inline JSON config, FAQ items), so wait
  // for the parser, as the module loader naturally does.
  const parsed =
    document.readyState === 'loading'
      ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
      : Promise.resolve();
  // Wait for the partner's config too, so the widgets never flash the default brand.
  const ready: Promise<void> = Promise.all([runtime, parsed, src ? fetchConfig(src) : undefined]).then(([rt, , remote]) => {
    if (remote) rt.configure(remote);
    if (attributes) rt.configure(attributes);
    prefixes.add('hearth');
    rt.defineAll('hearth');
  });

  const configure: HearthGlobal['configure'] = (input: HearthConfigInput, options?: { replace?: boolean }) =>
    ready.then(() => runtime).then((rt) => rt.configure(ownRealm(input), options));
  const api: HearthGlobal = {
    version: VERSION,
    configure,
    registerInstrument: instrumentRegistrar(configure),
    setLocale(locale: string | undefined): void {
      void runtime.then((rt) => rt.setLocale(locale));
    },
    define(options: { prefix: string }): Promise<void> {
      const prefix = options?.prefix;
      if (!checkPrefix(prefix)) return ready;
      return ready
        .then(() => runtime)
        .then((rt) => {
          if (prefixes.has(prefix)) return;
          prefixes.add(prefix);
          rt.defineAll(prefix);
        });
    },
    ready,
  };
  if (expose) host.Hearth = Object.freeze(api);
}
