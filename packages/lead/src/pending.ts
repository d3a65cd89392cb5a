import { DEFAULT_OUTBOX_NAME, OUTBOX_OBJECT_STORE, localStoragePrefix } from './outbox-names.js';
import { reportOnce } from '@hearth/core';
import { loadLeadPipeline } from './load.js';

/**
 * Leads that earlier visits left on the device are sent by the next page with any Hearth widget.
 * Almost always there are none, so the page only looks (IndexedDB, then localStorage) and loads
 * the outbox only when something waits. The look is started by the script-tag runtime (when the
 * first widget of a page loads it), by every widget's registration module (`@hearth/faq/hearth-faq.js`
 * and the others, through `@hearth/lead/pending`) and by each `<hearth-lead-form>` that connects;
 * HearthElement itself knows nothing of leads.
 */

/** How long to wait for IndexedDB (another tab's upgrade can block it) before letting the outbox look. */
const OPEN_TIMEOUT_MS = 3000;

export interface PendingLeadsOptions {
  /** Outbox name (IndexedDB database, localStorage prefix). Default `hearth-outbox`. */
  name?: string;
  /** Injected for tests; `null` means unavailable. Defaults to the page's. */
  indexedDB?: IDBFactory | null;
  localStorage?: Storage | null;
}

function pageGlobal<K extends 'indexedDB' | 'localStorage'>(name: K): (typeof globalThis)[K] | null {
  try {
    // Reading either can throw a SecurityError (storage blocked by the user or a sandbox).
    return typeof globalThis[name] === 'undefined' ? null : globalThis[name];
  } catch {
    return null;
  }
}

function hasLocalEntries(storage: Storage | null, name: string): boolean {
  if (!storage) return false;
  const prefix = localStoragePrefix(name);
  try {
    for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(prefix)) return true;
  } catch {
    // Blocked storage holds nothing the outbox could use either.
  }
  return false;
}

/**
 * Counts the records of an existing outbox database. It never creates one: without `databases()`
 * (older browsers) it cannot tell, and answers true so that the outbox looks for itself.
 */
async function hasDatabaseEntries(factory: IDBFactory, name: string): Promise<boolean> {
  if (typeof factory.databases !== 'function') return true;
  const databases = await factory.databases();
  if (!databases.some((db) => db.name === name)) return false;
  return new Promise<boolean>((resolve) => {
    let settled = false;
    let aborted = false;
    const done = (value: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => done(true), OPEN_TIMEOUT_MS);
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name);
    } catch {
      done(true);
      return;
    }
    req.onupgradeneeded = () => {
      // Deleted since databases() answered: abort, so that opening creates nothing.
      aborted = true;
      req.transaction?.abort();
    };
    req.onerror = () => done(!aborted);
    req.onsuccess = () => {
      const db = req.result;
      if (settled || !db.objectStoreNames.contains(OUTBOX_OBJECT_STORE)) {
        db.close();
        done(false);
        return;
      }
      try {
        const count = db.transaction(OUTBOX_OBJECT_STORE, 'readonly').objectStore(OUTBOX_OBJECT_STORE).count();
        count.onsuccess = () => done(count.result > 0);
        count.onerror = () => done(true);
      } catch {
        done(true);
      } finally {
        // Closes once the transaction is done; the outbox opens its own connection.
        db.close();
      }
    };
  });
}

/**
 * Whether leads are waiting in the device's outbox, read without loading the outbox and without
 * creating any storage. When it cannot tell (an old browser, IndexedDB blocked by another tab),
 * it answers true: the outbox then looks for itself, as it would have without this check.
 */
export async function hasPendingLeads(options: PendingLeadsOptions = {}): Promise<boolean> {
  const name = options.name ?? DEFAULT_OUTBOX_NAME;
  const local = options.localStorage === undefined ? pageGlobal('localStorage') : options.localStorage;
  if (hasLocalEntries(local, name)) return true;
  const factory = options.indexedDB === undefined ? pageGlobal('indexedDB') : options.indexedDB;
  if (!factory) return false;
  try {
    return await hasDatabaseEntries(factory, name);
  } catch {
    return true;
  }
}

let resumeShared: (() => void) | undefined;
let check: Promise<boolean> | undefined;

/** Called by `Outbox.shared()`: once the page has an outbox, each later call resumes it directly. */
export function registerSharedOutbox(resume: () => void): void {
  resumeShared = resume;
}

/**
 * Sends what earlier visits left queued: started by the script-tag runtime, by the lead form's
 * define module and by each `<hearth-lead-form>` that connects. The first call looks in the device's storage (`hasPendingLeads()`); only if something waits does it load
 * the lead pipeline and resume the page's shared outbox, which then also retries on `online` and
 * makes a last attempt on `pagehide`. Resolves true when the outbox was resumed. Never rejects.
 */
export function resumePendingLeads(): Promise<boolean> {
  if (typeof window === 'undefined') return Promise.resolve(false);
  if (resumeShared) {
    resumeShared();
    return Promise.resolve(true);
  }
  check ??= hasPendingLeads()
    .then(async (pending) => {
      if (!pending) return false;
      const { Outbox } = await loadLeadPipeline();
      Outbox.resume();
      return true;
    })
    .catch((error: unknown) => {
      reportOnce(`Leads saved on this device could not be resumed (${(error as Error).message}); the next page load tries again.`);
      return false;
    });
  return check;
}

/** Tests only: forgets the shared outbox and the result of the first check, as a new page would. */
export function resetPendingLeadsCheck(): void {
  resumeShared = undefined;
  check = undefined;
}
