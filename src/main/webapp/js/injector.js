// The injector's page, phone first: launch, consent, live status with escalation, photos, the
// call, and the end. It follows the emergency through /progress (no patient data, so not an
// audited access) and reads patient data only when it needs it.
import { api, explain, upload } from './api.js';
import { $, el, startPage, time, COMPLICATIONS, OUTCOMES, humanize, showProblem } from './shell.js';
import { CallPanel } from './call.js';
import { endPanel, showTimeline } from './ending.js';

const CURRENT = 'directorline.injector.emergency';
const POLL_MS = 1500;
const OPEN = ['ALERTING', 'ACCEPTED', 'CONNECTED'];

const me = await startPage('INJECTOR');
let current = null; // {id, patientRef, patientInitials}
let progress = null;
let poller = null;
// The call is joined by itself once; after a failure only the panel's button tries again.
let callTried = false;

const call = new CallPanel('call', () => ({ name: progress.director?.displayName, phone: progress.director?.phone }));
const panel = call.element;
panel.hidden = true;
$('call-slot').replaceWith(panel);
const endForm = endPanel(() => current.id, poll);
endForm.hidden = true;
$('end-slot').replaceWith(endForm);

for (const [value, label] of Object.entries(COMPLICATIONS)) {
  $('complications').append(el('label', { class: 'choice' },
    el('input', { type: 'radio', name: 'complication', value, id: `complication-${value}`, required: true }),
    el('span', { text: label })));
}

function show(section) {
  for (const id of ['ready', 'launch', 'live']) $(id).hidden = id !== section;
}

// --- start ---------------------------------------------------------------------------------

async function ready() {
  stopFollowing();
  sessionStorage.removeItem(CURRENT);
  current = null;
  show('ready');
  $('emergency-button').focus();
  try {
    const open = await api('GET', '/api/emergencies?status=open');
    $('open').hidden = open.length === 0;
    $('open-list').replaceChildren(...open.map((e) => el('li', {},
      el('button', { type: 'button', class: 'link', onclick: () => follow({ id: e.id, patientRef: e.patientRef, patientInitials: e.patientInitials }) },
        `${COMPLICATIONS[e.complication]} — ${e.patientInitials} — ${humanize(e.status)} since ${time(e.launchedAt, false)}`))));
  } catch (e) {
    $('open').hidden = true;
  }
}

$('emergency-button').addEventListener('click', () => {
  show('launch');
  $('launch-error').hidden = true;
  document.querySelector('input[name=complication]').focus();
});
$('launch-back').addEventListener('click', ready);

$('launch').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('launch-error').hidden = true;
  const chosen = document.querySelector('input[name=complication]:checked');
  if (!chosen) return showProblem('launch-error', 'Choose the complication.');
  const patientRef = $('patient-ref').value.trim();
  const patientInitials = $('patient-initials').value.trim();
  if (!patientRef || !patientInitials) return showProblem('launch-error', 'Enter the patient reference and initials.');
  $('launch-button').disabled = true;
  try {
    const launched = await api('POST', '/api/emergencies', {
      complication: chosen.value,
      patientRef,
      patientInitials,
      note: $('launch-note').value.trim() || null,
      drill: $('drill').checked,
    }, { 'Idempotency-Key': launchKey });
    $('launch').reset();
    launchKey = crypto.randomUUID();
    follow({ id: launched.id, patientRef: launched.patientRef, patientInitials: launched.patientInitials });
  } catch (e) {
    showProblem('launch-error', e);
  } finally {
    $('launch-button').disabled = false;
  }
});
// A double tap or a retried request launches once.
let launchKey = crypto.randomUUID();

// --- following one emergency ---------------------------------------------------------------

function follow(emergency) {
  current = emergency;
  sessionStorage.setItem(CURRENT, emergency.id);
  progress = null;
  $('photo-list').replaceChildren();
  $('timeline').replaceChildren();
  $('photo-message').textContent = '';
  callTried = false;
  show('live');
  window.scrollTo(0, 0);
  refreshConsent();
  poll();
  poller = setInterval(poll, POLL_MS);
  clearInterval(ticker);
  ticker = setInterval(countdown, 250);
}
let ticker = null;

function stopFollowing() {
  clearInterval(poller);
  clearInterval(ticker);
  call.leave();
}

async function poll() {
  try {
    const next = await api('GET', `/api/emergencies/${current.id}/progress`);
    const changed = !progress || progress.timelineEntries !== next.timelineEntries || progress.status !== next.status;
    progress = next;
    if (changed) {
      render();
      // Guidance the director writes shows up here; read (and audited) only when it changed.
      if (progress.status !== 'ALERTING') showTimeline(current.id, $('timeline')).catch(() => {});
    }
  } catch (e) {
    if (e.status === 404) ready();
  }
}

function render() {
  const p = progress;
  const title = $('status-title');
  const step = p.escalation;
  const alerted = step.alerted.filter((a) => a.round === step.round);
  $('status-kind').textContent = `${COMPLICATIONS[p.complication]}${p.drill ? ' — drill' : ''} · ${current.patientInitials || ''} · launched ${time(p.launchedAt)}`;
  $('status-card').dataset.status = p.status;
  $('cancel-button').hidden = p.status !== 'ALERTING';
  $('transfer-plan').textContent = p.transferPlan || 'This clinic has no transfer plan on file: call 911.';
  const unanswered = p.status === 'UNANSWERED';
  $('transfer').hidden = !(unanswered || p.status === 'ALERTING');
  $('transfer').classList.toggle('urgent', unanswered);
  $('transfer').open = unanswered || $('transfer').open;
  $('transfer-summary').textContent = unanswered ? 'Transfer plan — follow it now' : 'Transfer plan — if no director answers';
  $('alerted').replaceChildren(...alerted.map((a) => el('li', {},
    `${a.displayName}: alerted ${time(a.alertedAt)}${a.declinedAt ? `, declined ${time(a.declinedAt)}` : ''}`)));
  if (p.status === 'ALERTING') {
    const waiting = alerted.filter((a) => !a.declinedAt).map((a) => a.displayName);
    title.textContent = `Alerting ${waiting.join(', ') || 'the next director'}`;
    $('status-detail').textContent = `Step ${step.step} of ${step.steps}${step.rounds > 1 ? `, round ${step.round} of ${step.rounds}` : ''}.`;
  } else if (p.status === 'ACCEPTED' || p.status === 'CONNECTED') {
    title.textContent = `${p.director.displayName} accepted`;
    $('status-detail').textContent = p.status === 'CONNECTED'
      ? `In the call since ${time(p.connectedAt)}.`
      : `Accepted at ${time(p.acceptedAt)}; joining the call.`;
  } else if (p.status === 'UNANSWERED') {
    title.textContent = 'No director answered';
    $('status-detail').textContent = 'Follow the transfer plan now.';
  } else if (p.status === 'CANCELLED') {
    title.textContent = 'Emergency cancelled';
    $('status-detail').textContent = '';
  } else {
    title.textContent = 'Emergency ended';
    $('status-detail').textContent = `${OUTCOMES[p.outcome] || ''} at ${time(p.endedAt)}.`;
  }
  const inCall = p.status === 'ACCEPTED' || p.status === 'CONNECTED';
  panel.hidden = !inCall;
  $('end-form').hidden = !inCall;
  const closed = !OPEN.includes(p.status);
  $('photos-card').hidden = closed;
  $('consent-card').hidden = closed;
  $('ended-card').hidden = !closed;
  $('timeline-card').hidden = p.status === 'ALERTING';
  $('ended-detail').textContent = {
    UNANSWERED: 'The transfer plan is shown above. Tell the paramedics what was injected, where and when.',
    ENDED: 'Document it in the patient\'s chart from the timeline, and plan the follow-up checks (24 hours, 48 hours, 1 week).'
      + (p.consentBasis === 'EMERGENCY_EXCEPTION' ? ' A follow-up task reminds you to inform the patient and obtain consent.' : ''),
    CANCELLED: 'The directors were told it is no longer needed.',
  }[p.status] || '';
  if (inCall && !callTried) {
    callTried = true;
    call.join(current.id, me);
  }
  if (closed) {
    stopFollowing();
    countdown();
  }
  renderConsentBasis();
}

function countdown() {
  const deadline = progress?.status === 'ALERTING' && progress.escalation.nextDeadline;
  if (!deadline) {
    $('countdown').textContent = '';
    return;
  }
  const seconds = Math.max(0, Math.ceil((Date.parse(deadline) - Date.now()) / 1000));
  const last = progress.escalation.step === progress.escalation.steps && progress.escalation.round === progress.escalation.rounds;
  $('countdown').textContent = last ? `${seconds} s until the transfer plan` : `${seconds} s until the next director is alerted`;
}


$('cancel-button').addEventListener('click', async () => {
  if (!confirm('Cancel this emergency? The directors are told it is no longer needed.')) return;
  try {
    await api('POST', `/api/emergencies/${current.id}/cancel`);
    poll();
  } catch (e) {
    $('status-detail').textContent = explain(e);
  }
});


$('start-over').addEventListener('click', ready);

// --- consent -------------------------------------------------------------------------------

let consents = [];
let texts = [];

async function refreshConsent() {
  try {
    consents = await api('POST', '/api/consents/search', { patientRef: current.patientRef });
  } catch (e) {
    consents = [];
  }
  renderConsentBasis();
}

function inEffect(kind) {
  return consents.find((c) => c.kind === kind && c.status === 'IN_EFFECT');
}

function renderConsentBasis() {
  const exception = progress?.consentBasis === 'EMERGENCY_EXCEPTION';
  const line = (kind, label) => {
    const found = inEffect(kind);
    return el('li', { class: found || exception ? 'ok' : 'missing' },
      found ? `${label}: consent in effect (${humanize(found.method)}, ${time(found.obtainedAt, false)})`
        : exception ? `${label}: emergency exception declared` : `${label}: not recorded`);
  };
  $('consent-state').replaceChildren(
    line('TELEHEALTH_CONSULT', 'Video consult'),
    line('PHOTO_CAPTURE_AND_SHARING', 'Photos'));
  const complete = exception || (inEffect('TELEHEALTH_CONSULT') && inEffect('PHOTO_CAPTURE_AND_SHARING'));
  $('consent-record-open').hidden = complete;
  $('consent-exception-open').hidden = exception || complete;
}

$('consent-record-open').addEventListener('click', async () => {
  $('exception-form').hidden = true;
  $('consent-form').hidden = false;
  try {
    const all = await api('GET', `/api/clinics/${progress.clinicId}/consent-texts`);
    // The newest version of each kind is the one to show.
    texts = ['TELEHEALTH_CONSULT', 'PHOTO_CAPTURE_AND_SHARING']
      .map((kind) => all.filter((t) => t.kind === kind).sort((a, b) => b.version - a.version)[0])
      .filter(Boolean);
  } catch (e) {
    texts = [];
  }
  $('consent-texts').replaceChildren(...texts.filter((t) => !inEffect(t.kind)).map((t) => el('div', { class: 'consent-text' },
    el('label', { class: 'check' },
      el('input', { type: 'checkbox', checked: true, value: t.id, 'data-kind': t.kind, id: `consent-kind-${t.kind}` }),
      `${humanize(t.kind)} (version ${t.version})`),
    el('blockquote', { text: t.text }))));
  if (texts.length === 0) showProblem('consent-error', 'The clinic has no consent text yet; its admin must add one. Use the emergency exception if the patient cannot wait.');
  $('consent-name').focus();
});

$('consent-method').addEventListener('change', () => {
  const signature = $('consent-method').value === 'ELECTRONIC_SIGNATURE';
  $('consent-signature').hidden = !signature;
  $('consent-signature-label').hidden = !signature;
});

$('consent-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('consent-error').hidden = true;
  const chosen = [...$('consent-texts').querySelectorAll('input[type=checkbox]:checked')];
  if (chosen.length === 0) return showProblem('consent-error', 'Tick the consent the patient gave.');
  try {
    for (const box of chosen) {
      await api('POST', '/api/consents', {
        patientRef: current.patientRef,
        kind: box.dataset.kind,
        consentTextId: box.value,
        givenBy: { name: $('consent-name').value.trim(), relationship: $('consent-relationship').value.trim() },
        method: $('consent-method').value,
        witness: $('consent-witness').value.trim() || null,
        signature: $('consent-method').value === 'ELECTRONIC_SIGNATURE' ? $('consent-signature').value.trim() : null,
      });
    }
    $('consent-form').hidden = true;
    await refreshConsent();
    poll();
  } catch (e) {
    showProblem('consent-error', e);
  }
});

$('consent-exception-open').addEventListener('click', () => {
  $('consent-form').hidden = true;
  $('exception-form').hidden = false;
  $('exception-reason').focus();
});

$('exception-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('exception-error').hidden = true;
  try {
    await api('POST', `/api/emergencies/${current.id}/consent-exception`, { reason: $('exception-reason').value.trim() });
    $('exception-form').hidden = true;
    $('exception-form').reset();
    poll();
  } catch (e) {
    showProblem('exception-error', e);
  }
});

// --- photos --------------------------------------------------------------------------------

$('photo-input').addEventListener('change', async () => {
  const file = $('photo-input').files[0];
  $('photo-input').value = '';
  if (!file) return;
  const bar = $('photo-progress');
  const message = $('photo-message');
  bar.hidden = false;
  bar.value = 0;
  message.textContent = 'Uploading…';
  const headers = { 'X-Captured-At': new Date(file.lastModified || Date.now()).toISOString() };
  const caption = $('photo-caption').value.trim();
  if (caption) headers['X-Caption'] = caption;
  try {
    const photo = await upload(`/api/emergencies/${current.id}/photos`,
      file.type ? file : new Blob([file], { type: 'image/jpeg' }), headers, (share) => { bar.value = share; },
      (seconds) => { message.textContent = `Other photos are arriving; sending again in ${seconds} s…`; });
    bar.value = 1;
    message.textContent = `Photo added at ${time(photo.receivedAt)}.`;
    $('photo-caption').value = '';
    const preview = URL.createObjectURL(file);
    $('photo-list').prepend(el('li', {},
      el('img', { src: preview, alt: photo.caption || `Photo ${time(photo.receivedAt)}` }),
      el('span', { text: `${photo.caption || 'Photo'} · ${time(photo.receivedAt)}` })));
  } catch (e) {
    message.textContent = `Not added: ${explain(e)}`;
  } finally {
    bar.hidden = true;
  }
});

// --- resume after a reload -----------------------------------------------------------------

const resumed = sessionStorage.getItem(CURRENT);
if (resumed) {
  try {
    const e = await api('GET', `/api/emergencies/${resumed}`);
    OPEN.includes(e.status) ? follow({ id: e.id, patientRef: e.patientRef, patientInitials: e.patientInitials }) : ready();
  } catch (e) {
    ready();
  }
} else {
  ready();
}
