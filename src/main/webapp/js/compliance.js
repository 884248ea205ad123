// The compliance officer's console: the trail's verification, the audit search with exports,
// the per-patient access report, flags and review attestations. Every read here is audited too.
import { api, download, explain } from './api.js';
import { $, el, startPage, dateTime, day, humanize, showProblem, COMPLICATIONS, STATUSES } from './shell.js';

await startPage('COMPLIANCE_OFFICER');
const PAGE_SIZE = 50;
let page = 0;
// The cursor each page was asked with (null for the first): Older follows nextCursor, Newer goes
// back one. Paging by cursor costs the same at any depth.
let cursors = [null];
let nextCursor = null;

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

// --- the lists the officer picks from ------------------------------------------------------

let people = new Map();

async function loadPeople() {
  try {
    const list = await api('GET', '/api/audit/people');
    people = new Map(list.map((p) => [p.id, p]));
    $('f-user').replaceChildren(el('option', { value: '', text: 'Anyone' }),
      ...list.map((p) => el('option', { value: p.id, text: `${p.displayName} (${p.username})${p.active ? '' : ', disabled'}` })));
  } catch (e) {
    showProblem('search-error', e);
  }
}

/** "3 Dec 2026, 14:02 · Vascular occlusion · Jane Doe → Dr Ana Patel · Ended · #1A2B3C4D" */
function emergencyLabel(e) {
  return [dateTime(e.launchedAt), `${COMPLICATIONS[e.complication] || humanize(e.complication)}${e.drill ? ' (drill)' : ''}`,
    `${e.injector || 'someone'} → ${e.director || 'not accepted'}`, STATUSES[e.status] || humanize(e.status),
    `#${e.reference}`].join(' · ');
}

const emergencies = new Map();

/** The emergencies launched in the search's period (the last 30 days when it has no dates). */
async function loadEmergencies() {
  const chosen = $('f-emergency').value;
  try {
    const list = await api('GET', `/api/audit/emergencies?${query({ from: instant('f-from'), to: instant('f-to') })}`);
    list.forEach((e) => emergencies.set(e.id, e));
    $('f-emergency').replaceChildren(el('option', { value: '', text: 'Any emergency' }),
      ...list.map((e) => el('option', { value: e.id, text: emergencyLabel(e) })));
    if (list.some((e) => e.id === chosen)) $('f-emergency').value = chosen;
  } catch (e) {
    showProblem('search-error', e);
  }
}
$('f-from').addEventListener('change', loadEmergencies);
$('f-to').addEventListener('change', loadEmergencies);

/** An emergency's short reference, as the lists show it. */
function reference(id) {
  return id ? `#${id.slice(0, 8).toUpperCase()}` : '';
}

// --- one event in full ---------------------------------------------------------------------

function showEvent(e) {
  const who = e.username ? `${e.username}${people.get(e.userId) ? ` (${people.get(e.userId).displayName})` : ''}` : 'system';
  const rows = [
    ['Chain position', e.seq == null ? 'being sealed' : `#${e.seq}`],
    ['When', dateTime(e.at)],
    ['Who', who],
    ['Role', humanize(e.role)],
    ['Action', e.action],
    ['Object', `${humanize(e.objectType)}${e.objectId ? ` ${e.objectId}` : ''}`],
    ['Patient', e.patientRef],
    ['Emergency', e.emergencyId ? (emergencies.has(e.emergencyId) ? emergencyLabel(emergencies.get(e.emergencyId)) : reference(e.emergencyId)) : null],
    ['Took part', e.participant == null ? null : (e.participant ? 'yes' : 'no')],
    ['Outcome', `${e.outcome}${e.reason ? `: ${e.reason}` : ''}`],
    ['Purpose', `${humanize(e.purpose)}${e.justification ? `: ${e.justification}` : ''}`],
    ['Detail', e.detail],
    ['From', [e.ip, e.userAgent].filter(Boolean).join(' — ')],
    ['Correlation id', e.correlationId],
    ['Hash', e.hash],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  $('event-detail-title').textContent = `Audit event ${e.seq == null ? '' : `#${e.seq}`}`.trim();
  $('event-fields').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]));
  $('event-detail').showModal();
}

function detailButton(e) {
  return el('button', { type: 'button', class: 'link', 'data-event': e.id, text: e.seq == null ? '…' : String(e.seq),
    'aria-label': `Open audit event ${e.seq ?? ''}`.trim(), onclick: (event) => { event.stopPropagation(); showEvent(e); } });
}

/** A row that opens its event on a click anywhere in it (the button keeps it keyboard-reachable). */
function opens(e, row) {
  row.classList.add('opens');
  row.addEventListener('click', () => showEvent(e));
  return row;
}

// --- search --------------------------------------------------------------------------------

function filters() {
  return {
    from: instant('f-from'),
    to: instant('f-to'),
    patientRef: $('f-patient').value.trim(),
    userId: $('f-user').value,
    emergencyId: $('f-emergency').value,
    action: $('f-action').value,
    outcome: $('f-outcome').value,
    purpose: $('f-purpose').value,
  };
}

async function search() {
  $('search-error').hidden = true;
  try {
    // POST: a patient reference never travels in a URL, where proxies and access logs keep it.
    const result = await api('POST', '/api/audit/events/search', present({ ...filters(), after: cursors[page], size: PAGE_SIZE }));
    nextCursor = result.nextCursor || null;
    $('events').querySelector('tbody').replaceChildren(...result.items.map((e) => opens(e, el('tr', { class: e.outcome !== 'SUCCESS' ? 'refused' : null },
      el('td', {}, detailButton(e)),
      el('td', { text: dateTime(e.at) }),
      el('td', { text: e.username || 'system' }),
      el('td', { text: humanize(e.role) }),
      el('td', { text: e.action }),
      el('td', { text: `${humanize(e.objectType)}${e.detail ? ` (${e.detail})` : ''}` }),
      el('td', { class: 'ref', text: e.patientRef || '' }),
      el('td', { text: `${e.outcome}${e.reason ? `: ${e.reason}` : ''}` }),
      el('td', { text: `${humanize(e.purpose)}${e.justification ? `: ${e.justification}` : ''}` }),
      el('td', { text: e.ip || '' })))));
    const shown = result.items.length;
    $('search-summary').textContent = result.total === 0 ? 'No events match.'
      : `Events ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + shown} of ${result.total}${result.totalExact ? '' : '+'}, newest first.`;
    $('page-prev').disabled = page === 0;
    $('page-next').disabled = !nextCursor;
  } catch (e) {
    showProblem('search-error', e);
  }
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  page = 0;
  cursors = [null];
  search();
});
$('page-prev').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
$('page-next').addEventListener('click', () => {
  if (!nextCursor) return;
  page += 1;
  cursors[page] = nextCursor;
  search();
});

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
    const result = await api('GET', `/api/audit/flags?${query({ from: instant('g-from'), to: instant('g-to'), kind: $('g-kind').value })}`);
    flagPeriod = { from: result.from, to: result.to };
    const zones = [...new Set(result.groups.map((g) => g.timeZone))];
    const perKind = Object.entries(result.kinds).map(([kind, n]) => `${n} ${(FLAGS[kind] || humanize(kind)).toLowerCase()}`);
    $('flag-period').textContent = `Period: ${dateTime(result.from)} – ${dateTime(result.to)} (empty dates: the last 7 days). `
      + `${result.total} ${result.total === 1 ? 'flag' : 'flags'}${perKind.length ? ` (${perKind.join(', ')})` : ''}`
      + ` in ${result.groupCount} ${result.groupCount === 1 ? 'group' : 'groups'}`
      + `${result.groupCount > result.groups.length ? `; the ${result.groups.length} newest are listed: choose a kind or a shorter period for the others` : ''}`
      + `${zones.length ? `; days and times in the clinic's time zone (${zones.join(', ')})` : ''}.`;
    const body = $('flag-table').querySelector('tbody');
    body.replaceChildren(...result.groups.map(groupRow));
    if (result.groups.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: 7, text: 'No flags in this period.' })));
    }
    const reviews = await api('GET', `/api/audit/reviews?${query(flagPeriod)}`);
    $('reviews').replaceChildren(...(reviews.length ? reviews.map((r) => el('li', {},
      `${dateTime(r.reviewedAt)}: ${dateTime(r.from)} – ${dateTime(r.to)}${r.kind ? ` (${humanize(r.kind)})` : ''}: ${r.note}`))
      : [el('li', { class: 'hint', text: 'No review attested for this period yet.' })]));
  } catch (e) {
    showProblem('flags-error', e);
  }
}

const FLAGS = {
  BREAK_GLASS: 'Break-glass',
  NON_PARTICIPANT: 'Not on the case',
  AFTER_HOURS: 'After hours',
  DENIED: 'Refused',
  BULK_READ: 'Many patients',
  CONSENT_EXCEPTION: 'Consent exception',
  FOLLOW_UP_OVERDUE: 'Follow-up overdue',
};

/** One group: a summary row, and its events on demand right below it. */
function groupRow(g, index) {
  const id = `flag-group-${index}`;
  const toggle = el('button', { type: 'button', class: 'secondary compact', id: `${id}-toggle`, 'aria-expanded': 'false',
    text: `Show ${g.count === 1 ? 'the event' : `the ${g.count} events`}` });
  const row = el('tr', { id, 'data-kind': g.kind },
    el('td', {}, el('span', { class: `flag flag-${g.kind.toLowerCase()}`, text: FLAGS[g.kind] || humanize(g.kind) })),
    el('td', { text: `${day(g.day)}${g.clinicName ? ` · ${g.clinicName}` : ''}` }),
    el('td', { text: g.userId && people.get(g.userId) ? people.get(g.userId).displayName : (g.username || 'unknown') }),
    el('td', { class: 'ref', text: g.emergencyId ? (emergencies.has(g.emergencyId) ? `${COMPLICATIONS[emergencies.get(g.emergencyId).complication] || ''} ${reference(g.emergencyId)}`.trim() : reference(g.emergencyId)) : '—' }),
    el('td', { class: 'count', text: `${g.count}${g.reviewed ? (g.reviewed === g.count ? ' (all reviewed)' : ` (${g.reviewed} reviewed)`) : ''}` }),
    el('td', { text: g.detail || '' }),
    el('td', {}, toggle));
  let items = [];
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    if (open) {
      items.forEach((r) => r.remove());
      items = [];
    } else {
      items = g.items.map((f) => opens(f.event, el('tr', { class: 'group-items' },
        el('td', {}, detailButton(f.event)),
        el('td', { text: dateTime(f.event.at, g.timeZone) }),
        el('td', { text: f.event.username || 'system' }),
        el('td', { text: `${f.event.action} ${humanize(f.event.objectType)}` }),
        el('td', { class: 'ref', text: f.event.patientRef || '' }),
        el('td', { colspan: 2, text: f.review ? `Reviewed ${dateTime(f.review.reviewedAt)}: ${f.review.note}` : 'Not reviewed' }))));
      if (g.more) {
        items.push(el('tr', { class: 'group-items' }, el('td', { colspan: 7, text: `${g.more} more: search the trail for this person and day.` })));
      }
      row.after(...items);
    }
    toggle.setAttribute('aria-expanded', String(!open));
    toggle.textContent = open ? `Show ${g.count === 1 ? 'the event' : `the ${g.count} events`}` : 'Hide';
  });
  return row;
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
await Promise.all([loadPeople(), loadEmergencies()]);
search();
