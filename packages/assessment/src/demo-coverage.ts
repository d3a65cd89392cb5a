import type { ReactiveControllerHost } from 'lit';

/** Served states, as the candidacy reads them (config `coverage` has this shape). */
export type ServedStates = { states: Partial<Record<string, { served: boolean } | undefined>> };

let demo: Promise<ServedStates> | undefined;

/** Loads the demo dataset once per page; a failed load is not remembered. */
function loadDemo(): Promise<ServedStates> {
  demo ??= import('@hearth/coverage/demo').then((mod): ServedStates => mod.demoCoverage);
  return demo.catch((error: unknown) => {
    demo = undefined;
    throw error;
  });
}

/**
 * The demo coverage dataset, for the candidacy when no `coverage` is configured. Served states are
 * read only from the results on, so it loads once the person has started (`need()`), not with the
 * page. If it cannot load, "served" stays unknown: the person is never told "not served" by mistake.
 */
export class DemoCoverageLoader {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #loading = false;
  value: ServedStates | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  /** Starts loading; does nothing while it loads or once it is there. */
  need(): void {
    if (this.value || this.#loading) return;
    this.#loading = true;
    loadDemo().then(
      (value) => {
        this.value = value;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = false;
        console.error(`[hearth] <${this.#host.localName}> could not load the demo coverage data; served states are unknown.`, error);
      },
    );
  }
}
