/**
 * `hearth.all.js`: one classic script that defines every Hearth element, for tag managers and
 * CMSs that only accept classic scripts. Same `window.Hearth` as the loader.
 */
import type { HearthConfigInput } from '@hearth/core';
import { elements } from 'virtual:hearth/all';
import { configure, defineElements, setLocale, VERSION } from './runtime.js';
import { attributeConfig, checkPrefix, claimGlobal, fetchConfig, findOwnScript, host, type HearthGlobal } from './shared.js';

const claim = claimGlobal(VERSION, 'hearth.all.js');
if (claim !== 'stand-down') start(claim === 'claim');

function start(expose: boolean): void {
  const current = document.currentScript;
  const script = current instanceof HTMLScriptElement ? current : findOwnScript(undefined, 'hearth.all');
  const prefixes = new Set<string>();
  const defineAll = (prefix: string) => {
    if (prefixes.has(prefix)) return;
    prefixes.add(prefix);
    // The provider comes first in `elements`: registered before the widgets that consume it.
    defineElements(elements, prefix);
  };

  const attributes = attributeConfig(script);
  const src = script?.dataset.config?.trim();
  let ready: Promise<void>;
  if (src) {
    // Wait for the partner's config so the widgets never flash the default brand.
    ready = fetchConfig(src).then((remote) => {
      if (remote) configure(remote);
      if (attributes) configure(attributes);
      defineAll('hearth');
    });
  } else {
    // Nothing to wait for: define now, so tags already in the page upgrade before first paint.
    if (attributes) configure(attributes);
    defineAll('hearth');
    ready = Promise.resolve();
  }

  const api: HearthGlobal = {
    version: VERSION,
    configure: (input: HearthConfigInput, options?: { replace?: boolean }) => ready.then(() => configure(input, options)),
    setLocale,
    define(options: { prefix: string }): Promise<void> {
      const prefix = options?.prefix;
      return checkPrefix(prefix) ? ready.then(() => defineAll(prefix)) : ready;
    },
    ready,
  };
  if (expose) host.Hearth = Object.freeze(api);
}
