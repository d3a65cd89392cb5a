import { describeTarget } from './forwarder.js';
import { toCsv } from './sanitize.js';
import type { ForwardCounts, ForwardJob, StoredLead } from './store.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Every stored string came from a stranger's browser: escape it all. Control characters (which
 * leads stored before they were stripped may hold) show as U+FFFD.
 */
export function escapeHtml(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return String(value ?? '').replace(/[&<>"']|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => ESCAPES[c] ?? '\uFFFD');
}

function summaryText(lead: StoredLead): string {
  const s = lead.lead.summary;
  if (!s) return '—';
  if (s.type === 'assessment') {
    return `${s.instrument.toUpperCase()} ${s.score} (cut point ${s.cutPoint}, ${s.positive ? 'positive' : 'negative'}), ${s.candidacy}`;
  }
  return `Coverage ${s.state}${s.payerId ? ` / ${s.payerId}` : ''}: ${s.outcome}`;
}

function checkText(lead: StoredLead): string {
  if (!lead.serverScore) return lead.lead.answers ? 'not scored' : 'no answers sent';
  if (lead.scoreMismatch) return `MISMATCH: ${lead.mismatches.join(', ')}`;
  return 'matches';
}

/** Every lead as CSV (the columns of /admin), each cell neutralised against formula injection. */
export function leadsCsv(leads: readonly StoredLead[]): string {
  const header = [
    'received_at',
    'urgent',
    'name',
    'email',
    'phone',
    'state',
    'preferred_contact',
    'kind',
    'summary',
    'server_check',
    'page',
    'id',
  ];
  return toCsv([
    header,
    ...leads.map((l) => {
      const c = l.lead.contact;
      return [
        l.receivedAt,
        l.urgent ? 'yes' : 'no',
        c.name,
        c.email,
        c.phone ?? '',
        c.state ?? '',
        c.preferredContact ?? '',
        l.lead.kind,
        summaryText(l),
        checkText(l),
        l.lead.source.url,
        l.id,
      ];
    }),
  ]);
}

export interface AdminExtras {
  /** Dead-lettered deliveries, each with a retry button. */
  deadJobs?: readonly ForwardJob[];
  /** Delivery counts, when forwarding is on. */
  forwarding?: ForwardCounts | undefined;
  /** The CSRF token the retry forms carry. */
  csrf?: string | undefined;
}

function deadLetterSection(extras: AdminExtras): string {
  if (!extras.forwarding) return '';
  const { pending, done, dead } = extras.forwarding;
  const jobs = extras.deadJobs ?? [];
  const rows = jobs
    .map(
      (j) => `<tr>
  <td><code>${escapeHtml(j.idempotencyKey)}</code></td>
  <td>${j.kind === 'urgent' ? '<strong>urgent notice</strong>' : 'forward'}</td>
  <td>${escapeHtml(describeTarget(j.target))}</td>
  <td>${j.attempts}</td>
  <td>${escapeHtml(j.lastError ?? '')}</td>
  <td><form method="post" action="/admin/forward/${escapeHtml(encodeURIComponent(j.id))}/retry"><input type="hidden" name="csrf" value="${escapeHtml(extras.csrf ?? '')}"><button type="submit">Retry</button></form></td>
</tr>`,
    )
    .join('\n');
  return `<h2>Deliveries</h2>
<p>${done} delivered, ${pending} waiting or retrying, ${dead} failed for good.</p>
${
  jobs.length
    ? `<div class="wrap"><table>
<caption>Failed deliveries (dead letters): fix the receiving end, then retry</caption>
<thead><tr><th scope="col">Idempotency key</th><th scope="col">Kind</th><th scope="col">Target</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Action</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
    : '<p>No failed deliveries.</p>'
}`;
}

/** The plain HTML list at `/admin`: no script, no external resource, newest first. */
export function renderAdminPage(
  leads: StoredLead[],
  page: { total: number; limit: number; offset: number },
  extras: AdminExtras = {},
): string {
  const rows = leads
    .map((l) => {
      const c = l.lead.contact;
      const email = escapeHtml(c.email);
      return `<tr${l.urgent ? ' class="urgent"' : ''}>
  <td><time datetime="${escapeHtml(l.receivedAt)}">${escapeHtml(l.receivedAt.replace('T', ' ').slice(0, 19))}</time></td>
  <td>${l.urgent ? '<strong>URGENT</strong>' : ''}</td>
  <td>${escapeHtml(c.name)}</td>
  <td><a href="mailto:${email}">${email}</a></td>
  <td>${c.phone ? `<a href="tel:${escapeHtml(c.phone)}">${escapeHtml(c.phone)}</a>` : ''}</td>
  <td>${escapeHtml(c.state ?? '')}</td>
  <td>${escapeHtml(c.preferredContact ?? '')}</td>
  <td>${escapeHtml(l.lead.kind)}</td>
  <td>${escapeHtml(summaryText(l))}</td>
  <td${l.scoreMismatch ? ' class="mismatch"' : ''}>${escapeHtml(checkText(l))}</td>
  <td>${escapeHtml(l.lead.source.url)}</td>
  <td><code>${escapeHtml(l.id)}</code></td>
</tr>`;
    })
    .join('\n');
  const { total, limit, offset } = page;
  const prev = offset > 0 ? `<a href="?offset=${Math.max(0, offset - limit)}&amp;limit=${limit}" rel="prev">Newer</a>` : '';
  const next = offset + limit < total ? `<a href="?offset=${offset + limit}&amp;limit=${limit}" rel="next">Older</a>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Leads (${total}) · Hearth lead receiver</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 1rem; color: #1a1a1a; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ccc; padding: .4rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; position: sticky; top: 0; }
  tr.urgent td { background: #fff1f0; }
  td.mismatch { color: #a40000; font-weight: 600; }
  .wrap { overflow-x: auto; }
  nav a { margin-right: 1rem; }
</style>
</head>
<body>
<h1>Leads</h1>
<p>${total} lead${total === 1 ? '' : 's'} stored${total ? `, showing ${leads.length ? offset + 1 : 0}–${offset + leads.length}` : ''}. Urgent leads answered the safety question above “not at all”: contact them first.</p>
${
  leads.length
    ? `<div class="wrap"><table>
<caption>Newest first</caption>
<thead><tr><th scope="col">Received (UTC)</th><th scope="col">Urgent</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Phone</th><th scope="col">State</th><th scope="col">Prefers</th><th scope="col">Kind</th><th scope="col">Summary</th><th scope="col">Server check</th><th scope="col">Page</th><th scope="col">Id</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
    : '<p>No leads yet.</p>'
}
<nav aria-label="Pages">${prev}${next}</nav>
<p><a href="/admin/leads.csv" download>Download all leads as CSV</a> (cells that a spreadsheet would run as a formula start with ').</p>
${deadLetterSection(extras)}
</body>
</html>`;
}
