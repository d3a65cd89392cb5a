import type { Lead } from './schema.js';
import { DEFAULT_OUTBOX_NAME, OUTBOX_OBJECT_STORE, localStoragePrefix } from './outbox-names.js';

/** One lead waiting in the outbox. Holds contact details and the summary; answers only if the site opted in. */
export interface OutboxEntry {
  /** The lead's idempotency key: one entry per lead, the same key on every attempt. */
  key: string;
  /** The endpoint chosen when the person pressed Send. A later page never sends the lead anywhere else. */
  endpoint: string;
  lead: Lead;
  /** Tag of the widget that produced it (no personal data). */
  widget: string;
  /** Whether the site allowed raw answers in this lead (`privacy.includeAnswers`). */
  answersAllowed: boolean;
  /** UTF-8 size of the JSON body. */
  bytes: number;
  /** When it entered the outbox (ms since the epoch); it expires `maxAgeMs` later. */
  queuedAt: number;
  attempts: number;
  /** Earliest next attempt by backoff; an `online` event or a new page load may come sooner. */
  nextAttemptAt: number;
  /** Earliest next attempt the endpoint allows (`Retry-After`); nothing comes sooner. */
  notBefore: number;
  lastError?: { code: string; status?: number };
  /**
   * Set once the lead can no longer go out on its own: the endpoint refused it for good (a 4xx
   * other than 408/429) after the person was told "saved", or it expired. A held lead is never
   * retried automatically and does not count as queued; it stays until the person sends it again
   * or dismisses it (see `<hearth-lead-notice>`).
   */
  held?: HeldState;
}

/** Why and when a lead was held; `status` is the endpoint's refusal. */
export interface HeldState {
  reason: 'rejected' | 'expired';
  at: number;
  status?: number;
}

/** Where the outbox keeps leads. IndexedDB, else localStorage, else memory (lost on reload). */
export interface OutboxStore {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  /** False for memory: a reload loses what it holds. */
  readonly durable: boolean;
  put(entry: OutboxEntry): Promise<void>;
  get(key: string): Promise<OutboxEntry | undefined>;
  delete(key: string): Promise<void>;
  list(): Promise<OutboxEntry[]>;
  close(): void;
}

export interface OpenOutboxStoreOptions {
  /** Database name (IndexedDB) or key prefix (localStorage). Default `hearth-outbox`. */
  name?: string;
  /** Injected for tests; `null` means unavailable. Defaults to the page's. */
  indexedDB?: IDBFactory | null;
  localStorage?: Storage | null;
  /** How long to wait for IndexedDB to open (it can hang while another tab blocks an upgrade). Default 3000 ms. */
  openTimeoutMs?: number;
}

export { DEFAULT_OUTBOX_NAME };
const OBJECT_STORE = OUTBOX_OBJECT_STORE;

/** Rejects data that is not an entry (a tampered or half-written record), so it cannot crash the outbox. */
export function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.key === 'string' &&
    typeof e.endpoint === 'string' &&
    typeof e.widget === 'string' &&
    typeof e.answersAllowed === 'boolean' &&
    !!e.lead &&
    typeof e.lead === 'object' &&
    [e.bytes, e.queuedAt, e.attempts, e.nextAttemptAt, e.notBefore].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

class IndexedDbStore implements OutboxStore {
  readonly kind = 'indexeddb';
  readonly durable = true;
  #db: IDBDatabase | undefined;
  readonly #open: () => Promise<IDBDatabase>;

  constructor(db: IDBDatabase, open: () => Promise<IDBDatabase>) {
    this.#db = this.#watch(db);
    this.#open = open;
  }

  #watch(db: IDBDatabase): IDBDatabase {
    // Let another tab upgrade the database; reopen on next use.
    db.onversionchange = () => {
      db.close();
      if (this.#db === db) this.#db = undefined;
    };
    db.onclose = () => {
      if (this.#db === db) this.#db = undefined;
    };
    return db;
  }

  async #run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.#db ??= this.#watch(await this.#open());
        const tx = this.#db.transaction(OBJECT_STORE, mode, { durability: 'strict' });
        const result = request(fn(tx.objectStore(OBJECT_STORE)));
        result.catch(() => {}); // the transaction's own failure is what we report below
        // A write counts only once its transaction has committed.
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        });
        return await result;
      } catch (error) {
        // The connection was closed under us (another tab's upgrade, the browser): reopen once.
        if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
          this.#db = undefined;
          continue;
        }
        throw error;
      }
    }
  }

  put(entry: OutboxEntry): Promise<void> {
    return this.#run('readwrite', (s) => s.put(entry)).then(() => undefined);
  }

  async get(key: string): Promise<OutboxEntry | undefined> {
    const value: unknown = await this.#run('readonly', (s) => s.get(key));
    return isOutboxEntry(value) ? value : undefined;
  }

  delete(key: string): Promise<void> {
    return this.#run('readwrite', (s) => s.delete(key)).then(() => undefined);
  }

  async list(): Promise<OutboxEntry[]> {
    const values: unknown[] = await this.#run('readonly', (s) => s.getAll());
    return values.filter(isOutboxEntry);
  }

  close(): void {
    this.#db?.close();
    this.#db = undefined;
  }
}

/** One localStorage key per lead, so two tabs writing different leads never overwrite each other. */
class LocalStorageStore implements OutboxStore {
  readonly kind = 'localstorage';
  readonly durable = true;
  readonly #prefix: string;
  constructor(
    readonly storage: Storage,
    name: string,
  ) {
    this.#prefix = localStoragePrefix(name);
  }

  async put(entry: OutboxEntry): Promise<void> {
    this.storage.setItem(this.#prefix + entry.key, JSON.stringify(entry));
  }

  async get(key: string): Promise<OutboxEntry | undefined> {
    return this.#parse(this.storage.getItem(this.#prefix + key));
  }

  async delete(key: string): Promise<void> {
    this.storage.removeItem(this.#prefix + key);
  }

  async list(): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const name = this.storage.key(i);
      if (!name?.startsWith(this.#prefix)) continue;
      const entry = this.#parse(this.storage.getItem(name));
      if (entry) entries.push(entry);
    }
    return entries;
  }

  #parse(text: string | null): OutboxEntry | undefined {
    if (!text) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return isOutboxEntry(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  close(): void {}
}

/** Last resort when the browser allows no storage at all: leads survive only while the page is open. */
export class MemoryOutboxStore implements OutboxStore {
  readonly kind = 'memory';
  readonly durable = false;
  readonly #entries = new Map<string, OutboxEntry>();
  async put(entry: OutboxEntry): Promise<void> {
    this.#entries.set(entry.key, structuredClone(entry));
  }
  async get(key: string): Promise<OutboxEntry | undefined> {
    const entry = this.#entries.get(key);
    return entry && structuredClone(entry);
  }
  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }
  async list(): Promise<OutboxEntry[]> {
    return [...this.#entries.values()].map((e) => structuredClone(e));
  }
  close(): void {}
}

function pageGlobal<K extends 'indexedDB' | 'localStorage'>(name: K): (typeof globalThis)[K] | null {
  try {
    // Reading either can throw a SecurityError (storage blocked by the user or a sandbox).
    return typeof globalThis[name] === 'undefined' ? null : globalThis[name];
  } catch {
    return null;
  }
}

function openDatabase(factory: IDBFactory, name: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(`IndexedDB did not open within ${timeoutMs} ms (blocked by another tab?)`));
    }, timeoutMs);
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, 1);
    } catch (error) {
      clearTimeout(timer);
      reject(error);
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(OBJECT_STORE)) req.result.createObjectStore(OBJECT_STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => {
      clearTimeout(timer);
      // Opened after we gave up: close it, the fallback store is in use.
      if (settled) req.result.close();
      else resolve(req.result);
    };
    req.onerror = () => {
      clearTimeout(timer);
      if (!settled) reject(req.error ?? new Error('IndexedDB failed to open'));
    };
  });
}

function usableLocalStorage(storage: Storage | null): Storage | null {
  if (!storage) return null;
  try {
    const probe = '__hearth_outbox_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * Opens the most durable store the browser allows: IndexedDB, else localStorage, else memory.
 * When IndexedDB works, leads an earlier visit had to leave in localStorage are moved into it.
 */
export async function openOutboxStore(options: OpenOutboxStoreOptions = {}): Promise<OutboxStore> {
  const name = options.name ?? DEFAULT_OUTBOX_NAME;
  const factory = options.indexedDB === undefined ? pageGlobal('indexedDB') : options.indexedDB;
  const local = usableLocalStorage(options.localStorage === undefined ? pageGlobal('localStorage') : options.localStorage);
  const timeout = options.openTimeoutMs ?? 3000;
  if (factory) {
    try {
      const open = () => openDatabase(factory, name, timeout);
      const store = new IndexedDbStore(await open(), open);
      if (local) {
        const legacy = new LocalStorageStore(local, name);
        for (const entry of await legacy.list()) {
          await store.put(entry);
          await legacy.delete(entry.key);
        }
      }
      return store;
    } catch {
      // Unavailable (private mode in some browsers, blocked, quota): fall through to localStorage.
    }
  }
  if (local) return new LocalStorageStore(local, name);
  return new MemoryOutboxStore();
}
