// How a clinic maps a forwarded Hearth lead onto its CRM's fields. Mapping only: no calls to
// HubSpot or Salesforce are made here (send the result with their own client libraries).
//
// The forwarded body: { event, id, idempotencyKey, receivedAt, urgent, scoreMismatch, mismatches,
// serverScore, origin, lead: { kind, widget, contact: { name, email, phone?, state?,
// preferredContact? }, consent, source: { url, utm? }, summary?, locale?, … } }

/** "Ana María Quintero" → first "Ana María", last "Quintero"; one word is a last name (Salesforce requires it). */
export function splitName(name) {
  const words = String(name).trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first: '', last: words[0] ?? '' };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1) };
}

/** One line for a CRM note: what the person did, never their answers. */
export function summaryLine(forwarded) {
  const s = forwarded.lead.summary;
  if (!s) return `Hearth ${forwarded.lead.kind} lead`;
  if (s.type === 'assessment') return `${s.instrument.toUpperCase()} ${s.score} (cut point ${s.cutPoint}), ${s.candidacy}`;
  return `Coverage check ${s.state}: ${s.outcome}`;
}

/**
 * HubSpot contact properties (CRM v3 `POST /crm/v3/objects/contacts` `{ properties }`). The
 * `hearth_*` ones are custom properties the clinic creates once in HubSpot.
 */
export function toHubSpotContact(forwarded) {
  const { contact, source } = forwarded.lead;
  const { first, last } = splitName(contact.name);
  return {
    email: contact.email,
    firstname: first,
    lastname: last,
    phone: contact.phone ?? '',
    state: contact.state ?? '',
    lifecyclestage: 'lead',
    hs_lead_status: 'NEW',
    hs_analytics_source_data_1: source.utm?.source ?? '',
    hearth_urgent: forwarded.urgent ? 'true' : 'false',
    hearth_preferred_contact: contact.preferredContact ?? '',
    hearth_summary: summaryLine(forwarded),
    hearth_lead_id: forwarded.id,
    hearth_idempotency_key: forwarded.idempotencyKey,
  };
}

/**
 * Salesforce Lead fields (`POST /services/data/vXX.X/sobjects/Lead`). `Company` and `LastName`
 * are required on a standard Lead; `Hearth_*__c` are custom fields the clinic adds, with
 * `Hearth_Idempotency_Key__c` marked External ID + Unique so an upsert on it never duplicates.
 */
export function toSalesforceLead(forwarded) {
  const { contact, source, locale } = forwarded.lead;
  const { first, last } = splitName(contact.name);
  return {
    FirstName: first,
    LastName: last,
    Company: '[not provided]',
    Email: contact.email,
    Phone: contact.phone ?? null,
    State: contact.state ?? null,
    LeadSource: 'Web',
    Status: 'Open - Not Contacted',
    Rating: forwarded.urgent ? 'Hot' : 'Warm',
    Description: `${summaryLine(forwarded)}. Page: ${source.url}${locale ? `. Language: ${locale}` : ''}`,
    Hearth_Urgent__c: forwarded.urgent,
    Hearth_Lead_Id__c: forwarded.id,
    Hearth_Idempotency_Key__c: forwarded.idempotencyKey,
  };
}
