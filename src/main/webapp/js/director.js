// The director's on-call console: live alerts over server-sent events (the browser reconnects
// with Last-Event-ID by itself, so nothing is missed), a sound and a notification for each alert,
// then the emergency's workspace: the call, photos, consent basis, timeline, notes and the end.
import { api, objectUrl } from './api.js';
import { $, el, startPage, time, dateTime, COMPLICATIONS, OUTCOMES, STATUSES, humanize, toSignIn, signedOutMessage, showProblem } from './shell.js';
import { CallPanel } from './call.js';
import { counted, endPanel, flash, newestNoteOfOthers, showTimeline } from './ending.js';
import { clinicalPanels } from './clinical.js';
import { clinicZone, emergencyFollowUps, followUpsCard, onClock } from './followups.js';

counted($('note-text'));

const CURRENT = 'directorline.director.emergency';
const POLL_MS = 2000;
const TITLE = document.title;

const me = await startPage('DIRECTOR');
const cards = new Map(); // emergencyId -> {item, data}
let audio = null;

const call = new CallPanel('call', () => ({ name: current?.injector?.displayName, phone: current?.injector?.phone }));
$('call-slot').replaceWith(call.element);
$('end-slot').replaceWith(endPanel(() => current.id, () => poll()));
// Orders, the protocol's checklist and the incident record, which the director signs after the end.
const clinical = clinicalPanels({ role: 'DIRECTOR', emergencyId: () => current.id, sound: () => beep() });
$('orders-slot').replaceWith(clinical.orders.element);
$('checklist-slot').replaceWith(clinical.checklist.element);
$('record-slot').replaceWith(clinical.record.element);

// --- my turn on the roster ------------------------------------------------------------------

// The clinics where this person directs: the roster may have them on call in any of them.
const directing = (me.memberships || []).filter((m) => m.roles.includes('DIRECTOR')).map((m) => m.clinicId);
const LINE_NAMES = { PRIMARY: 'the primary', BACKUP: 'the backup' };
const HERE = Intl.DateTimeFormat().resolvedOptions().timeZone;
let myLine = null; // { clinicId, line } while the roster has this director on call

/** Until when the director is on that line: their shifts from now, back to back. */
function onCallUntil(shifts, line) {
  let until = null;
  const now = Date.now();
  for (const s of shifts.filter((x) => x.line === line)) {
    const mine = s.person?.id === me.id;
    if (until === null) {
      if (mine && Date.parse(s.from) <= now && Date.parse(s.to) > now) until = s.to;
    } else if (mine && s.from === until) {
      until = s.to;
    } else if (Date.parse(s.from) >= Date.parse(until)) {
      break;
    }
  }
  return until;
}

/** Says whether the roster has this director on call now, and offers to hand over. */
async function loadMyRoster() {
  let found = null;
  for (const clinicId of directing) {
    try {
      const now = await api('GET', `/api/clinics/${clinicId}/on-call`);
      const line = now.primary?.id === me.id ? 'PRIMARY' : now.backup?.id === me.id ? 'BACKUP' : null;
      if (!line) continue;
      const shifts = await api('GET', `/api/clinics/${clinicId}/on-call/calendar`);
      found = { clinicId, line, until: onCallUntil(shifts, line) };
      break;
    } catch {
      // A clinic without a roster, or a moment offline: the next refresh tries again.
    }
  }
  myLine = found;
  $('my-roster').hidden = directing.length === 0;
  $('hand-over-form').hidden = !found;
  $('my-roster-state').textContent = found
    ? `By the roster you are ${LINE_NAMES[found.line]} on call${found.until ? ` until ${dateTime(found.until, HERE)}` : ''}.`
    : 'The roster does not have you on call now. Alerts naming you still ring here.';
}

$('hand-over-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!myLine) return;
  $('hand-over-error').hidden = true;
  try {
    const cover = await api('POST', `/api/clinics/${myLine.clinicId}/on-call/hand-over`,
      { minutes: Number($('hand-over-minutes').value) });
    await loadMyRoster();
    $('my-roster-state').textContent = `${cover.person.displayName} covers ${LINE_NAMES[cover.line]} line`
      + ` until ${dateTime(cover.to, HERE)} and has been told. ${$('my-roster-state').textContent}`;
  } catch (e) {
    showProblem($('hand-over-error'), e);
  }
});

// --- follow-ups ------------------------------------------------------------------------------

// The follow-ups of this director's clinics, most urgent first; the due ones are also told on the
// alert stream (follow-up.due), and an ended emergency's own are in its workspace.
const directs = (clinicId) => directing.includes(clinicId);
const followUps = followUpsCard({
  id: 'follow-ups', title: 'Follow-ups', me, clinicIds: directing, directs,
  emptyText: 'No open follow-ups in your clinics.',
});
$('follow-ups-slot').replaceWith(followUps.element);
const emergencyFollowUpsPanel = emergencyFollowUps({ me, directs, changed: () => followUps.refresh() });
$('emergency-follow-ups-slot').replaceWith(emergencyFollowUpsPanel.element);
followUps.refresh();

const TOLD = 'directorline.director.follow-ups-told';

/** A follow-up fell due (or overdue): a notice on top, the alert sound once, the card re-read. */
async function onFollowUpDue(data) {
  const open = await followUps.refresh();
  if (current) emergencyFollowUpsPanel.refresh();
  // A fresh console replays the last minutes: a follow-up done meanwhile, or told already, is not news.
  const key = `${data.followUpId}:${data.overdue}`;
  const told = JSON.parse(sessionStorage.getItem(TOLD) || '[]');
  if (told.includes(key) || !open.some((f) => f.id === data.followUpId)) return;
  sessionStorage.setItem(TOLD, JSON.stringify([...told, key].slice(-50)));
  const zone = await clinicZone(data.clinicId);
  $('follow-up-notice-text').textContent = `${data.overdue ? 'Follow-up OVERDUE' : 'Follow-up due'}: ${data.what}`;
  $('follow-up-notice-detail').textContent = `${data.clinicName}${data.drill ? ' · drill' : ''}`
    + ` · ${COMPLICATIONS[data.complication] || humanize(data.complication)} · due ${onClock(data.dueAt, zone)}`;
  $('follow-up-notice').dataset.followUpId = data.followUpId;
  $('follow-up-notice').classList.toggle('overdue', Boolean(data.overdue));
  $('follow-up-notice').hidden = false;
  flash($('follow-up-notice'));
  beep();
}

$('follow-up-notice-dismiss').addEventListener('click', () => { $('follow-up-notice').hidden = true; });
$('follow-up-notice-show').addEventListener('click', () => {
  $('follow-up-notice').hidden = true;
  // An ended emergency's workspace gives way to the console; a live one stays, its card comes in sight.
  if (current && !['ACCEPTED', 'CONNECTED'].includes(current.status)) closeWorkspace();
  followUps.element.hidden = false;
  const item = document.getElementById(`follow-ups-${$('follow-up-notice').dataset.followUpId}`);
  (item || followUps.element).scrollIntoView({ block: 'center' });
  item?.querySelector('button')?.focus({ preventScroll: true });
});

loadMyRoster();
setInterval(loadMyRoster, 60000);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') loadMyRoster();
});

// --- alerts --------------------------------------------------------------------------------

function connect() {
  const stream = new EventSource('/api/alerts');
  stream.onopen = () => {
    $('console-state').textContent = 'On call: alerts arrive here.';
    $('console-state').className = 'console-state ok';
  };
  stream.onerror = async () => {
    $('console-state').textContent = 'Reconnecting to the alert stream…';
    $('console-state').className = 'console-state warn';
    if (stream.readyState === EventSource.CLOSED) {
      // Closed for good: the session ended (signed out, automatic logoff) or the server refused.
      try {
        await api('GET', '/api/me');
        setTimeout(connect, 2000);
      } catch (e) {
        if (e.status === 401) toSignIn(signedOutMessage('This console stopped receiving alerts; email and pager alerts go on.'));
        else setTimeout(connect, 2000);
      }
    }
  };
  stream.addEventListener('emergency.alert', (event) => onAlert(JSON.parse(event.data)));
  stream.addEventListener('follow-up.due', (event) => onFollowUpDue(JSON.parse(event.data)));
  // The injector added the patient or a note: the card reads them (an audited access).
  stream.addEventListener('emergency.updated', (event) => describe(JSON.parse(event.data).emergencyId));
  for (const name of ['emergency.taken', 'emergency.cancelled', 'emergency.unanswered']) {
    stream.addEventListener(name, (event) => onClosed(name, JSON.parse(event.data)));
  }
}

function onAlert(data) {
  const existing = cards.get(data.emergencyId);
  if (existing?.data.closed) return;
  const accept = el('button', { type: 'button', class: 'alarm', id: `accept-${data.emergencyId}`, text: 'Accept', onclick: () => accepted(data) });
  const decline = el('button', { type: 'button', class: 'secondary', id: `decline-${data.emergencyId}`, text: 'Decline', onclick: () => declined(data) });
  const item = el('li', { class: 'alert-card', id: `alert-${data.emergencyId}` },
    el('p', { class: 'kicker', text: `${data.clinicName}${data.drill ? ' · DRILL' : ''} · launched ${time(data.launchedAt)}` }),
    el('h2', { text: COMPLICATIONS[data.complication] || humanize(data.complication) }),
    el('p', { class: 'alert-who', id: `alert-who-${data.emergencyId}` }),
    el('p', { class: 'alert-note', id: `alert-note-${data.emergencyId}`, hidden: true }),
    el('p', { class: 'alert-state', text: `You are alerted at step ${data.step}.` }),
    el('p', { class: 'error', role: 'alert', hidden: true }),
    el('div', { class: 'row' }, accept, decline));
  if (existing) existing.item.replaceWith(item);
  else $('alerts').prepend(item);
  cards.set(data.emergencyId, { item, data });
  $('no-alerts').hidden = true;
  showConsole();
  // A fresh console replays the last minutes' alerts, and another tab may have answered: only
  // an emergency still waiting for this director rings.
  checkStillWaiting(data.emergencyId).then((waiting) => {
    if (waiting && !existing) ring(data);
    if (waiting) describe(data.emergencyId);
    // Already answered when it arrived (a replay of the last minutes as the console opens):
    // it goes into the collapsed history, out of the way of what still waits.
    else if (!existing) toHistory(cards.get(data.emergencyId));
  });
}

/** Who launched it, the patient's initials and the injector's note, once known, on the card. */
async function describe(emergencyId) {
  const card = cards.get(emergencyId);
  if (!card || card.data.closed) return;
  let e;
  try {
    e = await api('GET', `/api/emergencies/${emergencyId}`);
  } catch (error) {
    return;
  }
  $(`alert-who-${emergencyId}`).textContent = `${e.injector?.displayName || 'The injector'}`
    + ` · ${e.patientInitials ? `patient ${e.patientInitials}` : 'patient not named yet'}`;
  const note = $(`alert-note-${emergencyId}`);
  note.textContent = e.note ? `“${e.note}”` : '';
  note.hidden = !e.note;
}

/** Closes the card when the emergency no longer waits for this director; true if it does. */
async function checkStillWaiting(emergencyId) {
  const card = cards.get(emergencyId);
  if (!card || card.data.closed) return false;
  let p;
  try {
    p = await api('GET', `/api/emergencies/${emergencyId}/progress`);
  } catch (e) {
    return true;
  }
  const mine = p.escalation.alerted.find((a) => a.directorId === me.id && a.round === p.escalation.round);
  if (p.status === 'ALERTING' && !mine?.declinedAt) return true;
  const why = {
    ACCEPTED: `${p.director?.displayName || 'A director'} accepted this emergency.`,
    CONNECTED: `${p.director?.displayName || 'A director'} accepted this emergency.`,
    ENDED: `Ended: ${OUTCOMES[p.outcome] || ''}.`,
    CANCELLED: 'The injector cancelled this emergency.',
    UNANSWERED: 'Nobody accepted in time; the injector was shown the transfer plan.',
  }[p.status] || 'You declined; the next director was alerted.';
  onClosedLocally(card, why);
  if (p.director?.id === me.id && ['ACCEPTED', 'CONNECTED'].includes(p.status)) {
    card.item.append(el('button', { type: 'button', class: 'secondary', text: 'Open this emergency', onclick: () => openWorkspace(emergencyId) }));
  }
  if (![...cards.values()].some((c) => !c.data.closed)) stopRinging();
  return false;
}

// Cards still open are checked now and then: an answer from another tab or device closes them.
setInterval(() => {
  for (const [id, card] of cards) {
    if (!card.data.closed) checkStillWaiting(id);
  }
}, 5000);

/** The alerts stay in sight while the director works on an emergency and another one comes in. */
function showConsole() {
  const waiting = [...cards.values()].some((c) => !c.data.closed);
  $('console').hidden = !$('workspace').hidden && !waiting;
  followUps.element.hidden = $('console').hidden || directing.length === 0;
}

function onClosed(name, data) {
  const card = cards.get(data.emergencyId);
  if (!card) return;
  card.data.closed = true;
  const what = {
    'emergency.taken': 'Another director accepted this emergency.',
    'emergency.cancelled': 'The injector cancelled this emergency.',
    'emergency.unanswered': 'Nobody accepted in time; the injector was shown the transfer plan.',
  }[name];
  card.item.classList.add('closed');
  card.item.querySelector('.alert-state').textContent = what;
  card.item.querySelectorAll('button').forEach((b) => b.remove());
  stopRinging();
  showConsole();
}

async function accepted(data) {
  const card = cards.get(data.emergencyId);
  try {
    await api('POST', `/api/emergencies/${data.emergencyId}/accept`);
    stopRinging();
    card.item.remove();
    cards.delete(data.emergencyId);
    $('no-alerts').hidden = cards.size > 0;
    openWorkspace(data.emergencyId);
  } catch (e) {
    showCardError(card, e);
  }
}

async function declined(data) {
  const card = cards.get(data.emergencyId);
  try {
    await api('POST', `/api/emergencies/${data.emergencyId}/decline`);
    stopRinging();
    onClosedLocally(card, 'You declined; the next director was alerted.');
  } catch (e) {
    showCardError(card, e);
  }
}

function onClosedLocally(card, text) {
  card.data.closed = true;
  card.item.classList.add('closed');
  card.item.querySelector('.alert-state').textContent = text;
  card.item.querySelectorAll('button').forEach((b) => b.remove());
  showConsole();
}

function toHistory(card) {
  if (!card) return;
  $('alert-history-list').prepend(card.item);
  $('alert-history').hidden = false;
  const count = $('alert-history-list').children.length;
  $('alert-history-summary').textContent = `Earlier alerts (${count})`;
  $('no-alerts').hidden = $('alerts').children.length > 0;
}

function showCardError(card, e) {
  showProblem(card.item.querySelector('.error'), e);
}

// A sound needs one click on the page first (browsers' autoplay rule); notifications need consent.
// Going on call asks for that click as the page opens, in a dialog that cannot be missed; the
// console then says plainly what is on and what is not.
async function startOnCall() {
  audio = audio || new AudioContext();
  // A machine without a sound device may never resume; the notifications still matter.
  await Promise.race([audio.resume().catch(() => {}), new Promise((done) => setTimeout(done, 1000))]);
  if ('Notification' in window && Notification.permission === 'default') {
    await Notification.requestPermission();
  }
  beep();
  if ($('start-dialog').open) $('start-dialog').close();
  showChannels();
}
$('enable-alerts').addEventListener('click', startOnCall);
$('start-on-call').addEventListener('click', startOnCall);
$('start-later').addEventListener('click', () => {
  $('start-dialog').close();
  showChannels();
});

function showChannels() {
  const sound = audio?.state === 'running';
  const permission = 'Notification' in window ? Notification.permission : 'unsupported';
  const notifications = permission === 'granted';
  const parts = [sound ? 'Sound is on' : 'Sound is OFF',
    notifications ? 'notifications are on'
      : permission === 'denied' ? 'notifications are BLOCKED by the browser (allow them in the site settings)'
        : 'notifications are OFF'];
  const all = sound && notifications;
  $('alert-channels').textContent = `${parts.join('; ')}.${all ? '' : ' Alerts still show on this page and arrive by email and pager.'}`;
  $('alert-channels').className = `alert-channels ${all ? 'ok' : 'warn'}`;
  $('enable-alerts').textContent = all ? 'Sound and notifications are on' : 'Turn on sound and notifications';
  $('enable-alerts').disabled = all;
}

let ringing = null;
function ring(data) {
  const label = COMPLICATIONS[data.complication] || 'Emergency';
  if ('Notification' in window && Notification.permission === 'granted') {
    const note = new Notification(`DirectorLine: ${label}`, {
      body: `${data.clinicName} needs a director now.`, tag: data.emergencyId, requireInteraction: true,
    });
    note.onclick = () => window.focus();
  }
  stopRinging();
  let on = false;
  beep();
  // Keeps sounding and the tab title blinking until someone answers: a background tab is not silent.
  ringing = setInterval(() => {
    on = !on;
    document.title = on ? `⚠ EMERGENCY — ${label}` : TITLE;
    if (on) beep();
  }, 1000);
}

function stopRinging() {
  clearInterval(ringing);
  ringing = null;
  document.title = TITLE;
}

function beep() {
  if (!audio || audio.state !== 'running') return;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.25, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.5);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.5);
}

// --- the emergency's workspace -------------------------------------------------------------

let current = null;
let progress = null;
let poller = null;
const photoUrls = new Map();

async function openWorkspace(id) {
  clearInterval(poller);
  sessionStorage.setItem(CURRENT, id);
  $('from-injector').hidden = true;
  delete $('from-injector-text').dataset.ordinal;
  $('workspace').hidden = false;
  showConsole();
  $('ended-card').hidden = true;
  $('end-form').hidden = false;
  $('note-form').hidden = false;
  $('photos').replaceChildren();
  emergencyFollowUpsPanel.hide();
  photoUrls.forEach((url) => URL.revokeObjectURL(url));
  photoUrls.clear();
  clinical.clear();
  try {
    current = await api('GET', `/api/emergencies/${id}`);
  } catch (e) {
    return closeWorkspace();
  }
  renderCase();
  progress = null;
  await poll();
  poller = setInterval(poll, POLL_MS);
  call.join(current.id, me);
}

function closeWorkspace() {
  clearInterval(poller);
  clinical.clear();
  call.leave();
  current = null;
  sessionStorage.removeItem(CURRENT);
  $('workspace').hidden = true;
  $('console').hidden = false;
  emergencyFollowUpsPanel.hide();
  showConsole();
  followUps.refresh();
  refreshMine();
}
$('back-to-console').addEventListener('click', closeWorkspace);

function renderCase() {
  const e = current;
  $('case-kind').textContent = `${COMPLICATIONS[e.complication]}${e.drill ? ' · DRILL' : ''} · launched ${time(e.launchedAt)}`;
  $('case-title').textContent = e.patientRef
    ? `Patient ${e.patientInitials || ''} (${e.patientRef})`.replace('  ', ' ')
    : 'Patient not named yet — the injector is adding the details';
  const basis = {
    TELEHEALTH_CONSENT: 'Telehealth consent on file',
    EMERGENCY_EXCEPTION: `Emergency exception: ${e.consentExceptionReason || ''}`,
    NOT_RECORDED: 'Not recorded yet',
  }[e.consentBasis] || humanize(e.consentBasis);
  const facts = [
    ['Injector', `${e.injector?.displayName || ''}${e.injector?.phone ? ` · ${e.injector.phone}` : ''}`],
    ['Consent', basis],
    ['Note', e.note || '—'],
    ['Status', STATUSES[e.status] || humanize(e.status)],
  ];
  $('case-facts').replaceChildren(...facts.flatMap(([term, value]) => [el('dt', { text: term }),
    el('dd', { text: value, id: `fact-${term.toLowerCase()}`, class: term === 'Consent' && e.consentBasis === 'NOT_RECORDED' ? 'warn' : null })]));
}

async function poll() {
  try {
    const next = await api('GET', `/api/emergencies/${current.id}/progress`);
    const changed = !progress || next.timelineEntries !== progress.timelineEntries || next.status !== progress.status;
    const basisChanged = progress && next.consentBasis !== progress.consentBasis;
    progress = next;
    // A new timeline entry may be the patient's details or a change of basis: read them again.
    if (basisChanged || (changed && current.timelineSeen !== undefined)) {
      current = await api('GET', `/api/emergencies/${current.id}`);
    }
    current.timelineSeen = next.timelineEntries;
    current.status = next.status;
    if (changed || basisChanged) {
      renderCase();
      const [entries] = await Promise.all([refreshTimeline(), refreshPhotos()]);
      await clinical.changed(next.status, entries);
    }
    const open = ['ACCEPTED', 'CONNECTED'].includes(next.status);
    $('end-form').hidden = !open;
    $('ended-card').hidden = open;
    if (!open) {
      $('ended-title').textContent = next.status === 'ENDED'
        ? `Emergency ended: ${OUTCOMES[next.outcome] || ''} at ${time(next.endedAt)}` : `Emergency ${humanize(next.status)}`;
      $('ended-summary').textContent = current.summary ? `Summary for the chart: ${current.summary}` : '';
      call.leave();
      if (next.status === 'ENDED' && emergencyFollowUpsPanel.element.hidden) emergencyFollowUpsPanel.show(current);
      // After the end the record is completed, signed and added to: the page keeps following it.
      if (next.status !== 'ENDED') clearInterval(poller);
    }
  } catch (e) {
    if (e.status === 404) closeWorkspace();
  }
}

/** The timeline, and the injector's newest note (a reply, a reassessment) above the call. */
async function refreshTimeline() {
  const entries = await showTimeline(current.id, $('timeline'));
  const latest = newestNoteOfOthers(entries, me.id);
  $('from-injector').hidden = !latest;
  if (!latest) {
    $('from-injector-text').dataset.ordinal = '';
    return entries;
  }
  // New since this workspace opened: an earlier note is shown, but does not sound.
  const seen = $('from-injector-text').dataset.ordinal;
  const fresh = seen !== undefined && seen !== String(latest.ordinal);
  $('from-injector-text').dataset.ordinal = String(latest.ordinal);
  $('from-injector-text').textContent = latest.detail;
  $('from-injector-at').textContent = `${latest.actor || 'The injector'} · ${time(latest.at)}`;
  if (fresh) {
    flash($('from-injector'));
    beep();
  }
  return entries;
}

async function refreshPhotos() {
  const photos = await api('GET', `/api/emergencies/${current.id}/photos`);
  $('photos-empty').hidden = photos.length > 0;
  for (const photo of photos) {
    if (photoUrls.has(photo.id)) continue;
    // Fetched once as a blob: the thumbnail and the enlarged view are one audited access.
    let url;
    try {
      url = await objectUrl(`/api/photos/${photo.id}`);
    } catch (e) {
      continue;
    }
    photoUrls.set(photo.id, url);
    const label = `${photo.caption || 'Photo'} · taken ${time(photo.capturedAt || photo.receivedAt)}`;
    $('photos').prepend(el('li', {},
      el('button', { type: 'button', class: 'thumb', id: `photo-${photo.id}`, 'aria-label': `Enlarge: ${label}`, onclick: () => enlarge(url, label) },
        el('img', { src: url, alt: label })),
      el('span', { text: label })));
  }
}

function enlarge(url, label) {
  $('photo-large').src = url;
  $('photo-large').alt = label;
  $('photo-dialog-caption').textContent = label;
  $('photo-dialog').showModal();
}

$('note-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('note-error').hidden = true;
  const text = $('note-text').value.trim();
  if (!text) {
    showProblem('note-error', 'Write the guidance first.');
    return;
  }
  try {
    await api('POST', `/api/emergencies/${current.id}/notes`, { text });
    $('note-text').value = '';
    $('note-text').dispatchEvent(new Event('input'));
    await poll();
  } catch (e) {
    showProblem('note-error', e, { text: 'note-text' });
  }
});


// --- what this director has taken on ----------------------------------------------------------

/** Emergencies this director accepted and has not ended, a click from the workspace. */
async function refreshMine() {
  let open;
  try {
    open = await api('GET', '/api/emergencies?status=open');
  } catch (e) {
    return;
  }
  const mine = open.filter((e) => e.director?.id === me.id && ['ACCEPTED', 'CONNECTED'].includes(e.status));
  $('mine').hidden = mine.length === 0;
  $('mine-list').replaceChildren(...mine.map((e) => el('li', {},
    el('button', { type: 'button', class: 'link', id: `mine-${e.id}`, onclick: () => openWorkspace(e.id) },
      `${COMPLICATIONS[e.complication]}${e.drill ? ' (drill)' : ''} · ${e.patientInitials ? `patient ${e.patientInitials}` : 'patient not named yet'}`
        + ` · ${e.injector?.displayName || ''} · accepted ${time(e.acceptedAt)}`))));
}

showChannels();
$('start-dialog').showModal();
connect();
refreshMine();
const resumed = sessionStorage.getItem(CURRENT);
if (resumed) openWorkspace(resumed);
