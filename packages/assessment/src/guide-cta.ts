import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HearthEventDetailMap } from '@hearth/core';

// One guide CTA opens one assessment, even when a page has several.
const handledCtas = new WeakSet<Event>();

/**
 * Answers the page's "Take the assessment" call to action (`hearth-cta` with
 * `{ action: 'assessment' }`, from the guide or the coverage checker; they also fire the deprecated
 * `hearth-guide-cta`, which is not listened to, so it logs no deprecation): scrolls the host into view,
 * then `onOpen()` (the host focuses its heading). Listens only while the host is on the page.
 */
export class GuideCtaListener implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onOpen: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, onOpen: () => void) {
    this.#host = host;
    this.#onOpen = onOpen;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('hearth-cta', this.#handleCta);
  }

  hostDisconnected(): void {
    document.removeEventListener('hearth-cta', this.#handleCta);
  }

  readonly #handleCta = (event: Event): void => {
    const detail = (event as CustomEvent<Partial<HearthEventDetailMap['hearth-cta']> | undefined>).detail;
    if (detail?.action !== 'assessment' || handledCtas.has(event) || !this.#host.isConnected) return;
    handledCtas.add(event);
    // The CTA is a link to #hearth-assessment; we scroll and focus ourselves, so the jump is not needed.
    event.preventDefault();
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.#host.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    this.#onOpen();
  };
}
