// Helpers shared by the outbox tests (Node and browser): a valid lead with made-up contact
// details, and a way to run code while collecting the console errors it logs.
import type { LeadInput } from '../../src/schema.js';

/** A valid lead from `<hearth-test>`, with a fresh idempotency key; `overrides` replace whole fields. */
export function testLead(overrides: Partial<LeadInput> = {}): LeadInput {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    idempotencyKey: crypto.randomUUID(),
    createdAt: now,
    widget: 'hearth-test',
    kind: 'assessment',
    urgent: false,
    contact: { name: 'Rosa Delgado', email: 'rosa@example.org' },
    consent: { given: true, text: 'I agree to be contacted.', version: '2026-11-01', timestamp: now },
    source: { url: 'https://clinic.example/ptsd' },
    ...overrides,
  };
}

/** Runs `fn`, collecting what it logs with `console.error` instead of printing it. */
export async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    return { result: await fn(), errors };
  } finally {
    console.error = original;
  }
}
