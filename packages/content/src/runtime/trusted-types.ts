/**
 * The page's "hearth" Trusted Types policy, created once per window and shared by the
 * sanitizer and the FAQ's JSON-LD. A page that enforces Trusted Types lists it in its CSP:
 * `require-trusted-types-for 'script'; trusted-types hearth dompurify lit-html`.
 *
 * Not exported from the package: createHTML passes its input through because its only caller is
 * DOMPurify, which parses into an inert document and sanitizes what it returns.
 */
interface Policy {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}
interface PolicyFactory {
  createPolicy(
    name: string,
    rules: { createHTML(s: string): string; createScript(s: string): string; createScriptURL(s: string): string },
  ): Policy;
}

const policies = new WeakMap<object, Policy | null>();

/** The "hearth" policy of `win`; null when the page refuses it; undefined without Trusted Types. */
export function hearthPolicy(win: Window): Policy | null | undefined {
  const factory = (win as unknown as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory || typeof factory.createPolicy !== 'function') return undefined;
  if (policies.has(win)) return policies.get(win) ?? null;
  let policy: Policy | null;
  try {
    policy = factory.createPolicy('hearth', {
      createHTML: (input) => input,
      // Only JSON: the FAQ's JSON-LD data block, which is never executed.
      createScript: (input) => {
        JSON.parse(input);
        return input;
      },
      createScriptURL: (input) => input,
    });
  } catch {
    policy = null;
  }
  policies.set(win, policy);
  return policy;
}

/** Sets the text of a `<script type="application/ld+json">`, through the policy when there is one. */
export function setJsonScriptText(script: HTMLScriptElement, json: string): void {
  const policy = script.ownerDocument.defaultView ? hearthPolicy(script.ownerDocument.defaultView) : undefined;
  if (policy) {
    (script as unknown as { text: unknown }).text = policy.createScript(json);
    return;
  }
  // Without a policy a text node still works (a data block is not executed); a page that
  // enforces Trusted Types without allowing "hearth" sees a report, not a failure.
  script.replaceChildren(script.ownerDocument.createTextNode(json));
}
