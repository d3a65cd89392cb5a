import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * A Web Storage (`localStorage`) kept in a JSON file, for the outbox's durable store in Node
 * (Node 20 has no `localStorage`). Each write replaces the file whole (write, then rename), so a
 * process killed at any moment leaves either the old or the new contents, as a browser's storage
 * does; each read goes to the file, so two instances (two "page loads", or two processes) over
 * one file see each other's writes. The outbox runs its real `localStorage` store over it.
 */
export class FileStorage implements Storage {
  constructor(readonly path: string) {}

  #read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    return JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>;
  }

  #write(items: Record<string, string>): void {
    const next = `${this.path}.${process.pid}.next`;
    writeFileSync(next, JSON.stringify(items), { flush: true });
    renameSync(next, this.path);
  }

  get length(): number {
    return Object.keys(this.#read()).length;
  }

  key(index: number): string | null {
    return Object.keys(this.#read())[index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#read()[key] ?? null;
  }

  setItem(key: string, value: string): void {
    this.#write({ ...this.#read(), [key]: String(value) });
  }

  removeItem(key: string): void {
    const items = this.#read();
    if (!(key in items)) return;
    delete items[key];
    this.#write(items);
  }

  clear(): void {
    this.#write({});
  }

  [name: string]: unknown;
}
