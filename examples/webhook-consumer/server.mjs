#!/usr/bin/env node
// A webhook consumer for `hearth-lead-receiver --forward http://127.0.0.1:8788/hearth`.
//
//   HEARTH_FORWARD_SECRET=<same secret as the receiver> node server.mjs [--port 8788]
//
// 1. read the raw body (bounded); 2. verify Hearth-Signature (constant time, 5-minute tolerance);
// 3. deduplicate on Idempotency-Key (the receiver retries until it sees a 2xx, so a lead can
// arrive twice); 4. map it to CRM fields; 5. answer 2xx only once the lead is safely yours.
// Answer 5xx/429 (optionally with Retry-After) to be retried; other 4xx go to the receiver's dead
// letters on /admin. Never answer with a redirect: the receiver treats it as a failure.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { toHubSpotContact, toSalesforceLead } from './mapping.mjs';
import { verifyHearthSignature } from './verify.mjs';

const LIMIT = 256 * 1024;

/**
 * @param {{ secret: string, onLead?: (lead: object, mapped: { hubspot: object, salesforce: object }) => void | Promise<void> }} options
 */
export function createConsumer({ secret, onLead = () => {} }) {
  if (!secret || secret.length < 16) throw new Error("Set HEARTH_FORWARD_SECRET (the receiver's, at least 16 characters).");
  // Use your database's unique constraint in production; a Set forgets on restart.
  const seen = new Set();
  return createServer((req, res) => {
    const answer = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST') return answer(405, { error: 'POST only' });
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > LIMIT) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const verdict = verifyHearthSignature(secret, req.headers['hearth-signature'], raw);
      if (!verdict.ok) return answer(401, { error: verdict.reason });
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string') return answer(400, { error: 'Idempotency-Key missing' });
      if (seen.has(key)) return answer(200, { duplicate: true });
      let forwarded;
      try {
        forwarded = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(400, { error: 'not JSON' });
      }
      try {
        await onLead(forwarded, { hubspot: toHubSpotContact(forwarded), salesforce: toSalesforceLead(forwarded) });
      } catch {
        return answer(503, { error: 'try again' }); // the receiver retries with backoff
      }
      seen.add(key);
      return answer(200, { ok: true });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const log = (line) => process.stdout.write(`${line}\n`);
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8788' } } });
  const server = createConsumer({
    secret: process.env.HEARTH_FORWARD_SECRET ?? '',
    // Ids only in the log: the lead itself is health-related personal data.
    onLead: (lead, mapped) =>
      log(
        `lead ${lead.idempotencyKey}${lead.urgent ? ' URGENT' : ''}: HubSpot ${Object.keys(mapped.hubspot).length} properties, Salesforce ${Object.keys(mapped.salesforce).length} fields`,
      ),
  });
  server.listen(Number(values.port), '127.0.0.1', () => log(`listening on http://127.0.0.1:${values.port}/hearth`));
}
