import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ContentStatus = 'loading' | 'ready' | 'error';

export interface ContentSourceOptions<T> {
  /** Names the source to show now (attributes, language, inline Markdown, …): a new key loads again. */
  key(): string;
  /**
   * Loads the source `key` names. Return the value itself when there is nothing to wait for (it is
   * shown in the same update); reject with a `ContentError` to say why it failed.
   */
  load(key: string, signal: AbortSignal): T | Promise<T>;
  /** A load that has to wait started (the guide says "Loading…" if it takes long). */
  loading?(): void;
  /** The value is loaded; the host renders it next. */
  ready?(value: T): void;
  /** The value is on screen (after the host's update): emit the load event here. */
  shown?(value: T): void;
  /** Loading failed (neither aborted nor replaced by a newer load): show it with `fail()`. */
  failed(error: unknown): void;
  /** Clears a failure shown before (the host's `clearFailure()`). */
  clearFailure(): void;
  /** Shows what `location.hash` names: `focus` is false for the hash the page was opened with. */
  showHash(focus: boolean): void;
  /** The parser has finished adding the host's children. */
  parsed?(): void;
  /**
   * Core's `afterDocumentParsed`. Passed in rather than imported: this module shares a chunk with
   * the runtime helpers the lazy Markdown pipeline uses, and that chunk must not depend on core
   * (the all-in-one build loads the pipeline as a standalone file).
   */
  afterDocumentParsed(doc: Document, fn: () => void): boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Where the content of `<hearth-guide>` and `<hearth-faq>` comes from, and its life cycle: one
 * load per source (a content pack, a `src` URL, Markdown on the page), the previous fetch
 * aborted when the source changes, a later answer never overwriting a newer one, "Try again",
 * no load before the parser has added the host's children, and the page's `#hash` honoured once
 * the content is on screen (then on every `hashchange`).
 *
 * The host calls `sync()` from `willUpdate()`, and renders from `status` and `value`.
 */
export class ContentSourceController<T> implements ReactiveController {
  /** What the host shows: a new source keeps the current value on screen while it loads. */
  status: ContentStatus = 'loading';
  value: T | undefined;
  /** Increases every time a loaded value is shown: part of the key of anything the host builds from `value`. */
  generation = 0;

  readonly #host: Host;
  readonly #options: ContentSourceOptions<T>;
  #key: string | undefined;
  /** The latest load: an answer to an older one is dropped. */
  #loadId = 0;
  #abort: AbortController | undefined;
  #pendingHash = true;
  /** True while the parser may still be adding the host's children (the script ran before the markup). */
  #parsing = false;

  constructor(host: Host, options: ContentSourceOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#handleHashChange);
    this.#parsing = this.#options.afterDocumentParsed(this.#host.ownerDocument, () => {
      this.#parsing = false;
      this.#options.parsed?.();
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    window.removeEventListener('hashchange', this.#handleHashChange);
    // Reconnecting loads again.
    this.#key = undefined;
  }

  /** Loads when the source changed. A detached host loads nothing; it loads again when put back. */
  sync(): void {
    const key = this.#options.key();
    if (key === this.#key || !this.#host.isConnected || this.#parsing) return;
    this.#key = key;
    this.#load(key);
  }

  /** "Try again": loads the current source once more. */
  readonly retry = (): void => {
    this.#key = undefined;
    this.#options.clearFailure();
    this.#host.requestUpdate();
  };

  #load(key: string): void {
    const loadId = ++this.#loadId;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (this.value === undefined || this.status === 'error') this.status = 'loading';
    this.#options.clearFailure();
    let result: T | Promise<T>;
    try {
      result = this.#options.load(key, abort.signal);
    } catch (error) {
      result = Promise.reject(error);
    }
    if (!(result instanceof Promise)) {
      this.#show(loadId, result);
      return;
    }
    this.#options.loading?.();
    result.then(
      (value) => {
        if (loadId === this.#loadId) this.#show(loadId, value);
      },
      (error: unknown) => {
        if (loadId !== this.#loadId || abort.signal.aborted) return;
        this.status = 'error';
        this.#options.failed(error);
        this.#host.requestUpdate();
      },
    );
  }

  #show(loadId: number, value: T): void {
    this.value = value;
    this.generation++;
    this.status = 'ready';
    this.#options.ready?.(value);
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      if (loadId !== this.#loadId) return;
      this.#options.shown?.(value);
      if (this.#pendingHash) {
        this.#pendingHash = false;
        this.#options.showHash(false);
      }
    });
  }

  readonly #handleHashChange = (): void => this.#options.showHash(true);
}
