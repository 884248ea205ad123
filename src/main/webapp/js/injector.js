// The injector's page, phone first: launch, consent, live status with escalation, photos, the
// call, and the end. It follows the emergency through /progress (no patient data, so not an
// audited access) and reads patient data only when it needs it.
import { api, explain, upload } from './api.js';
import { $, el, startPage, time, COMPLICATIONS, OUTCOMES, humanize, showProblem, clearFieldProblems } from './shell.js';
import { CallPanel } from './call.js';
import { counted, endPanel, flash, newestNoteOfOthers, showTimeline } from './ending.js';
import { clinicalPanels } from './clinical.js';
import { emergencyFollowUps, followUpsCard } from './followups.js';

const CURRENT = 'directorline.injector.emergency';
const POLL_MS = 1500;
const OPEN = ['ALERTING', 'ACCEPTED', 'CONNECTED'];

const me = await startPage('INJECTOR');
let current = null; // {id, patientRef, patientInitials, note}
let progress = null;
let poller = null;
// The call is joined by itself once; after a failure only the panel's button tries again.
let callTried = false;

// The status text follows the call: it never says "joining" once the call fell back to phone.
const call = new CallPanel('call', () => ({ name: progress.director?.displayName, phone: progress.director?.phone }),
  () => { if (progress) render(); });
const panel = call.element;
panel.hidden = true;
$('call-slot').replaceWith(panel);
const endForm = endPanel(() => current.id, poll);
endForm.hidden = true;
$('end-slot').replaceWith(endForm);
// The director's orders come first on the phone; the checklist and the record follow the call.
const clinical = clinicalPanels({
  role: 'INJECTOR',
  emergencyId: () => current.id,
  sound: () => beep(),
  // A new order is the first thing to see: on top, flashing, with the guidance's chime.
  arrived: (card) => {
    flash(card);
    window.scrollTo(0, 0);
    if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
    chime();
  },
});
$('orders-slot').replaceWith(clinical.orders.element);
$('checklist-slot').replaceWith(clinical.checklist.element);
$('record-slot').replaceWith(clinical.record.element);

// Follow-ups: the person's own on the start screen (re-read when shown, every minute and when the
// page is looked at again: injectors have no alert stream), and an ended emergency's own with the chart.
const clinicsWith = (role) => (me.memberships || []).filter((m) => m.roles.includes(role)).map((m) => m.clinicId);
const directing = clinicsWith('DIRECTOR');
const directs = (clinicId) => directing.includes(clinicId);
const myFollowUps = followUpsCard({
  id: 'my-follow-ups', title: 'Your follow-ups', me, clinicIds: clinicsWith('INJECTOR'), directs,
  emptyText: 'No open follow-ups: the checks after an emergency appear here when it ends.',
});
$('my-follow-ups-slot').replaceWith(myFollowUps.element);
const emergencyFollowUpsPanel = emergencyFollowUps({ me, directs, changed: () => myFollowUps.refresh() });
emergencyFollowUpsPanel.element.hidden = true;
$('emergency-follow-ups-slot').replaceWith(emergencyFollowUpsPanel.element);

// Alert first: one tap on the complication launches; the patient is added while waiting.
for (const [value, label] of Object.entries(COMPLICATIONS)) {
  $('complications').append(el('button', {
    type: 'button', class: 'complication', id: `complication-${value}`, text: label, onclick: () => launch(value),
  }));
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
  myFollowUps.refresh();
  try {
    const open = await api('GET', '/api/emergencies?status=open');
    $('open').hidden = open.length === 0;
    // Each line tells its emergency apart: the patient, who answered, and when it began.
    $('open-list').replaceChildren(...open.map((e) => el('li', {},
      el('button', { type: 'button', class: 'link open-emergency', onclick: () => follow(e) },
        el('strong', { text: `${COMPLICATIONS[e.complication]}${e.drill ? ' (drill)' : ''}` }),
        ` · ${e.patientRef ? `${e.patientInitials || ''} ${e.patientRef}`.trim() : 'patient not named yet'}`,
        ` · ${e.director ? `${humanize(e.status)} by ${e.director.displayName}` : humanize(e.status)}`,
        ` · launched ${time(e.launchedAt)}`))));
  } catch (e) {
    $('open').hidden = true;
  }
}

/** A tap is the gesture browsers require before a page may sound: guidance and due steps ring. */
function unlockAudio() {
  try {
    audio = audio || new AudioContext();
    if (audio.state !== 'running') audio.resume().catch(() => {});
  } catch (e) {
    audio = null;
  }
}
// After a reload the page has had no tap yet: the first one anywhere unlocks the sound.
document.addEventListener('pointerdown', unlockAudio);

$('emergency-button').addEventListener('click', () => {
  unlockAudio();
  show('launch');
  $('launch-error').hidden = true;
  $('complication-VASCULAR_OCCLUSION').focus();
});
$('launch-back').addEventListener('click', ready);

async function launch(complication) {
  $('launch-error').hidden = true;
  const buttons = [...$('complications').querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const launched = await api('POST', '/api/emergencies', { complication, drill: $('drill').checked },
      { 'Idempotency-Key': launchKey });
    $('launch').reset();
    launchKey = crypto.randomUUID();
    follow(launched);
    $('patient-ref').focus();
  } catch (e) {
    showProblem('launch-error', e);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}
// A double tap or a retried request launches once.
let launchKey = crypto.randomUUID();

// --- following one emergency ---------------------------------------------------------------

let audio = null;

function follow(emergency) {
  current = { id: emergency.id, patientRef: emergency.patientRef, patientInitials: emergency.patientInitials, note: emergency.note };
  sessionStorage.setItem(CURRENT, emergency.id);
  progress = null;
  $('photo-list').replaceChildren();
  $('timeline').replaceChildren();
  $('guidance').hidden = true;
  emergencyFollowUpsPanel.hide();
  $('transfer').open = false;
  $('photo-message').textContent = '';
  clinical.clear();
  callTried = false;
  show('live');
  window.scrollTo(0, 0);
  $('patient-form').reset();
  renderPatient();
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
    const entriesChanged = progress && progress.timelineEntries !== next.timelineEntries;
    progress = next;
    if (changed) {
      render();
      // Details added from another of the injector's devices are a timeline entry: show them.
      if (entriesChanged) refreshDetails();
      // Guidance, orders and ticks show up here; read (and audited) only when something changed.
      const status = progress.status;
      if (status !== 'ALERTING') {
        showTimeline(current.id, $('timeline')).then((entries) => {
          guidance(entries);
          return clinical.changed(status, entries);
        }).catch(() => {});
      } else {
        clinical.changed(status, null);
      }
    }
  } catch (e) {
    if (e.status === 404) ready();
  }
}

/** The patient's details as the server has them, when another device may have added them. */
async function refreshDetails() {
  const id = current.id;
  try {
    const e = await api('GET', `/api/emergencies/${id}`);
    if (!current || current.id !== id) return;
    if (e.patientRef !== current.patientRef || e.patientInitials !== current.patientInitials || e.note !== current.note) {
      Object.assign(current, { patientRef: e.patientRef, patientInitials: e.patientInitials, note: e.note });
      renderPatient();
      refreshConsent();
    }
  } catch (e) {
    // The next change tries again.
  }
}

function render() {
  const p = progress;
  $('patient-hint').textContent = `${p.status === 'ALERTING' ? 'The director is being alerted. ' : ''}Add the patient now: consent and photos are filed under the chart number.`;
  const title = $('status-title');
  const step = p.escalation;
  const alerted = step.alerted.filter((a) => a.round === step.round);
  $('status-kind').textContent = `${COMPLICATIONS[p.complication]}${p.drill ? ' — drill' : ''}${current.patientInitials ? ` · ${current.patientInitials}` : ''} · launched ${time(p.launchedAt)}`;
  $('status-card').dataset.status = p.status;
  $('cancel-button').hidden = p.status !== 'ALERTING';
  renderTransferPlan(p.transferPlan || 'This clinic has no transfer plan on file: call 911.');
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
    const how = {
      phone: `The video call cannot be reached: call ${p.director.displayName} by phone (below).`,
      failed: 'The video call could not be joined: try again below, or call by phone.',
      left: 'You left the video call.',
    }[call.state];
    $('status-detail').textContent = how ? `Accepted at ${time(p.acceptedAt)}. ${how}`
      : p.status === 'CONNECTED' ? `In the call since ${time(p.connectedAt)}.`
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
  // Replies go to the director once one accepted, and after the end for what was done.
  $('reply-form').hidden = !(inCall || p.status === 'ENDED');
  $('quick-replies').hidden = !inCall;
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
    // An ended emergency is still followed: its record is completed and signed after the call.
    if (p.status === 'ENDED') {
      clearInterval(ticker);
      call.leave();
      if (emergencyFollowUpsPanel.element.hidden) emergencyFollowUpsPanel.show(p);
    } else {
      stopFollowing();
    }
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

// --- the transfer plan: every number a call away -------------------------------------------

// +1 555 0100, (555) 010-0000, 555-010-0000: seven digits or more with the usual marks, or an
// emergency number on its own (an address such as "1200 Main Street" is not a number to call).
const PHONE = /\+?\(?\d[\d\s().-]{1,18}\d/g;
const EMERGENCY_NUMBERS = ['911', '112', '999'];

function renderTransferPlan(text) {
  // One line per line of the clinic's plan; a ';' inside a line is the clinic's own punctuation.
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  $('transfer-plan').replaceChildren(...lines.map((line) => {
    const item = el('p', { class: 'transfer-line' });
    let at = 0;
    for (const match of line.matchAll(PHONE)) {
      const digits = match[0].replace(/[^+0-9]/g, '');
      const count = digits.replace('+', '').length;
      if (count < 7 && !EMERGENCY_NUMBERS.includes(digits)) continue;
      item.append(line.slice(at, match.index),
        el('a', { href: `tel:${digits}`, class: 'tel', text: match[0] }));
      at = match.index + match[0].length;
    }
    item.append(line.slice(at));
    return item;
  }));
}

// --- the director's guidance, on top --------------------------------------------------------

const QUICK_REPLIES = ['Done', 'Capillary refill under 3 s', 'Not improving', 'Patient is stable'];
$('quick-replies').replaceChildren(...QUICK_REPLIES.map((text, i) => el('button', {
  type: 'button', class: 'secondary', id: `quick-reply-${i}`, text, onclick: () => reply(text),
})));

const SEEN = 'directorline.injector.guidance-seen';

/** The newest note someone else wrote goes on top; a new one rings, vibrates and flashes. */
function guidance(entries) {
  const latest = newestNoteOfOthers(entries, me.id);
  if (!latest) return;
  $('guidance').hidden = false;
  $('guidance-text').textContent = latest.detail;
  $('guidance-at').textContent = `${latest.actor || 'The director'} · ${time(latest.at)}`;
  const key = `${current.id}:${latest.ordinal}`;
  if (sessionStorage.getItem(SEEN) === key) return;
  sessionStorage.setItem(SEEN, key);
  flash($('guidance'));
  window.scrollTo(0, 0);
  if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
  chime();
}

/** A due step of the checklist: a short, higher beep, repeated by the checklist until ticked. */
function beep() {
  if (!audio || audio.state !== 'running') return;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 990;
  gain.gain.setValueAtTime(0.3, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.35);
}

function chime() {
  if (!audio || audio.state !== 'running') return;
  for (const [offset, pitch] of [[0, 660], [0.25, 880]]) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = pitch;
    gain.gain.setValueAtTime(0.25, audio.currentTime + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + offset + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + offset);
    tone.stop(audio.currentTime + offset + 0.4);
  }
}

async function reply(text) {
  $('reply-error').hidden = true;
  try {
    await api('POST', `/api/emergencies/${current.id}/notes`, { text });
    $('reply-text').value = '';
    $('guidance').hidden = false;
    await poll();
  } catch (e) {
    showProblem('reply-error', e);
  }
}

$('reply-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('reply-text').value.trim();
  if (!text) return showProblem('reply-error', 'Write the reply first, or tap one of the answers.');
  reply(text);
});

// --- the patient, added while waiting ---------------------------------------------------------

function renderPatient() {
  const named = Boolean(current.patientRef);
  $('patient-title').textContent = named ? `Patient ${current.patientInitials || ''}`.trim() : 'Patient';
  $('patient-summary').textContent = named
    ? `Chart ${current.patientRef}${current.note ? ` · Note: ${current.note}` : ''}`
    : '';
  $('patient-summary').hidden = !named;
  // The reference is set once; initials and the note may still change.
  $('patient-ref').disabled = named;
  $('patient-ref').value = current.patientRef || $('patient-ref').value;
  $('patient-form').hidden = named && $('patient-edit').dataset.open !== 'true';
  $('patient-edit').hidden = !named || !$('patient-form').hidden;
  $('patient-hint').hidden = named;
  $('photos-wait').hidden = named;
  $('photo-take').setAttribute('aria-disabled', String(!named));
  $('photo-input').disabled = !named;
  renderConsentBasis();
}

counted($('patient-note'));
counted($('exception-reason'));

$('patient-edit').addEventListener('click', () => {
  $('patient-edit').dataset.open = 'true';
  $('patient-initials').value = current.patientInitials || '';
  $('patient-note').value = current.note || '';
  $('patient-note').dispatchEvent(new Event('input'));
  renderPatient();
  $('patient-initials').focus();
});

$('patient-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('patient-error').hidden = true;
  const body = {};
  const ref = $('patient-ref').value.trim();
  if (!current.patientRef && ref) body.patientRef = ref;
  const initials = $('patient-initials').value.trim();
  if (initials) body.patientInitials = initials;
  const note = $('patient-note').value.trim();
  if (note || current.note) body.note = note;
  if (Object.keys(body).length === 0) return showProblem('patient-error', 'Enter the chart number, the initials or a note.');
  $('patient-save').disabled = true;
  try {
    const saved = await api('PATCH', `/api/emergencies/${current.id}`, body);
    current.patientRef = saved.patientRef;
    current.patientInitials = saved.patientInitials;
    current.note = saved.note;
    delete $('patient-edit').dataset.open;
    clearFieldProblems($('patient-form'));
    renderPatient();
    refreshConsent();
    if (progress) render();
  } catch (e) {
    showProblem('patient-error', e, { patientRef: 'patient-ref', patientInitials: 'patient-initials', note: 'patient-note' });
  } finally {
    $('patient-save').disabled = false;
  }
});

// --- consent -------------------------------------------------------------------------------

let consents = [];
let texts = [];

async function refreshConsent() {
  if (!current.patientRef) {
    consents = [];
    renderConsentBasis();
    return;
  }
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
  const waits = !current?.patientRef;
  $('consent-waits').hidden = !waits;
  $('consent-record-open').hidden = complete || waits;
  $('consent-exception-open').hidden = exception || complete || waits;
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
    showProblem('consent-error', e, {
      'givenBy.name': 'consent-name', 'givenBy.relationship': 'consent-relationship', witness: 'consent-witness', signature: 'consent-signature',
    });
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
    showProblem('exception-error', e, { reason: 'exception-reason' });
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
    // An ended emergency is resumed too: its record may still wait to be completed.
    [...OPEN, 'ENDED'].includes(e.status) ? follow(e) : ready();
  } catch (e) {
    ready();
  }
} else {
  ready();
}
