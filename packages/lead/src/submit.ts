import { isAllowedEndpoint } from '@hearth/core/schemas';
import { validateLead, type Lead } from './schema.js';
import { fetchTransport, type DeliveryResult, type LeadTransport } from './transport.js';

export interface SubmitOptions {
  endpoint: string | undefined;
  transport?: LeadTransport;
  keepalive?: boolean;
  signal?: AbortSignal;
}

/**
 * Validates a lead and sends it once. Never throws: every failure comes back as a typed result
 * the widget can explain to the person.
 */
export async function submitLead(input: unknown, options: SubmitOptions): Promise<DeliveryResult & { lead?: Lead }> {
  if (!options.endpoint || !isAllowedEndpoint(options.endpoint)) {
    return {
      ok: false,
      code: 'config',
      retryable: false,
      message: options.endpoint
        ? `The lead endpoint ${options.endpoint} is not allowed: use https: (http: only on localhost).`
        : 'No lead endpoint is configured: set lead.endpoint in the Hearth config.',
    };
  }
  const checked = validateLead(input);
  if (!checked.ok) {
    return {
      ok: false,
      code: 'invalid',
      retryable: false,
      fieldErrors: checked.errors,
      message: `The lead is invalid: ${checked.errors.map((e) => e.path).join(', ')}.`,
    };
  }
  const transport = options.transport ?? fetchTransport;
  const result = await transport.send(checked.lead, options.endpoint, {
    ...(options.keepalive !== undefined ? { keepalive: options.keepalive } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { ...result, lead: checked.lead };
}

/** A new idempotency key: the same key travels with every retry of one lead. */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; an http: host page still gets a v4 UUID.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
