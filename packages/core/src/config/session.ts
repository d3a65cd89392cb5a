/** Facts the person has already told one widget, shared with the others under the same provider. */
export interface HearthSessionData {
  /** USPS code of the state of residence. */
  state?: string;
}

/**
 * A tiny observable store. It lives in memory only: nothing about the person is written
 * anywhere by it. Widgets listen for `change` to pick up, e.g., the state from the assessment.
 */
export class HearthSession extends EventTarget {
  #data: HearthSessionData = {};

  get<K extends keyof HearthSessionData>(key: K): HearthSessionData[K] {
    return this.#data[key];
  }

  set<K extends keyof HearthSessionData>(key: K, value: HearthSessionData[K]): void {
    if (this.#data[key] === value) return;
    this.#data = { ...this.#data, [key]: value };
    this.dispatchEvent(new Event('change'));
  }
}

/** The session of widgets that have no provider around them. */
export const pageSession = new HearthSession();
