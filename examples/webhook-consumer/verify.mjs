// Checks the Hearth-Signature header of a forwarded lead. No dependencies: copy this file.
//
//   Hearth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the shared secret>
//
// Verify over the RAW body bytes as received (before JSON.parse: re-serialising changes them),
// compare in constant time, and refuse timestamps more than 5 minutes away (a replayed capture).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOLERANCE_SECONDS = 5 * 60;

/**
 * @param {string} secret the value of HEARTH_FORWARD_SECRET on the receiver
 * @param {string | undefined | null} header the Hearth-Signature request header
 * @param {string | Buffer} rawBody the request body exactly as received
 * @param {{ toleranceSeconds?: number, nowSeconds?: number }} [options]
 * @returns {{ ok: true, timestamp: number } | { ok: false, reason: string }}
 */
export function verifyHearthSignature(secret, header, rawBody, options = {}) {
  if (typeof header !== 'string' || header === '') return { ok: false, reason: 'missing signature' };
  let timestamp;
  const signatures = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't') timestamp = Number(value);
    // Several v1 values may appear while a secret is being rotated: any one may match.
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')) signatures.push(Buffer.from(value, 'hex'));
  }
  if (!Number.isInteger(timestamp) || signatures.length === 0) return { ok: false, reason: 'malformed signature' };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? TOLERANCE_SECONDS))
    return { ok: false, reason: 'timestamp outside tolerance' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const match = signatures.some((candidate) => timingSafeEqual(candidate, expected));
  return match ? { ok: true, timestamp } : { ok: false, reason: 'signature mismatch' };
}
