import { HearthElement, retryableImport } from '@hearth/core';
import { Outbox } from './outbox.js';
import type { HearthLeadNotice } from './hearth-lead-notice.js';

// Registered here, not by a define module's top-level call: bundlers drop that call from a module
// the package does not list in `sideEffects`, and the notice would never upgrade.
const importNotice = retryableImport(() => import('./hearth-lead-notice.js'));
let shown: Promise<HTMLElement | undefined> | undefined;

/** The page's first Hearth widget (upgraded), in document order. */
function firstWidget(): HTMLElement | undefined {
  for (const el of document.querySelectorAll('*')) if (el instanceof HearthElement) return el;
  return undefined;
}

/**
 * When this device holds leads that could not be sent (refused for good or expired after the
 * person was told "saved"), shows `<hearth-lead-notice>` just before `widget` (default: the page's
 * first Hearth widget, once one has upgraded), with its `lang` and `config`; a notice the page
 * placed itself is upgraded instead, and no second is added. Runs once per page, after the look in
 * storage found something (`Outbox.resume()` after `resumePendingLeads()`), so a page without
 * held leads never downloads the notice. Never rejects.
 */
export function showHeldLeads(widget?: HTMLElement): Promise<HTMLElement | undefined> {
  shown ??= (async () => {
    if (!(await Outbox.shared().held()).length) return undefined;
    const define = async () => (await importNotice()).HearthLeadNotice.define('hearth-lead-notice');
    // A page that placed its own notice gets that one, upgraded (the loader does not know the tag).
    const placed = document.querySelector<HTMLElement>('hearth-lead-notice');
    if (placed) {
      await define();
      return placed;
    }
    // Widgets upgrade as their chunks arrive: wait up to 10 s for the first.
    let host = widget ?? firstWidget();
    for (let i = 0; !host?.isConnected && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 250));
      host = widget ?? firstWidget();
    }
    if (!host?.isConnected) return undefined;
    await define();
    if (document.querySelector('hearth-lead-notice')) return undefined;
    const notice = document.createElement('hearth-lead-notice');
    for (const name of ['lang', 'config']) {
      const value = host.getAttribute(name);
      if (value !== null) notice.setAttribute(name, value);
    }
    host.before(notice);
    return notice;
  })().catch((error: unknown) => {
    shown = undefined;
    console.error(`[hearth] Leads held on this device could not be shown (${(error as Error).message}); the next page load tries again.`);
    return undefined;
  });
  return shown;
}

/** Tests only: the next call looks again, as a new page would. */
export function resetHeldLeadsNotice(): void {
  shown = undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-lead-notice': HearthLeadNotice;
  }
}
