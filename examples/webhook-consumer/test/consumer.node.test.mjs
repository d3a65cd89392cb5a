// The example consumer: signature checks, the CRM mapping, and a real receiver forwarding to it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReceiver } from '@hearth/lead-receiver';
import { createConsumer } from '../server.mjs';
import { splitName, toHubSpotContact, toSalesforceLead } from '../mapping.mjs';
import { verifyHearthSignature } from '../verify.mjs';

const SECRET = 'example-secret-0123456789abcdef';
const sign = (t, body, secret = SECRET) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

function forwardedLead(overrides = {}) {
  return {
    event: 'lead.created',
    id: randomUUID(),
    idempotencyKey: randomUUID(),
    receivedAt: new Date().toISOString(),
    urgent: false,
    scoreMismatch: false,
    mismatches: [],
    serverScore: null,
    origin: 'https://clinic.example',
    lead: {
      kind: 'assessment',
      widget: 'hearth-assessment',
      contact: { name: 'Ana María Quintero', email: 'ana@example.org', phone: '+15125550123', state: 'TX', preferredContact: 'phone' },
      source: { url: 'https://clinic.example/ptsd', utm: { source: 'newsletter' } },
      summary: {
        type: 'assessment',
        instrument: 'pc-ptsd-5',
        score: 4,
        cutPoint: 3,
        positive: true,
        reviewItemCount: 0,
        candidacy: 'discuss',
      },
      locale: 'es',
    },
    ...overrides,
  };
}

describe('verifyHearthSignature', () => {
  const body = JSON.stringify(forwardedLead());
  const now = 1_800_000_000;
  it('accepts a valid signature within 5 minutes', () => {
    assert.deepEqual(verifyHearthSignature(SECRET, sign(now, body), body, { nowSeconds: now + 299 }), { ok: true, timestamp: now });
  });
  it('refuses an old or future timestamp, a changed body, another secret, and malformed headers', () => {
    assert.equal(verifyHearthSignature(SECRET, sign(now, body), body, { nowSeconds: now + 301 }).ok, false);
    assert.equal(verifyHearthSignature(SECRET, sign(now, body), body, { nowSeconds: now - 301 }).ok, false);
    assert.equal(verifyHearthSignature(SECRET, sign(now, body), body.replace('Ana', 'Eve'), { nowSeconds: now }).ok, false);
    assert.equal(verifyHearthSignature(SECRET, sign(now, body, 'another-secret-0123456789'), body, { nowSeconds: now }).ok, false);
    for (const header of [undefined, '', 'v1=abc', `t=${now}`, `t=${now},v1=zz`]) {
      assert.equal(verifyHearthSignature(SECRET, header, body, { nowSeconds: now }).ok, false, String(header));
    }
  });
});

describe('CRM mapping', () => {
  it('maps a lead to HubSpot contact properties and a Salesforce Lead', () => {
    const lead = forwardedLead({ urgent: true });
    const hubspot = toHubSpotContact(lead);
    assert.equal(hubspot.email, 'ana@example.org');
    assert.equal(hubspot.firstname, 'Ana María');
    assert.equal(hubspot.lastname, 'Quintero');
    assert.equal(hubspot.hearth_urgent, 'true');
    assert.equal(hubspot.hearth_idempotency_key, lead.idempotencyKey);
    assert.equal(hubspot.hearth_summary, 'PC-PTSD-5 4 (cut point 3), discuss');
    const salesforce = toSalesforceLead(lead);
    assert.equal(salesforce.LastName, 'Quintero');
    assert.equal(salesforce.Company, '[not provided]');
    assert.equal(salesforce.Rating, 'Hot');
    assert.equal(salesforce.Hearth_Idempotency_Key__c, lead.idempotencyKey);
    assert.deepEqual(splitName('Cher'), { first: '', last: 'Cher' });
  });
});

describe('a receiver forwarding to the example consumer', () => {
  let server;
  let receiver;
  let dir;
  const got = [];
  before(async () => {
    server = createConsumer({ secret: SECRET, onLead: (lead, mapped) => got.push({ lead, mapped }) });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'hearth-consumer-'));
    receiver = await startReceiver({
      port: 0,
      dbPath: join(dir, 'leads.sqlite'),
      rateLimit: false,
      logger: { info() {}, warn() {}, error() {} },
      forward: { urls: [`http://127.0.0.1:${server.address().port}/hearth`], secret: SECRET, pollMs: 50 },
    });
  });
  after(async () => {
    await receiver.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('receives a signed lead once and maps it', async () => {
    const now = new Date().toISOString();
    const key = randomUUID();
    const lead = {
      schemaVersion: 1,
      idempotencyKey: key,
      createdAt: now,
      widget: 'hearth-assessment',
      kind: 'assessment',
      urgent: false,
      contact: { name: 'Ana Quintero', email: 'ana@example.org' },
      consent: { given: true, text: 'I agree that the clinic may contact me.', version: '2026-11-01', timestamp: now },
      source: { url: 'https://clinic.example/ptsd' },
    };
    const res = await fetch(`${receiver.url}/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(lead),
    });
    assert.equal(res.status, 201);
    const deadline = Date.now() + 5000;
    while (got.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    assert.equal(got.length, 1);
    assert.equal(got[0].lead.idempotencyKey, key);
    assert.equal(got[0].mapped.salesforce.LastName, 'Quintero');
    // A forged request is refused.
    const forged = await fetch(`http://127.0.0.1:${server.address().port}/hearth`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'hearth-signature': sign(Math.floor(Date.now() / 1000), '{}', 'wrong-secret-0123456789'),
        'idempotency-key': randomUUID(),
      },
      body: '{}',
    });
    assert.equal(forged.status, 401);
  });
});
