import type { StoredLead } from './store.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every stored string came from a stranger's browser: escape it all. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
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

/** The plain HTML list at `/admin`: no script, no external resource, newest first. */
export function renderAdminPage(leads: StoredLead[], page: { total: number; limit: number; offset: number }): string {
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
</body>
</html>`;
}
