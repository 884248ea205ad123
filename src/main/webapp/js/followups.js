// Follow-ups after an emergency, shared by the director's console and the injector's page: the
// clinic's open ones with their actions (done with the outcome, rescheduled), and an ended
// emergency's own with a form to add one and the chart to download for the clinic's EHR.
import { api, upload } from './api.js';
import { el, dateTime, COMPLICATIONS, humanize, showProblem, clearFieldProblems } from './shell.js';

const HERE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ORDER = { OVERDUE: 0, DUE: 1, SCHEDULED: 2, DONE: 3 };
const FIELDS = (prefix, id) => ({ what: `${prefix}-what-${id}`, dueAt: `${prefix}-due-${id}`, outcome: `${prefix}-outcome-${id}` });

// --- the clinic's clock ---------------------------------------------------------------------

const zones = new Map(); // clinicId -> Promise of its IANA zone, or null

/** The clinic's time zone, from its on-call rotation (which its staff may read); null if none. */
export function clinicZone(clinicId) {
  if (!zones.has(clinicId)) {
    zones.set(clinicId, api('GET', `/api/clinics/${clinicId}/rotation`)
      .then((rotation) => rotation?.timeZone || null)
      .catch((e) => {
        if (e.status !== 404) zones.delete(clinicId); // a moment offline: asked again next time
        return null;
      }));
  }
  return zones.get(clinicId);
}

/** A moment on the clinic's clock (said so when it is not the reader's), or the reader's. */
export function onClock(iso, zone) {
  return zone && zone !== HERE ? `${dateTime(iso, zone)} clinic time` : dateTime(iso, HERE);
}

/** A datetime-local field's value for a moment, in the reader's zone (what the field speaks). */
function localValue(ms) {
  const d = new Date(ms);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** The instant a datetime-local field names (the browser reads it in its own zone), or null. */
function instantOf(input) {
  const ms = input.value ? new Date(input.value).getTime() : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** DUE once its time passed and OVERDUE past the grace, by this page's clock, before any read. */
export function effectiveStatus(f, now = Date.now()) {
  if (f.status === 'DONE') return 'DONE';
  if (f.status === 'OVERDUE' || (f.overdueAt && now >= Date.parse(f.overdueAt))) return 'OVERDUE';
  if (f.status === 'DUE' || now >= Date.parse(f.dueAt)) return 'DUE';
  return 'SCHEDULED';
}

function byUrgency(a, b) {
  return ORDER[effectiveStatus(a)] - ORDER[effectiveStatus(b)] || Date.parse(a.dueAt) - Date.parse(b.dueAt);
}

// --- one follow-up --------------------------------------------------------------------------

/**
 * One follow-up as a list item (ids start with prefix: a page may show it twice), with Done… and
 * Reschedule for those who may act on it. paint() sets what the clock changes.
 */
function followUpItem(f, { prefix, me, directs, zone, changed, inEmergency = false }) {
  const id = f.id;
  const mine = f.assigneeId === me.id;
  const mayAct = f.status !== 'DONE' && (mine || directs(f.clinicId) || f.source === 'CONSENT_EXCEPTION');
  // In the emergency's own panel its complication and patient go without saying.
  const about = [
    inEmergency ? null : `${COMPLICATIONS[f.complication] || humanize(f.complication)}${f.drill ? ' (drill)' : ''}`,
    inEmergency || !(f.patientRef || f.patientInitials) ? null
      : `patient ${[f.patientInitials, f.patientRef && `(${f.patientRef})`].filter(Boolean).join(' ')}`,
    f.source === 'CONSENT_EXCEPTION' ? 'consent after the emergency exception' : null,
  ].filter(Boolean).join(' · ');
  const when = el('p', { class: 'follow-up-when', id: `${prefix}-when-${id}` });
  const item = el('li', { class: 'follow-up', id: `${prefix}-${id}`, 'data-id': id },
    el('p', { class: 'follow-up-what', id: `${prefix}-text-${id}` }, el('strong', { text: f.what })),
    about ? el('p', { class: 'follow-up-about', text: about }) : null,
    when,
    el('p', { class: 'follow-up-who', text: `Assigned to ${mine ? 'you' : f.assigneeName || 'someone no longer here'}` }));
  if (f.status === 'DONE') {
    item.append(el('p', { class: 'follow-up-outcome', id: `${prefix}-outcome-text-${id}` },
      `Done by ${f.completedByName || 'someone'} at ${onClock(f.completedAt, zone)}: `,
      el('span', { text: f.outcome || '' }),
      f.photoIds?.length ? ` (${f.photoIds.length === 1 ? '1 photo' : `${f.photoIds.length} photos`}, in the chart)` : ''));
  }
  const paint = () => {
    const status = effectiveStatus(f);
    item.dataset.status = status;
    item.className = `follow-up status-${status.toLowerCase()}`;
    const due = onClock(f.dueAt, zone);
    when.textContent = {
      OVERDUE: `OVERDUE: was due ${due}`,
      DUE: `Due now: ${due}`,
      SCHEDULED: `Due ${due}`,
      DONE: `Was due ${due}`,
    }[status];
  };
  paint();
  item.paint = paint;
  if (!mayAct) return item;

  // Done…: the outcome first, then completed.
  const outcome = el('textarea', { id: `${prefix}-outcome-${id}`, rows: 3, maxlength: 2000,
    placeholder: 'What was found or said, and what happens next' });
  const doneError = el('p', { class: 'error', role: 'alert', id: `${prefix}-done-error-${id}`, hidden: true });
  const complete = el('button', { type: 'submit', class: 'primary', id: `${prefix}-complete-${id}`, text: 'Mark done' });
  // Photos of how it looks now ("day 2"), taken with the phone's camera; sent one by one before
  // the outcome, each once (a retry after a refusal sends only those not yet stored).
  const photoInput = f.source === 'CONSENT_EXCEPTION' ? null : el('input', { type: 'file', id: `${prefix}-photos-${id}`,
    accept: 'image/jpeg,image/png', capture: 'environment', multiple: true });
  const photoNote = el('p', { class: 'small', id: `${prefix}-photos-note-${id}`, 'aria-live': 'polite' });
  // Stored photos by the file's name, size and time, not by the File object: choosing the same
  // pictures again after a refusal gives new File objects, which must not be sent a second time.
  const sent = new Map(); // file key -> stored photo
  const fileKey = (file) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
  const doneForm = el('form', { class: 'follow-up-form', id: `${prefix}-done-form-${id}`, novalidate: true, hidden: true },
    el('label', { for: outcome.id, text: 'Outcome' }), outcome,
    photoInput ? el('label', { for: photoInput.id, text: 'Photos (optional)' }) : null, photoInput, photoInput ? photoNote : null,
    doneError,
    el('div', { class: 'row' }, complete,
      el('button', { type: 'button', class: 'secondary', text: 'Not yet', onclick: () => close(doneForm) })));
  // Reschedule: a new time on the reader's clock (what a datetime-local field speaks).
  const dueInput = el('input', { type: 'datetime-local', id: `${prefix}-due-${id}` });
  const moveError = el('p', { class: 'error', role: 'alert', id: `${prefix}-move-error-${id}`, hidden: true });
  const moveForm = el('form', { class: 'follow-up-form', id: `${prefix}-move-form-${id}`, novalidate: true, hidden: true },
    el('label', { for: dueInput.id, text: `New due time (your clock, ${HERE})` }), dueInput, moveError,
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary', id: `${prefix}-move-save-${id}`, text: 'Save the new time' }),
      el('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => close(moveForm) })));
  // Reassign: to another of the clinic's directors or injectors (its care team).
  const assigneeInput = el('select', { id: `${prefix}-assignee-${id}` });
  const assignError = el('p', { class: 'error', role: 'alert', id: `${prefix}-assign-error-${id}`, hidden: true });
  const assignForm = el('form', { class: 'follow-up-form', id: `${prefix}-assign-form-${id}`, novalidate: true, hidden: true },
    el('label', { for: assigneeInput.id, text: 'Assign to' }), assigneeInput, assignError,
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary', id: `${prefix}-assign-save-${id}`, text: 'Reassign' }),
      el('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => close(assignForm) })));
  const actions = el('div', { class: 'row follow-up-actions', id: `${prefix}-actions-${id}` },
    el('button', { type: 'button', class: 'secondary compact', id: `${prefix}-done-${id}`, text: 'Done…',
      onclick: () => open(doneForm, outcome) }),
    f.source === 'CONSENT_EXCEPTION' ? null : el('button', { type: 'button', class: 'secondary compact', id: `${prefix}-move-${id}`, text: 'Reschedule',
      onclick: () => {
        dueInput.value = localValue(Math.max(Date.parse(f.dueAt), Date.now() + 3600000));
        open(moveForm, dueInput);
      } }),
    f.source === 'CONSENT_EXCEPTION' ? null : el('button', { type: 'button', class: 'secondary compact', id: `${prefix}-assign-${id}`, text: 'Reassign…',
      onclick: async () => {
        assignError.hidden = true;
        try {
          const team = await careTeam(f.clinicId);
          assigneeInput.replaceChildren(...team.map((p) => el('option', {
            value: p.id, text: p.id === me.id ? `Me (${p.displayName})` : p.displayName, selected: p.id === f.assigneeId })));
          open(assignForm, assigneeInput);
        } catch (e) {
          showProblem(doneError, e);
          open(doneForm, outcome);
        }
      } }));
  item.append(actions, doneForm, moveForm, assignForm);

  function open(form, focus) {
    [doneForm, moveForm, assignForm].forEach((other) => { other.hidden = other !== form; });
    actions.hidden = true;
    item.dataset.editing = 'true';
    focus.focus();
  }
  function close(form) {
    form.hidden = true;
    clearFieldProblems(form);
    form.querySelector('.error').hidden = true;
    actions.hidden = false;
    delete item.dataset.editing;
  }
  doneForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    doneError.hidden = true;
    if (!outcome.value.trim()) return showProblem(doneError, 'Write the outcome: what was found or said.');
    complete.disabled = true;
    try {
      const files = photoInput ? [...photoInput.files] : [];
      for (const [n, file] of files.entries()) {
        if (sent.has(fileKey(file))) continue;
        photoNote.textContent = `Sending photo ${n + 1} of ${files.length}…`;
        sent.set(fileKey(file), await upload(`/api/follow-ups/${id}/photos`,
          file.type ? file : new Blob([file], { type: 'image/jpeg' }),
          { 'X-Captured-At': new Date(file.lastModified || Date.now()).toISOString() },
          (share) => { photoNote.textContent = `Sending photo ${n + 1} of ${files.length}: ${Math.round(share * 100)} %`; },
          (seconds) => { photoNote.textContent = `Other photos are arriving; sending again in ${seconds} s…`; }));
      }
      if (files.length) photoNote.textContent = `${files.length === 1 ? 'The photo is' : `All ${files.length} photos are`} stored.`;
      await api('POST', `/api/follow-ups/${id}/complete`, { outcome: outcome.value.trim() });
      delete item.dataset.editing;
      await changed();
    } catch (e) {
      showProblem(doneError, e, FIELDS(prefix, id));
      if (e.status === 409) await changed();
    } finally {
      complete.disabled = false;
    }
  });
  moveForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    moveError.hidden = true;
    const dueAt = instantOf(dueInput);
    if (!dueAt) return showProblem(moveError, 'Choose the new due time.');
    try {
      await api('PATCH', `/api/follow-ups/${id}`, { dueAt });
      delete item.dataset.editing;
      await changed();
    } catch (e) {
      showProblem(moveError, e, FIELDS(prefix, id));
    }
  });
  assignForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    assignError.hidden = true;
    try {
      await api('PATCH', `/api/follow-ups/${id}`, { assigneeId: assigneeInput.value });
      delete item.dataset.editing;
      await changed();
    } catch (e) {
      showProblem(assignError, e, FIELDS(prefix, id));
    }
  });
  return item;
}

/** The clinic's directors and injectors, who a follow-up may be assigned to. */
function careTeam(clinicId) {
  return api('GET', `/api/clinics/${clinicId}/care-team`);
}

/**
 * Renders follow-ups into a list, keeping an item whose form is open (what is typed in it stays);
 * answers the items by id.
 */
function renderInto(list, followUps, options) {
  const kept = new Map([...list.children].filter((li) => li.dataset.editing).map((li) => [li.dataset.id, li]));
  list.replaceChildren(...followUps.map((f) => kept.get(f.id)
    || followUpItem(f, { ...options, zone: options.zones.get(f.clinicId) })));
}

/** Repaints the items by the page's clock; true when one changed its status. */
function repaint(list) {
  const before = [...list.children].map((li) => li.dataset.status).join();
  [...list.children].forEach((li) => li.paint?.());
  return [...list.children].map((li) => li.dataset.status).join() !== before;
}

async function zonesOf(clinicIds) {
  const entries = await Promise.all(clinicIds.map(async (c) => [c, await clinicZone(c)]));
  return new Map(entries);
}

// --- the clinic's open follow-ups -------------------------------------------------------------

/**
 * A card of the open follow-ups of the caller's clinics, most urgent first; re-read when the
 * page is shown again and every minute, and repainted by the page's clock in between.
 */
export function followUpsCard({ id, title, me, clinicIds, directs, emptyText }) {
  const prefix = id;
  const list = el('ul', { id: `${id}-list`, class: 'follow-ups plain', 'aria-live': 'polite' });
  const empty = el('p', { id: `${id}-empty`, class: 'hint', text: emptyText, hidden: true });
  const error = el('p', { id: `${id}-error`, class: 'error', role: 'alert', hidden: true });
  const heading = el('h2', { id: `${id}-title`, text: title });
  const card = el('div', { id, class: 'card follow-ups-card', hidden: clinicIds.length === 0 }, heading, empty, list, error);
  let items = [];
  let zones = new Map();
  let reading = null;

  function render() {
    items.sort(byUrgency);
    renderInto(list, items, { prefix, me, directs, zones, changed: refresh });
    empty.hidden = items.length > 0;
    const due = items.filter((f) => effectiveStatus(f) !== 'SCHEDULED').length;
    heading.textContent = due ? `${title} (${due} due)` : title;
    card.classList.toggle('has-due', due > 0);
  }

  async function read() {
    if (clinicIds.length === 0) return items;
    try {
      zones = await zonesOf(clinicIds);
      const lists = await Promise.all(clinicIds.map((c) => api('GET', `/api/clinics/${c}/follow-ups?status=open`)));
      items = lists.flat();
      error.hidden = true;
      render();
    } catch (e) {
      if (e.status === 401) return items;
      showProblem(error, e);
    }
    return items;
  }

  /** Reads the list again (one read at a time); answers the open follow-ups. */
  function refresh() {
    reading = reading || read().finally(() => { reading = null; });
    return reading;
  }

  // The clock turns a scheduled item due (and a due one overdue) without a read; then the list
  // is read again, in case someone else did it meanwhile.
  setInterval(() => {
    if (repaint(list)) {
      render();
      refresh();
    }
  }, 5000);
  setInterval(refresh, 60000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh();
  });

  return { element: card, refresh, items: () => items };
}

// --- an ended emergency's follow-ups and its chart --------------------------------------------

/**
 * The follow-ups of one ended emergency with a form to add one (the caller by default, or the
 * other participant), and the chart as PDF and FHIR (plain links: the session cookie is enough).
 */
export function emergencyFollowUps({ me, directs, changed = () => {} }) {
  const prefix = 'efu';
  let emergency = null;
  let zones = new Map();
  const pdf = el('a', { id: 'chart-pdf', class: 'button primary chart-link', download: '', text: 'Download chart (PDF)' });
  const fhir = el('a', { id: 'chart-fhir', class: 'button secondary chart-link', download: '', text: 'FHIR' });
  const list = el('ul', { id: 'efu-list', class: 'follow-ups plain', 'aria-live': 'polite' });
  const empty = el('p', { id: 'efu-empty', class: 'hint', text: 'No follow-ups for this emergency yet.' });
  const what = el('input', { id: 'efu-what', maxlength: 500, autocomplete: 'off', placeholder: 'e.g. Call the patient: colour, pain, vision' });
  const due = el('input', { id: 'efu-due', type: 'datetime-local' });
  const assignee = el('select', { id: 'efu-assignee' });
  const error = el('p', { id: 'efu-error', class: 'error', role: 'alert', hidden: true });
  const added = el('p', { id: 'efu-added', class: 'saved', role: 'status', hidden: true });
  const submit = el('button', { id: 'efu-add', type: 'submit', class: 'primary', text: 'Add follow-up' });
  const form = el('form', { id: 'efu-form', class: 'inset-form follow-up-add', novalidate: true },
    el('h3', { text: 'Add a follow-up' }),
    el('label', { for: what.id, text: 'What to do' }), what,
    el('label', { for: due.id, text: `Due (your clock, ${HERE})` }), due,
    el('label', { for: assignee.id, text: 'Assigned to' }), assignee,
    error, added, submit);
  const card = el('div', { id: 'emergency-follow-ups', class: 'card emergency-follow-ups', hidden: true },
    el('h2', { text: 'Chart and follow-ups' }),
    el('p', { class: 'hint', text: 'The chart (PDF, or FHIR for the EHR) holds the record, its signature, the orders, the checklist and the timeline. Each download is audited.' }),
    el('div', { class: 'row chart-links' }, pdf, fhir),
    el('h3', { text: 'Follow-ups' }), empty, list, form);

  async function refresh() {
    if (!emergency) return;
    try {
      zones = await zonesOf([emergency.clinicId]);
      const all = await api('GET', `/api/clinics/${emergency.clinicId}/follow-ups?status=all`);
      const mineHere = all.filter((f) => f.emergencyId === emergency.id).sort(byUrgency);
      renderInto(list, mineHere, { prefix, me, directs, zones, inEmergency: true, changed: async () => { await refresh(); await changed(); } });
      empty.hidden = mineHere.length > 0;
    } catch (e) {
      if (e.status !== 401) showProblem(error, e);
    }
  }

  setInterval(() => { if (repaint(list)) refresh(); }, 5000);
  // What the other participant adds or does shows up here too, if later.
  setInterval(() => { if (!card.hidden) refresh(); }, 60000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && !card.hidden) refresh();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    added.hidden = true;
    const dueAt = instantOf(due);
    const missing = [[what.value.trim(), 'what to do'], [dueAt, 'when it is due']].filter(([v]) => !v).map(([, w]) => w);
    if (missing.length) return showProblem(error, `Enter ${missing.join(' and ')}.`);
    submit.disabled = true;
    try {
      const f = await api('POST', `/api/emergencies/${emergency.id}/follow-ups`,
        { what: what.value.trim(), dueAt, assigneeId: assignee.value || null });
      what.value = '';
      due.value = localValue(Date.now() + 24 * 3600000);
      clearFieldProblems(form);
      added.textContent = `Added: due ${onClock(f.dueAt, zones.get(f.clinicId))}, assigned to ${f.assigneeId === me.id ? 'you' : f.assigneeName}.`;
      added.hidden = false;
      await refresh();
      await changed();
    } catch (e) {
      showProblem(error, e, { what: what.id, dueAt: due.id, assigneeId: assignee.id });
    } finally {
      submit.disabled = false;
    }
  });

  return {
    element: card,
    refresh,
    /** Shows the panel for an ended emergency ({id, clinicId, injector, director}). */
    show(e) {
      const fresh = emergency?.id !== e.id;
      emergency = e;
      card.hidden = false;
      pdf.href = `/api/emergencies/${e.id}/chart.pdf`;
      fhir.href = `/api/emergencies/${e.id}/chart.fhir`;
      fhir.setAttribute('download', `emergency-${e.id}-chart.fhir.json`);
      if (fresh) {
        const people = [{ id: me.id, name: `Me (${me.displayName})` },
          ...[e.injector, e.director].filter((p) => p?.id && p.id !== me.id).map((p) => ({ id: p.id, name: p.displayName }))];
        assignee.replaceChildren(...people.map((p) => el('option', { value: p.id, text: p.name })));
        // Then the rest of the clinic's care team, when it can be read.
        careTeam(e.clinicId).then((team) => {
          if (emergency?.id !== e.id) return;
          const shown = new Set(people.map((p) => p.id));
          assignee.append(...team.filter((p) => !shown.has(p.id))
            .map((p) => el('option', { value: p.id, text: p.displayName })));
        }).catch(() => {});
        form.reset();
        due.value = localValue(Date.now() + 24 * 3600000);
        added.hidden = true;
        error.hidden = true;
        list.replaceChildren();
      }
      return refresh();
    },
    hide() {
      emergency = null;
      card.hidden = true;
      list.replaceChildren();
    },
  };
}
