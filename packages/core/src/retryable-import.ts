/**
 * A dynamic import that "Try again" can really try again.
 *
 * A browser keeps a failed module fetch in the page's module map: `import()` of the same URL then
 * fails again at once, without asking the network (Chromium does; the HTML standard still says
 * so). So after a failure, the next call imports the URL the error names with a query string,
 * which the browser fetches anew. The chunks Hearth loads on demand (later steps, wording, the
 * lead form) have no other importer, so the second URL is still their only instance.
 *
 * Limits, both measured: where the error names no URL (Safari's "Importing a module script
 * failed.") the retry fails the same way; and where the module that failed is a static
 * dependency of the imported chunk (the lead form's facade chunk imports the form's chunk), the
 * new URL still imports the failed dependency. In both cases "Try again" keeps being offered and
 * a reload recovers.
 */
export function retryableImport<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  let failure: unknown;
  let attempt = 0;
  return () => {
    pending ??= (failure === undefined ? load() : load().catch(() => importAgain<T>(failure, ++attempt))).catch((error: unknown) => {
      pending = undefined;
      failure ??= error;
      throw error;
    });
    return pending;
  };
}

/** The module URL a failed `import()` names (Chromium, Firefox), without any query. */
export function failedModuleUrl(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /\b(https?:\/\/[^\s'"?#]+\.m?js)\b/.exec(message)?.[1];
}

/** Imports the failed URL anew; a retry that fails too reports the first failure (one message for the site owner). */
function importAgain<T>(failure: unknown, attempt: number): Promise<T> {
  const url = failedModuleUrl(failure);
  if (!url) return Promise.reject(failure);
  return (import(/* @vite-ignore */ `${url}?retry=${attempt}`) as Promise<T>).catch(() => {
    throw failure;
  });
}
