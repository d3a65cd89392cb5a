// A page of "the clinic's site" for test/lead-delivery.test.ts and test/lead-faults.test.ts,
// loaded in an iframe so that a lead can wait (or be in flight) while the page is really gone and
// be sent by the next page load.
// Query: ?store=<outbox name>&endpoint=<url>[&action=send&lead=<json>][&widget=coverage]
// `widget=coverage`: the page has a real <hearth-coverage state="TX"> for the test to fill in.
import { HearthElement } from '../../packages/core/src/index.js';
import { Outbox, resumePendingLeads, sendLead, type LeadInput } from '../../packages/lead/src/index.js';
// The clinic's page has the assessment: its lead summary is registered (the test's leads carry one).
import '../../packages/assessment/src/schema.js';

const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint') ?? '';
// The page's shared outbox, with this test's store, before anything resumes it.
Outbox.shared({ storeName: params.get('store') ?? 'hearth-outbox', baseDelayMs: 50, maxDelayMs: 200 });
// What the script-tag runtime does when a page's first widget loads it: send what earlier visits
// left queued (HearthElement itself knows nothing of leads).
void resumePendingLeads();

const report = (type: string, data: Record<string, unknown> = {}) =>
  parent.postMessage({ from: 'outbox-page', type, ...data }, location.origin);
for (const name of ['hearth-lead-queued', 'hearth-lead-submitted', 'hearth-lead-error'] as const) {
  document.addEventListener(name, (event) => report('event', { name, detail: (event as CustomEvent).detail }));
}

class HearthPageWidget extends HearthElement {
  protected renderContent(): unknown {
    return 'A Hearth widget';
  }
}
HearthPageWidget.define('hearth-page-widget');

const widget = document.createElement('hearth-page-widget');
widget.setAttribute('endpoint', endpoint);
document.body.append(widget);

if (params.get('widget') === 'coverage') {
  await import('../../packages/coverage/src/define.js');
  const coverage = document.createElement('hearth-coverage');
  coverage.setAttribute('state', 'TX');
  coverage.setAttribute('endpoint', endpoint);
  document.body.append(coverage);
}

if (params.get('action') === 'send') {
  const lead = JSON.parse(params.get('lead') ?? 'null') as LeadInput;
  const delivery = await sendLead(lead, { endpoint, source: widget });
  report('delivery', { status: delivery.status, durable: delivery.durable ?? null });
}
report('ready');
