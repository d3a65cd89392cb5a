// One warning per copy of Hearth, not one per tag: the fix is the same for all of them.
let warned = false;

type ElementClass = CustomElementConstructor & { version?: string };

/**
 * Registers `ctor` under `tag` without ever throwing:
 * - the same class (or a subclass we made for it) already there: nothing to do;
 * - another class there (a second copy or another version of Hearth): keep it, warn once per copy;
 * - the class already registered under another tag (a partner prefix): register a subclass,
 *   because the platform allows one tag per constructor.
 */
export function defineElement(tag: string, ctor: ElementClass, registry: CustomElementRegistry = customElements): void {
  const existing = registry.get(tag) as ElementClass | undefined;
  if (existing) {
    if (existing === ctor || existing.prototype instanceof ctor) return;
    if (!warned) {
      warned = true;
      console.warn(
        `[hearth] <${tag}> is already defined by another copy of Hearth (version ${existing.version ?? 'unknown'}); ` +
          `keeping it and ignoring version ${ctor.version ?? 'unknown'}. Include the Hearth script once per page.`,
      );
    }
    return;
  }
  try {
    const alreadyNamed = registry.getName?.(ctor);
    registry.define(tag, alreadyNamed ? class extends (ctor as unknown as typeof HTMLElement) {} : ctor);
  } catch (error) {
    console.warn(`[hearth] Could not define <${tag}>: ${(error as Error).message}`);
  }
}
