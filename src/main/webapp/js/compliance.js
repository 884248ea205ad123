// The compliance officer's console: the trail's verification, the audit search with exports,
// the per-patient access report, flags and review attestations. Every read here is audited too.
import { api, download, explain } from './api.js';
import { $, el, startPage, dateTime, humanize, showProblem } from './shell.js';

await startPage('COMPLIANCE_OFFICER');
const PAGE_SIZE = 50;
let page = 0;

// --- tabs ----------------------------------------------------------------------------------

const tabs = ['search', 'report', 'flags'];
for (const name of tabs) {
  $(`tab-${name}`).addEventListener('click', () => {
    for (const other of tabs) {
      $(other).hidden = other !== name;
      $(`tab-${other}`).setAttribute('aria-selected', String(other === name));
    }
    if (name === 'flags') loadFlags();
  });
}

/** A datetime-local value (the officer's local time) as an ISO instant, or undefined. */
function instant(id) {
  const value = $(id).value;
  return value ? new Date(value).toISOString() : undefined;
}

/** The filled-in fields only: an empty filter is no filter. */
function present(params) {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
}

function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => v !== undefined && v !== '' && q.set(k, v));
  return q.toString();
}

// --- verification --------------------------------------------------------------------------

async function verify() {
  $('verification-title').textContent = 'Checking the audit trail…';
  try {
    const v = await api('GET', '/api/audit/verification');
    const ok = v.status === 'OK';
    $('verification').dataset.status = v.status;
    $('verification-title').textContent = ok ? 'Audit trail verified: intact' : `Audit trail BROKEN at event ${v.firstBrokenSeq}`;
    const copies = v.outsideCopies == null ? ''
      : `, held to ${v.outsideCopies} checkpoint ${v.outsideCopies === 1 ? 'copy' : 'copies'} kept outside the database`;
    // A failing sealer leaves new events unsealed: say so even when what is sealed is intact.
    const stalled = v.sealerFailingSince
      ? ` Sealing has been failing since ${dateTime(v.sealerFailingSince)}: ${v.pending} events wait; tell your administrator.`
      : '';
    $('verification-detail').textContent = ok
      ? `${v.events} events and ${v.checkpoints} signed checkpoints checked at ${dateTime(v.checkedAt)}${copies}`
        + `${v.pending && !v.sealerFailingSince ? `; ${v.pending} new ${v.pending === 1 ? 'event is' : 'events are'} being sealed` : ''}. Kept at least ${v.retentionYears} years.${stalled}`
      : `${v.problem}. Preserve the database and follow the incident procedure in the operations guide.`;
    if (ok && v.sealerFailingSince) {
      $('verification').dataset.status = 'STALLED';
      $('verification-title').textContent = 'Audit trail intact so far, but sealing has stopped';
    }
  } catch (e) {
    $('verification-title').textContent = 'The audit trail could not be checked';
    $('verification-detail').textContent = explain(e);
  }
}
$('verify').addEventListener('click', verify);

// --- search --------------------------------------------------------------------------------

function filters() {
  return {
    from: instant('f-from'),
    to: instant('f-to'),
    patientRef: $('f-patient').value.trim(),
    userId: $('f-user').value.trim(),
    emergencyId: $('f-emergency').value.trim(),
    action: $('f-action').value,
    outcome: $('f-outcome').value,
    purpose: $('f-purpose').value,
  };
}

async function search() {
  $('search-error').hidden = true;
  try {
    // POST: a patient reference never travels in a URL, where proxies and access logs keep it.
    const result = await api('POST', '/api/audit/events/search', present({ ...filters(), page, size: PAGE_SIZE }));
    $('events').querySelector('tbody').replaceChildren(...result.items.map((e) => el('tr', { class: e.outcome !== 'SUCCESS' ? 'refused' : null },
      el('td', { text: e.seq ?? '…' }),
      el('td', { text: dateTime(e.at) }),
      el('td', { text: e.username || 'system' }),
      el('td', { text: humanize(e.role) }),
      el('td', { text: e.action }),
      el('td', { text: `${humanize(e.objectType)}${e.detail ? ` (${e.detail})` : ''}` }),
      el('td', { text: e.patientRef || '' }),
      el('td', { text: `${e.outcome}${e.reason ? `: ${e.reason}` : ''}` }),
      el('td', { text: `${humanize(e.purpose)}${e.justification ? `: ${e.justification}` : ''}` }),
      el('td', { text: e.ip || '' }))));
    const shown = result.items.length;
    $('search-summary').textContent = result.total === 0 ? 'No events match.'
      : `Events ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + shown} of ${result.total}${result.totalExact ? '' : '+'}, newest first.`;
    $('page-prev').disabled = page === 0;
    $('page-next').disabled = (page + 1) * PAGE_SIZE >= result.total && result.totalExact;
  } catch (e) {
    showProblem('search-error', e);
  }
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  page = 0;
  search();
});
$('page-prev').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
$('page-next').addEventListener('click', () => { page += 1; search(); });

for (const format of ['csv', 'fhir']) {
  $(`export-${format}`).addEventListener('click', async () => {
    $('search-error').hidden = true;
    try {
      const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
      await download('/api/audit/events/export',
        `directorline-audit-${stamp}.${format === 'csv' ? 'csv' : 'json'}`, present({ format, ...filters() }));
      $('search-summary').textContent = `Exported as ${format.toUpperCase()}; the export itself is in the trail.`;
    } catch (e) {
      showProblem('search-error', e);
    }
  });
}

// --- access report -------------------------------------------------------------------------

$('report-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('report-error').hidden = true;
  const ref = $('r-patient').value.trim();
  if (!ref) return showProblem('report-error', 'Enter the patient reference.');
  try {
    const r = await api('POST', '/api/audit/patients/access-report', present({ patientRef: ref, from: instant('r-from'), to: instant('r-to') }));
    $('report-result').replaceChildren(
      el('h2', { text: `Who accessed ${r.patientRef}'s data` }),
      r.people.length === 0 ? el('p', { text: 'Nobody in this period.' }) : el('ul', { class: 'plain people', id: 'report-people' },
        ...r.people.map((p) => el('li', {}, el('strong', { text: p.username }),
          ` (${humanize(p.role)}): ${p.accesses} accesses, ${dateTime(p.first)} – ${dateTime(p.last)}`))),
      el('div', { class: 'table-wrap' }, el('table', { id: 'report-table' },
        el('caption', { class: 'visually-hidden', text: 'Every access, newest first' }),
        el('thead', {}, el('tr', {}, ...['When', 'Who', 'Action', 'Object', 'Purpose', 'Outcome', 'From'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, ...r.accesses.map((a) => el('tr', {},
          el('td', { text: dateTime(a.at) }),
          el('td', { text: a.username || '' }),
          el('td', { text: a.action }),
          el('td', { text: humanize(a.objectType) }),
          el('td', { text: `${humanize(a.purpose)}${a.justification ? `: ${a.justification}` : ''}` }),
          el('td', { text: a.outcome }),
          el('td', { text: a.ip || '' })))))),
      r.truncated ? el('p', { class: 'notice', text: 'More accesses than one report shows: narrow the period or export.' }) : '');
  } catch (e) {
    showProblem('report-error', e);
  }
});

// --- flags and reviews ---------------------------------------------------------------------

let flagPeriod = null;

async function loadFlags() {
  $('flags-error').hidden = true;
  try {
    const result = await api('GET', `/api/audit/flags?${query({ from: instant('g-from'), to: instant('g-to') })}`);
    flagPeriod = { from: result.from, to: result.to };
    $('flag-period').textContent = `Period: ${dateTime(result.from)} – ${dateTime(result.to)} (empty dates: the last 7 days).`;
    $('flag-table').querySelector('tbody').replaceChildren(...result.items.map((f) => el('tr', {},
      el('td', {}, el('span', { class: `flag flag-${f.kind.toLowerCase()}`, text: humanize(f.kind) })),
      el('td', { text: dateTime(f.event.at) }),
      el('td', { text: f.event.username || 'system' }),
      el('td', { text: `${f.event.action} ${humanize(f.event.objectType)} — ${f.detail}` }),
      el('td', { text: f.event.patientRef || '' }),
      el('td', { text: f.review ? `Reviewed ${dateTime(f.review.reviewedAt)}: ${f.review.note}` : 'Not reviewed' }))));
    if (result.items.length === 0) {
      $('flag-table').querySelector('tbody').append(el('tr', {}, el('td', { colspan: 6, text: 'No flags in this period.' })));
    }
    const reviews = await api('GET', `/api/audit/reviews?${query(flagPeriod)}`);
    $('reviews').replaceChildren(...(reviews.length ? reviews.map((r) => el('li', {},
      `${dateTime(r.reviewedAt)}: ${dateTime(r.from)} – ${dateTime(r.to)}${r.kind ? ` (${humanize(r.kind)})` : ''}: ${r.note}`))
      : [el('li', { class: 'hint', text: 'No review attested for this period yet.' })]));
  } catch (e) {
    showProblem('flags-error', e);
  }
}

$('flags-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadFlags();
});

$('review-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('review-error').hidden = true;
  if (!flagPeriod) await loadFlags();
  try {
    await api('POST', '/api/audit/reviews', { ...flagPeriod, note: $('review-note').value.trim() });
    $('review-note').value = '';
    $('review-done').textContent = 'Review attested.';
    loadFlags();
  } catch (e) {
    showProblem('review-error', e);
  }
});

verify();
search();
