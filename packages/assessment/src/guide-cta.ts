import type { ReactiveController, ReactiveControllerHost } from 'lit';

// One guide CTA opens one assessment, even when a page has several.
const handledCtas = new WeakSet<Event>();

/**
 * Answers the page's "Take the assessment" call to action (`hearth-guide-cta` with
 * `{ target: 'assessment' }`, from the guide or the coverage checker): scrolls the host into view,
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
    document.addEventListener('hearth-guide-cta', this.#handleCta);
  }

  hostDisconnected(): void {
    document.removeEventListener('hearth-guide-cta', this.#handleCta);
  }

  readonly #handleCta = (event: Event): void => {
    const detail = (event as CustomEvent<{ target?: string } | undefined>).detail;
    if (detail?.target !== 'assessment' || handledCtas.has(event) || !this.#host.isConnected) return;
    handledCtas.add(event);
    // The CTA is a link to #hearth-assessment; we scroll and focus ourselves, so the jump is not needed.
    event.preventDefault();
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.#host.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    this.#onOpen();
  };
}
