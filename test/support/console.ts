/**
 * Runs `fn` with console.error and console.warn captured instead of printed, so a test can assert
 * the "one actionable console error" rule and keep expected errors out of the runner's output.
 */
export async function captureConsole<T>(fn: () => Promise<T>): Promise<{ result: T; errors: unknown[][]; warnings: unknown[][] }> {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => errors.push(args);
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    return { result: await fn(), errors, warnings };
  } finally {
    console.error = error;
    console.warn = warn;
  }
}
