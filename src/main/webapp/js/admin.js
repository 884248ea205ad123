// The clinic administrator's page: choose a clinic, see whether it is ready for an emergency, and
// set it up: its details and transfer plan, staff and invitations, the on-call roster, the
// escalation plan, alert delivery and consent texts. Times are shown and entered in the clinic's
// time zone, whatever the zone of the admin's computer. Nothing here shows an id: people are
// picked by name, and ids stay in data attributes and request paths.
import { api } from './api.js';
import { $, el, startPage, dateTime, day, humanize, toSignIn } from './shell.js';
import {
  invalid, report, fresh, savedAt, once, button, orderButtons, placeOrderButtons, confirmAction, remember,
} from './forms.js';
import { protocolsTab } from './admin-protocols.js';
import { drillsTab } from './admin-drills.js';
import { readinessChecklist } from './readiness.js';

const me = await startPage('ADMIN');

let clinics = [];     // the admin's clinics (ClinicView)
let clinic = null;    // the chosen one, as last read or saved
let staff = [];       // its staff (UserView), by name
let rotationKnown = false; // whether the clinic has a rotation saved
const knownNames = new Map(); // people named by the server outside the staff list (a former director)

const ROLES = ['INJECTOR', 'DIRECTOR', 'COMPLIANCE_OFFICER', 'ADMIN'];
const ROLE_LABELS = {
  INJECTOR: 'Injector',
  DIRECTOR: 'Medical director',
  COMPLIANCE_OFFICER: 'Compliance officer',
  ADMIN: 'Administrator',
};
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const DAY_NAMES = {
  MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday',
  FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday',
};
const LINES = { PRIMARY: 'Primary', BACKUP: 'Backup' };
const MAX_TRANSFER_LINES = 10;
const MAX_STEPS = 10;

// --- small helpers ---------------------------------------------------------------------------

/**
 * The chosen clinic's time zone: every time on this page is read and written in it. A zone name
 * the server knows but this browser does not (a rare legacy alias) falls back to UTC, said so.
 */
const zone = () => (clinic && knownZone(clinic.timeZone) ? clinic.timeZone : 'UTC');

function knownZone(name) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch (e) {
    return false;
  }
}

/** Whether the admin is still on that clinic: an answer for another one is dropped. */
const stillOn = (id) => clinic !== null && clinic.id === id;

/** The filled-in fields only: the API reads an empty string as a value, not as "none". */
function present(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** "Saved (8:19 AM)": on the clinic's clock, like every other time on this page. */
const saved = (id, text) => savedAt(id, text, zone());

// --- the clinic's time zone -----------------------------------------------------------------

const ZONES = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch (e) {
    return [];
  }
})();

/** A zone select grouped by region: "America" > "Los Angeles". */
function fillZones(select, chosen) {
  const zones = new Set([...ZONES, 'UTC']);
  if (chosen) zones.add(chosen);
  const regions = new Map();
  for (const name of [...zones].sort()) {
    const [region, ...place] = name.split('/');
    const group = place.length ? region : 'Other';
    if (!regions.has(group)) regions.set(group, []);
    regions.get(group).push(el('option', { value: name, text: place.length ? place.join(' / ').replaceAll('_', ' ') : name }));
  }
  select.replaceChildren(...[...regions].map(([region, options]) => el('optgroup', { label: region }, ...options)));
  select.value = chosen || 'UTC';
}

/** A zone's name for people: "America/Los_Angeles" is "Los Angeles time". */
function zoneName(name = zone()) {
  return name.includes('/') ? `${name.split('/').pop().replaceAll('_', ' ')} time` : `${name} time`;
}

const partsFormats = new Map();

/** The wall clock of an instant in a zone: {year, month, day, hour, minute, second}. */
function wallClock(date, timeZone) {
  if (!partsFormats.has(timeZone)) {
    partsFormats.set(timeZone, new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }));
  }
  const parts = Object.fromEntries(partsFormats.get(timeZone).formatToParts(date)
    .filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(ms, timeZone) {
  const w = wallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time ("2026-11-29T08:00") names in a zone. The offset is taken twice:
 * once at the guess and once at the answer, which settles a time next to a daylight-saving change.
 */
function zonedToInstant(local, timeZone) {
  const [date, clock = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = clock.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const guess = asUtc - offsetAt(asUtc, timeZone);
  return new Date(asUtc - offsetAt(guess, timeZone));
}

const pad = (n) => String(n).padStart(2, '0');

/** Today's date in a zone, "2026-11-29". */
function todayIn(timeZone) {
  const w = wallClock(new Date(), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Whether the clinic's wall clock is still before that time of day today. */
function beforeHandoff(hhmm) {
  const w = wallClock(new Date(), zone());
  return `${pad(w.hour)}:${pad(w.minute)}` < hhmm;
}

function addDays(isoDate, n) {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "2:05 PM" (or "14:05", as the reader's locale writes it) in the clinic's zone. */
function clockTime(iso) {
  return new Date(iso).toLocaleTimeString([], { timeZone: zone(), hour: 'numeric', minute: '2-digit' });
}

/** "Nov 29, 2026, 8:00 AM – 6:00 PM", or with both dates when it spans days; clinic time. */
function period(from, to) {
  const sameDay = new Date(from).toLocaleDateString('en-CA', { timeZone: zone() })
    === new Date(to).toLocaleDateString('en-CA', { timeZone: zone() });
  return `${dateTime(from, zone())} – ${sameDay ? clockTime(to) : dateTime(to, zone())}`;
}

// --- tabs ------------------------------------------------------------------------------------

const TABS = ['clinic', 'staff', 'oncall', 'policy', 'protocols', 'alerts', 'consent', 'drills'];

// The clinical tabs live in their own modules, with this page's helpers.
const clinical = {
  clinic: () => clinic, stillOn, zone, report, fresh, saved, once, invalid, nameOf, orderButtons, placeOrderButtons,
  confirm: confirmAction, changed: () => loadReadiness(),
};
const protocols = protocolsTab(clinical);
const drills = drillsTab(clinical);

function showTab(name, focus = false) {
  for (const other of TABS) {
    $(other).hidden = other !== name;
    $(`tab-${other}`).setAttribute('aria-selected', String(other === name));
  }
  if (focus) $(name).querySelector('.panel-title').focus();
}

/**
 * Showing a tab reads its lists again, and the checklist: others change them meanwhile (a person
 * choosing their password, a director handing over, an alert going out). Forms being edited are
 * left as they are.
 */
const REFRESH = {
  staff: () => loadStaff(), oncall: () => loadCoverage(), alerts: () => loadDeliveries(),
  protocols: () => protocols.load(), drills: () => drills.load(),
};

function refresh(name) {
  if (!clinic) return;
  REFRESH[name]?.();
  loadReadiness();
}

for (const name of TABS) {
  $(`tab-${name}`).addEventListener('click', () => {
    showTab(name);
    remember({ tab: name });
    refresh(name);
  });
}

// Back to the page after a while in another tab or app: what it shows is read again.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible') return;
  const shown = TABS.find((name) => !$(name).hidden);
  if (shown) refresh(shown);
});

// --- the clinic picker -----------------------------------------------------------------------

async function loadClinics(preferred) {
  try {
    clinics = await api('GET', '/api/clinics');
  } catch (e) {
    report('clinic-error', e);
    return;
  }
  clinics.sort((a, b) => a.name.localeCompare(b.name));
  $('clinic-picker').replaceChildren(...clinics.map((c) => el('option', { value: c.id, text: c.name })));
  if (clinics.length === 0) {
    clinic = null;
    $('workspace').hidden = true;
    $('clinic-picker').replaceChildren(el('option', { value: '', text: 'No clinic yet' }));
    openNewClinic('You have no clinic yet: open one to start.');
    return;
  }
  const chosen = clinics.some((c) => c.id === preferred) ? preferred : clinics[0].id;
  await choose(chosen);
}

/** Shows one clinic: everything on the page is read again for it. */
async function choose(id) {
  $('clinic-picker').value = id;
  clinic = clinics.find((c) => c.id === id);
  $('workspace').hidden = false;
  $('clinic-error').hidden = true;
  // The lists the admin arranges belong to the clinic left: gone before the new one's arrive.
  ['rotation-primary', 'rotation-backup', 'policy-steps'].forEach((list) => $(list).replaceChildren());
  try {
    const latest = await api('GET', `/api/clinics/${id}`);
    if (!stillOn(id)) return;
    clinic = latest;
  } catch (e) {
    report('clinic-error', e);
  }
  fillClinicForm(clinic);
  await loadStaff();
  if (!stillOn(id)) return;
  await Promise.all([loadReadiness(), loadRotation(), loadCoverage(), loadPolicy(), loadWebhook(),
    loadDeliveries(), loadConsentTexts(), protocols.load(), drills.load()]);
}

$('clinic-picker').addEventListener('change', () => {
  const id = $('clinic-picker').value;
  if (!id) return;
  remember({ clinic: id });
  choose(id);
});

function openNewClinic(why) {
  $('new-clinic-form').hidden = false;
  $('new-clinic').setAttribute('aria-expanded', 'true');
  if (why) {
    $('new-clinic-error').textContent = why;
    $('new-clinic-error').hidden = false;
  }
  $('new-clinic-name').focus();
}

function closeNewClinic() {
  $('new-clinic-form').hidden = true;
  $('new-clinic').setAttribute('aria-expanded', 'false');
  $('new-clinic-name').value = '';
  fresh('new-clinic-error');
}

$('new-clinic').addEventListener('click', () => ($('new-clinic-form').hidden ? openNewClinic() : closeNewClinic()));
$('cancel-new-clinic').addEventListener('click', () => {
  closeNewClinic();
  $('new-clinic').focus();
});

$('new-clinic-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('create-clinic'), async () => {
    fresh('new-clinic-error');
    const name = $('new-clinic-name').value.trim();
    const fields = { name: ['new-clinic-name', 'The name'] };
    if (!name) return report('new-clinic-error', invalid([{ field: 'name', message: 'is required' }]), fields);
    try {
      const created = await api('POST', '/api/clinics', { name });
      closeNewClinic();
      remember({ clinic: created.id, tab: 'clinic' });
      showTab('clinic');
      await loadClinics(created.id);
      $('clinic-saved').textContent = `“${created.name}” is open. Set its time zone and transfer plan here, then work through the checklist above.`;
      $('clinic-saved').hidden = false;
    } catch (e) {
      report('new-clinic-error', e, fields);
    }
  });
});

// --- readiness -------------------------------------------------------------------------------

const readiness = readinessChecklist({
  tabs: TABS, stillOn, report,
  open: (tab) => {
    showTab(tab, true);
    remember({ tab });
    REFRESH[tab]?.();
  },
});
function loadReadiness() {
  return readiness.load(clinic.id);
}

// --- the clinic's details and transfer plan ------------------------------------------------

function fillClinicForm(c) {
  $('clinic-name').value = c.name || '';
  fillZones($('clinic-zone'), c.timeZone);
  $('clinic-address').value = c.address || '';
  $('ed-name').value = c.nearestEd?.name || '';
  $('ed-phone').value = c.nearestEd?.phone || '';
  renderHours(c.hours || []);
  $('transfer-lines').replaceChildren(...(c.transferPlan || []).map(transferLine));
  transferLinesChanged();
  document.querySelectorAll('.zone-name').forEach((span) => { span.textContent = `(${zoneName()})`; });
}

// Opening hours: each day closed, or open in one span, or two (a lunch break between).

function renderHours(spans) {
  $('hours-days').replaceChildren(...DAYS.map((d) => dayRow(d,
    spans.filter((s) => s.day === d).sort((a, b) => a.opens.localeCompare(b.opens)))));
}

function dayRow(d, spans) {
  const name = DAY_NAMES[d];
  const open = el('input', { type: 'checkbox', id: `hours-${d}-open`, checked: spans.length > 0 });
  const first = spanInputs(d, 0, spans[0] || { opens: '09:00', closes: '18:00' });
  const second = spanInputs(d, 1, spans[1] || { opens: '', closes: '' });
  const closed = el('span', { class: 'closed small', text: 'Closed' });
  const addBreak = el('button', { type: 'button', class: 'link add-break', id: `hours-${d}-add`,
    'aria-label': `Add a second opening on ${name}`, text: '+ Second opening (after a break)' });
  let twoSpans = spans.length > 1;
  const sync = () => {
    closed.hidden = open.checked;
    first.hidden = !open.checked;
    second.hidden = !open.checked || !twoSpans;
    addBreak.hidden = !open.checked || twoSpans;
  };
  open.addEventListener('change', sync);
  addBreak.addEventListener('click', () => {
    twoSpans = true;
    sync();
    second.querySelector('input').focus();
  });
  second.querySelector('.remove-span').addEventListener('click', () => {
    twoSpans = false;
    sync();
    addBreak.focus();
  });
  sync();
  return el('div', { class: 'day-hours', 'data-day': d },
    el('label', { class: 'check day-open' }, open, el('span', { class: 'visually-hidden', text: 'Open on ' }), name),
    closed, first, second, addBreak);
}

function spanInputs(d, i, span) {
  const name = DAY_NAMES[d];
  const which = i ? 'second opening, ' : '';
  const opens = `hours-${d}-opens-${i}`;
  const closes = `hours-${d}-closes-${i}`;
  return el('span', { class: 'span', 'data-span': i },
    i ? el('span', { class: 'small', text: 'and' }) : null,
    el('label', { for: opens, class: 'visually-hidden', text: `${name}, ${which}opens at` }),
    el('input', { type: 'time', id: opens, class: 'time', value: span.opens }),
    el('span', { 'aria-hidden': 'true', text: 'to' }),
    el('label', { for: closes, class: 'visually-hidden', text: `${name}, ${which}closes at` }),
    el('input', { type: 'time', id: closes, class: 'time', value: span.closes }),
    i ? el('button', { type: 'button', class: 'link remove-span', 'aria-label': `Remove the second opening on ${name}`, text: 'Remove' }) : null);
}

/** The week as the API takes it, the field of each span, and what is wrong before sending. */
function hoursBody() {
  const spans = [];
  const fields = { hours: 'hours' };
  const wrong = [];
  for (const d of DAYS) {
    if (!$(`hours-${d}-open`).checked) continue;
    const count = $(`hours-${d}-opens-1`).closest('.span').hidden ? 1 : 2;
    let previousCloses = null;
    for (let i = 0; i < count; i++) {
      const opens = $(`hours-${d}-opens-${i}`);
      const closes = $(`hours-${d}-closes-${i}`);
      const at = `hours[${spans.length}]`;
      const which = i ? 'second ' : '';
      fields[`${at}.opens`] = [opens.id, `${DAY_NAMES[d]}'s ${which}opening time`];
      fields[`${at}.closes`] = [closes.id, `${DAY_NAMES[d]}'s ${which}closing time`];
      if (!opens.value) wrong.push({ field: `${at}.opens`, message: 'is required' });
      if (!closes.value) wrong.push({ field: `${at}.closes`, message: 'is required' });
      if (opens.value && closes.value && opens.value >= closes.value) {
        wrong.push({ field: `${at}.closes`, message: 'must be after the opening time (a day ends at midnight)' });
      }
      if (previousCloses && opens.value && opens.value < previousCloses) {
        wrong.push({ field: `${at}.opens`, message: 'must be after the first closing time' });
      }
      previousCloses = closes.value;
      spans.push({ day: d, opens: opens.value.slice(0, 5), closes: closes.value.slice(0, 5) });
    }
  }
  return { spans, fields, wrong };
}

// The transfer plan: lines of what to do, each with an optional number to call.

function transferLine(line = {}) {
  const item = el('li', { class: 'transfer-line-edit' });
  const text = el('input', { class: 'transfer-text', maxlength: 300, autocomplete: 'off', value: line.text || '' });
  const phone = el('input', { class: 'transfer-phone', type: 'tel', maxlength: 40, autocomplete: 'off', value: line.phone || '' });
  const order = orderButtons(item, 'Arrange this line', transferLinesChanged, $('add-transfer-line'));
  item.append(
    el('div', { class: 'transfer-fields' },
      el('div', { class: 'grow' }, el('label', { class: 'text-label' }), text),
      el('div', { class: 'phone-field' }, el('label', { class: 'phone-label' }), phone)),
    order.group);
  return item;
}

/** Numbers the lines again (ids, labels, buttons) after one was added, moved or removed. */
function transferLinesChanged() {
  const items = [...$('transfer-lines').children];
  items.forEach((item, i) => {
    const text = item.querySelector('.transfer-text');
    const phone = item.querySelector('.transfer-phone');
    text.id = `transfer-text-${i}`;
    phone.id = `transfer-phone-${i}`;
    item.querySelector('.text-label').htmlFor = text.id;
    item.querySelector('.text-label').textContent = `Line ${i + 1}: what to do`;
    item.querySelector('.phone-label').htmlFor = phone.id;
    item.querySelector('.phone-label').textContent = 'Number to call (optional)';
  });
  placeOrderButtons($('transfer-lines'), (item, i) => `line ${i + 1}`);
  $('transfer-empty').hidden = items.length > 0;
  $('add-transfer-line').disabled = items.length >= MAX_TRANSFER_LINES;
  $('add-transfer-line').textContent = items.length >= MAX_TRANSFER_LINES ? `At most ${MAX_TRANSFER_LINES} lines` : 'Add a line';
}

$('add-transfer-line').addEventListener('click', () => {
  if ($('transfer-lines').children.length >= MAX_TRANSFER_LINES) return;
  const item = transferLine();
  $('transfer-lines').append(item);
  transferLinesChanged();
  item.querySelector('.transfer-text').focus();
});

/** The plan as the API takes it; a line left entirely empty is dropped rather than refused. */
function transferBody() {
  const lines = [];
  const fields = { transferPlan: 'transfer-lines' };
  const wrong = [];
  for (const item of $('transfer-lines').children) {
    const text = item.querySelector('.transfer-text');
    const phone = item.querySelector('.transfer-phone');
    if (!text.value.trim() && !phone.value.trim()) continue;
    const at = `transferPlan[${lines.length}]`;
    const n = Number(text.id.split('-').pop()) + 1;
    fields[`${at}.text`] = [text.id, `Line ${n}`];
    fields[`${at}.phone`] = [phone.id, `The number of line ${n}`];
    if (!text.value.trim()) wrong.push({ field: `${at}.text`, message: 'needs words saying what to do' });
    lines.push(present({ text: text.value.trim(), phone: phone.value.trim() }));
  }
  return { lines, fields, wrong };
}

/**
 * A merge patch of what the form changed: the server writes each field it is given into the
 * clinic's trail as a change, so unchanged ones stay out.
 */
function clinicChanges(hours, transferPlan, edName, edPhone) {
  const patch = {};
  const name = $('clinic-name').value.trim();
  const address = $('clinic-address').value.trim();
  if (name !== clinic.name) patch.name = name;
  if ($('clinic-zone').value !== clinic.timeZone) patch.timeZone = $('clinic-zone').value;
  if (address !== (clinic.address || '')) patch.address = address; // "" removes it
  const week = (spans) => JSON.stringify(spans.map((h) => `${h.day} ${h.opens} ${h.closes}`).sort());
  if (week(hours) !== week(clinic.hours || [])) patch.hours = hours;
  if (edName !== (clinic.nearestEd?.name || '') || edPhone !== (clinic.nearestEd?.phone || '')) {
    // Both empty removes the department (null passes the phone's pattern; "" would not).
    patch.nearestEd = { name: edName || null, phone: edPhone || null };
  }
  const lines = (list) => JSON.stringify(list.map((l) => [l.text, l.phone || null]));
  if (lines(transferPlan) !== lines(clinic.transferPlan || [])) patch.transferPlan = transferPlan;
  return patch;
}

$('clinic-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('save-clinic'), saveClinic);
});

async function saveClinic() {
  fresh('clinic-form-error', 'clinic-saved');
  const id = clinic.id;
  const hours = hoursBody();
  const transfer = transferBody();
  const edName = $('ed-name').value.trim();
  const edPhone = $('ed-phone').value.trim();
  const fields = {
    name: ['clinic-name', 'The clinic name'],
    timeZone: ['clinic-zone', 'The time zone'],
    address: ['clinic-address', 'The address'],
    'nearestEd.name': ['ed-name', "The emergency department's name"],
    'nearestEd.phone': ['ed-phone', "The emergency department's phone number"],
    ...hours.fields,
    ...transfer.fields,
  };
  const wrong = [...hours.wrong, ...transfer.wrong];
  if (!$('clinic-name').value.trim()) wrong.push({ field: 'name', message: 'is required' });
  if (edName && !edPhone) wrong.push({ field: 'nearestEd.phone', message: 'is required with its name' });
  if (edPhone && !edName) wrong.push({ field: 'nearestEd.name', message: 'is required with its phone number' });
  if (wrong.length) return report('clinic-form-error', invalid(wrong), fields);
  const patch = clinicChanges(hours.spans, transfer.lines, edName, edPhone);
  if (Object.keys(patch).length === 0) {
    saved('clinic-saved', 'Nothing had changed: the clinic details are as saved.');
    return;
  }
  const zoneBefore = clinic.timeZone;
  try {
    clinic = await api('PATCH', `/api/clinics/${id}`, patch);
  } catch (e) {
    return report('clinic-form-error', e, fields);
  }
  clinics = clinics.map((c) => (c.id === id ? clinic : c));
  $('clinic-picker').querySelector(`option[value="${id}"]`).textContent = clinic.name;
  fillClinicForm(clinic);
  saved('clinic-saved', 'Clinic details saved.');
  loadReadiness();
  if (clinic.timeZone !== zoneBefore) {
    // The roster's days and every time shown follow the clinic's zone.
    loadRotation();
    loadCoverage();
  }
}

// --- staff -----------------------------------------------------------------------------------

/** The person's roles in this clinic (the API also tells the union over the admin's clinics). */
function rolesHere(user) {
  return user.memberships?.find((m) => m.clinicId === clinic.id)?.roles || user.roles || [];
}

/** Active directors of the clinic: the people a roster or an escalation step may name. */
function directors() {
  return staff.filter((u) => u.active && rolesHere(u).includes('DIRECTOR'));
}

function nameOf(id, fallback) {
  return staff.find((u) => u.id === id)?.displayName || knownNames.get(id) || fallback || 'someone no longer on the staff';
}

/** A director's name in a picker, with what may stop them answering. */
function directorLabel(u) {
  return `${u.displayName}${u.passwordPending ? ' (invited, no password yet)' : ''}`;
}

async function loadStaff() {
  const id = clinic.id;
  $('staff-error').hidden = true;
  try {
    const list = await api('GET', `/api/clinics/${id}/users`);
    if (!stillOn(id)) return;
    staff = list.sort((a, b) => a.displayName.localeCompare(b.displayName));
  } catch (e) {
    if (stillOn(id)) report('staff-error', e);
    return;
  }
  renderStaff();
  fillDirectorPickers();
}

/** After a change to someone: the list, the pickers, the roster's coverage and the checklist. */
async function staffChanged() {
  await loadStaff();
  loadCoverage();
  loadReadiness();
}

function renderStaff() {
  $('staff-table').querySelector('tbody').replaceChildren(...staff.map(staffRow));
  $('staff-empty').hidden = staff.length > 0;
}

function status(u) {
  if (!u.active) return { text: 'Disabled', kind: 'disabled' };
  if (u.passwordPending) return { text: 'Invited — has not set a password yet', kind: 'pending' };
  return { text: 'Active', kind: 'active' };
}

function staffRow(u) {
  const self = u.id === me.id;
  const state = status(u);
  const row = el('tr', { 'data-username': u.username, class: u.active ? null : 'inactive' });
  const actions = el('div', { class: 'row-actions' },
    button('Change roles', { class: 'secondary compact edit-roles', 'aria-label': `Change the roles of ${u.displayName}` },
      () => editRoles(u, row)),
    u.active && !self ? button(u.passwordPending ? 'New invitation link' : 'Reset password', {
      class: 'secondary compact reset-password',
      'aria-label': `${u.passwordPending ? 'New invitation link for' : 'Reset the password of'} ${u.displayName}`,
    }, () => resetPassword(u)) : null,
    !self ? button('Unlock', { class: 'secondary compact unlock', 'aria-label': `Unlock the sign-in of ${u.displayName}` },
      () => unlock(u)) : null,
    !self ? button(u.active ? 'Disable' : 'Enable', {
      class: 'secondary compact toggle-active', 'aria-label': `${u.active ? 'Disable' : 'Enable'} ${u.displayName}`,
    }, () => setActive(u, !u.active)) : null);
  row.append(
    el('td', { 'data-label': 'Name' }, el('strong', { text: u.displayName }), self ? el('span', { class: 'small', text: ' (you)' }) : null),
    el('td', { 'data-label': 'Username', class: 'username', text: u.username }),
    el('td', { 'data-label': 'Roles', text: rolesHere(u).map((r) => ROLE_LABELS[r] || humanize(r)).join(', ') }),
    el('td', { 'data-label': 'Contact' }, ...(u.email || u.phone
      ? [u.email, u.phone].filter(Boolean).map((c) => el('span', { class: 'contact', text: c }))
      : [el('span', { class: 'small', text: 'None given' })])),
    el('td', { 'data-label': 'Status' }, el('span', { class: `status status-${state.kind}`, text: state.text })),
    el('td', { 'data-label': 'Actions' }, actions));
  return row;
}

function staffNotice(text) {
  $('staff-error').hidden = true;
  saved('staff-notice', text);
}

/** A form under the person's row to change their roles here. */
function editRoles(u, row) {
  document.querySelectorAll('tr.roles-editor').forEach((open) => open.remove());
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const choices = ROLES.map((r) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', class: 'role-choice', value: r, checked: rolesHere(u).includes(r) }), ROLE_LABELS[r]));
  const cancel = button('Cancel', { class: 'secondary' }, () => {
    editor.remove();
    row.querySelector('.edit-roles').focus();
  });
  const save = el('button', { type: 'submit', class: 'primary inline save-roles', text: 'Save the roles' });
  const form = el('form', { class: 'roles-form', novalidate: true },
    el('fieldset', { class: 'roles' }, el('legend', { text: `What ${u.displayName} does here` }), ...choices),
    clinics.length > 1 ? el('p', { class: 'hint small', text: 'The roles apply in each of your clinics this person works for.' }) : null,
    error,
    el('div', { class: 'row' }, save, cancel));
  const editor = el('tr', { class: 'roles-editor' }, el('td', { colspan: 6 }, form));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    once(save, async () => {
      const roles = [...form.querySelectorAll('.role-choice:checked')].map((box) => box.value);
      if (roles.length === 0) {
        error.textContent = 'Tick at least one role; to stop someone signing in, disable them instead.';
        error.hidden = false;
        return;
      }
      try {
        await api('PATCH', `/api/users/${u.id}`, { roles });
      } catch (e) {
        return report(error, e);
      }
      if (u.id === me.id) {
        // A change of one's own roles ends one's sessions, this one included.
        toSignIn('Your roles changed; sign in again to continue.');
        return;
      }
      staffNotice(`Roles of ${u.displayName} saved; they were signed out and sign in again with the new roles.`);
      await staffChanged();
    });
  });
  row.after(editor);
  choices[0].querySelector('input').focus();
}

async function resetPassword(u) {
  const pending = u.passwordPending;
  const ok = await confirmAction(
    pending ? `A new invitation link for ${u.displayName}?` : `Reset the password of ${u.displayName}?`,
    pending ? 'The link they were given earlier stops working. You get a new one-time link to give them.'
      : 'Their password stops working now and they are signed out everywhere. You get a one-time link to give them, '
        + 'with which they choose a new password.',
    pending ? 'Make a new link' : 'Reset the password');
  if (!ok) return;
  try {
    const link = await api('POST', `/api/users/${u.id}/setup-link`);
    showSetupLink(u.displayName, link);
  } catch (e) {
    return report('staff-error', e);
  }
  await staffChanged();
}

async function unlock(u) {
  try {
    const answer = await api('POST', `/api/users/${u.id}/unlock`);
    staffNotice(answer.wasLocked ? `${u.displayName} can sign in again.` : `${u.displayName} was not locked out.`);
  } catch (e) {
    report('staff-error', e);
  }
}

async function setActive(u, active) {
  if (!active && !(await confirmAction(`Disable ${u.displayName}?`,
    'They are signed out at once and can no longer sign in or be alerted. Their records stay. You can enable them again later.',
    'Disable'))) return;
  try {
    await api('PATCH', `/api/users/${u.id}`, { active });
    staffNotice(active ? `${u.displayName} can sign in again.` : `${u.displayName} is disabled.`);
  } catch (e) {
    return report('staff-error', e);
  }
  await staffChanged();
}

// The one-time link: shown once, here, with a copy button.

function showSetupLink(name, setup) {
  const url = new URL(setup.link, window.location.origin).href;
  $('setup-link-text').textContent = `Give this link to ${name}; it works once, until ${dateTime(setup.expiresAt, zone())}`
    + ` (${zoneName()}). It is not shown again. Send it only to them, for example by text message to their own phone.`;
  $('setup-link-url').value = url;
  $('setup-link-copied').textContent = '';
  $('setup-link').hidden = false;
  showTab('staff');
  $('setup-link-title').focus();
}

$('setup-link-copy').addEventListener('click', async () => {
  const input = $('setup-link-url');
  try {
    await navigator.clipboard.writeText(input.value);
    $('setup-link-copied').textContent = 'Copied. Paste it into a message to them.';
  } catch (e) {
    // No clipboard access (an older browser, or a page not served over https): select it instead.
    input.focus();
    input.select();
    $('setup-link-copied').textContent = 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
});

$('setup-link-done').addEventListener('click', () => {
  $('setup-link').hidden = true;
  $('setup-link-url').value = '';
  $('invite-name').focus();
});

// Inviting someone: they choose their own password with the link.

let usernameTyped = false;

/** "Dr. Zoë O'Brien" suggests "zoe.obrien"; a name already taken here gets a number. */
function suggestUsername(name) {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/^(dr|mr|mrs|ms|miss|mx|prof)\b\.?\s*/, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 60);
  if (!base) return '';
  const taken = new Set(staff.map((u) => u.username.toLowerCase()));
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  return candidate;
}

$('invite-name').addEventListener('input', () => {
  if (!usernameTyped) $('invite-username').value = suggestUsername($('invite-name').value);
});
$('invite-username').addEventListener('input', () => {
  // Typed by the admin: no more suggestions, until the field is emptied.
  usernameTyped = $('invite-username').value !== '';
});

$('invite-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('invite'), invite);
});

async function invite() {
  fresh('invite-error');
  const id = clinic.id;
  const body = present({
    displayName: $('invite-name').value.trim(),
    username: $('invite-username').value.trim(),
    email: $('invite-email').value.trim(),
    phone: $('invite-phone').value.trim(),
  });
  body.roles = ROLES.filter((r) => $(`invite-role-${r}`).checked);
  const fields = {
    displayName: ['invite-name', 'The name'],
    username: ['invite-username', 'The username'],
    email: ['invite-email', 'The email address'],
    phone: ['invite-phone', 'The phone number'],
    roles: ['invite-roles', 'What they do'],
  };
  const wrong = [];
  if (!body.displayName) wrong.push({ field: 'displayName', message: 'is required' });
  if (!body.username) wrong.push({ field: 'username', message: 'is required' });
  if (body.roles.length === 0) wrong.push({ field: 'roles', message: 'needs at least one role ticked' });
  if (wrong.length) return report('invite-error', invalid(wrong), fields);
  let created;
  try {
    created = await api('POST', `/api/clinics/${id}/users`, body);
  } catch (e) {
    // 409: the username is taken (perhaps in another clinic); it belongs next to that field.
    return report('invite-error', e.status === 409
      ? invalid([{ field: 'username', message: 'is already taken; choose another' }]) : e, fields);
  }
  $('invite-form').reset();
  usernameTyped = false;
  if (created.setup) {
    showSetupLink(created.displayName, created.setup);
  } else {
    staffNotice(`${created.displayName} was added.`);
  }
  await staffChanged();
}

// --- on call: the rotation -------------------------------------------------------------------

/** The pickers that name directors: the rotation's lines, overrides, escalation steps. */
function fillDirectorPickers() {
  for (const line of ['primary', 'backup']) {
    // Drawn again as the admin left them: only who is still an active director may change.
    renderLine(line, [...$(`rotation-${line}`).children].map((item) => ({
      id: item.dataset.userId, displayName: item.querySelector('.person-name').firstChild.textContent })));
  }
  const chosen = $('override-person').value;
  const list = directors();
  $('override-person').replaceChildren(list.length
    ? el('option', { value: '', text: 'Choose a director' })
    : el('option', { value: '', text: 'No active director: invite one on the Staff tab' }),
  ...list.map((u) => el('option', { value: u.id, text: directorLabel(u) })));
  if (list.some((u) => u.id === chosen)) $('override-person').value = chosen;
  if ($('policy-steps').children.length) renderSteps(readSteps());
}

/** A line's picker offers the active directors not on that line yet. */
function refreshLinePicker(line) {
  const onLine = new Set([...$(`rotation-${line}`).children].map((item) => item.dataset.userId));
  const offered = directors().filter((u) => !onLine.has(u.id));
  $(`add-${line}`).replaceChildren(
    el('option', { value: '', text: offered.length ? 'Choose a director to add'
      : directors().length ? 'Every director is on this line' : 'No active director: invite one on the Staff tab' }),
    ...offered.map((u) => el('option', { value: u.id, text: directorLabel(u) })));
}

function personItem(line, person) {
  const item = el('li', { class: 'rotation-person', 'data-user-id': person.id });
  const active = directors().some((u) => u.id === person.id);
  const order = orderButtons(item, `Arrange ${person.displayName}`, () => lineChanged(line), $(`add-${line}`));
  item.append(
    el('span', { class: 'person-name' }, person.displayName || nameOf(person.id),
      active ? null : el('span', { class: 'warn-text', text: ' — no longer an active director: remove' })),
    order.group);
  return item;
}

function renderLine(line, people) {
  $(`rotation-${line}`).replaceChildren(...people.map((p) => personItem(line, p)));
  lineChanged(line);
}

function lineChanged(line) {
  const list = $(`rotation-${line}`);
  [...list.children].forEach((item, i) => { item.id = `rotation-${line}-${i}`; });
  placeOrderButtons(list, (item) => item.querySelector('.person-name').firstChild.textContent);
  list.dataset.empty = line === 'primary' ? 'Nobody yet: add the directors who take turns.' : 'Nobody: the backup step is skipped.';
  refreshLinePicker(line);
  $('rotation-empty').hidden = rotationKnown && $('rotation-primary').children.length > 0;
}

for (const line of ['primary', 'backup']) {
  // Choosing a director adds them at once: the select is the "add" control.
  $(`add-${line}`).addEventListener('change', () => {
    const id = $(`add-${line}`).value;
    if (!id) return;
    const person = staff.find((u) => u.id === id);
    $(`rotation-${line}`).append(personItem(line, { id, displayName: person.displayName }));
    lineChanged(line);
    $(`add-${line}`).focus();
  });
}

async function loadRotation() {
  const id = clinic.id;
  $('rotation-error').hidden = true;
  let rotation = null;
  try {
    rotation = await api('GET', `/api/clinics/${id}/rotation`);
  } catch (e) {
    if (e.status !== 404) {
      if (stillOn(id)) report('rotation-error', e);
      return;
    }
  }
  if (stillOn(id)) fillRotationForm(rotation);
}

function fillRotationForm(rotation) {
  rotationKnown = rotation !== null;
  fillZones($('rotation-zone'), rotation?.timeZone || zone());
  $('rotation-handoff').value = rotation?.handoffTime || '08:00';
  $('rotation-length').value = rotation?.lengthDays || 7;
  // A new rotation starts with the shift running now: from yesterday's handoff when today's has
  // not come yet, or the clinic would have nobody on call until then.
  $('rotation-starts').value = rotation?.startsOn || addDays(todayIn(zone()), beforeHandoff('08:00') ? -1 : 0);
  renderLine('primary', rotation?.primary || []);
  renderLine('backup', rotation?.backup || []);
}

$('rotation-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('save-rotation'), saveRotation);
});

async function saveRotation() {
  fresh('rotation-error', 'rotation-saved');
  const id = clinic.id;
  const ids = (line) => [...$(`rotation-${line}`).children].map((item) => item.dataset.userId);
  const fields = {
    timeZone: ['rotation-zone', 'The time zone'],
    handoffTime: ['rotation-handoff', 'The handoff time'],
    lengthDays: ['rotation-length', 'The length of a shift'],
    startsOn: ['rotation-starts', 'The first day'],
    primary: ['rotation-primary', 'The primary line'],
    backup: ['rotation-backup', 'The backup line'],
  };
  for (const line of ['primary', 'backup']) {
    [...$(`rotation-${line}`).children].forEach((item, i) => {
      fields[`${line}[${i}]`] = [item.id, item.querySelector('.person-name').firstChild.textContent];
    });
  }
  const length = Number($('rotation-length').value);
  const wrong = [];
  if (!$('rotation-handoff').value) wrong.push({ field: 'handoffTime', message: 'is required' });
  if (!Number.isInteger(length) || length < 1 || length > 28) wrong.push({ field: 'lengthDays', message: 'must be a whole number of days, 1 to 28' });
  if (!$('rotation-starts').value) wrong.push({ field: 'startsOn', message: 'is required' });
  if (ids('primary').length === 0) wrong.push({ field: 'primary', message: 'needs at least one director' });
  if (wrong.length) return report('rotation-error', invalid(wrong), fields);
  try {
    const rotation = await api('PUT', `/api/clinics/${id}/rotation`, {
      timeZone: $('rotation-zone').value,
      handoffTime: $('rotation-handoff').value.slice(0, 5),
      lengthDays: length,
      startsOn: $('rotation-starts').value,
      primary: ids('primary'),
      backup: ids('backup'),
    });
    fillRotationForm(rotation);
  } catch (e) {
    return report('rotation-error', e, fields);
  }
  saved('rotation-saved', 'Rotation saved.');
  loadCoverage();
  loadReadiness();
}

// --- on call: now, gaps, the calendar and overrides -------------------------------------------

const CALENDAR_DAYS = 14;

async function loadCoverage() {
  const id = clinic.id;
  $('oncall-error').hidden = true;
  try {
    const today = todayIn(zone());
    const from = zonedToInstant(`${today}T00:00`, zone()).toISOString();
    const to = zonedToInstant(`${addDays(today, CALENDAR_DAYS)}T00:00`, zone()).toISOString();
    const [now, shifts, gaps, overrides] = await Promise.all([
      api('GET', `/api/clinics/${id}/on-call`),
      api('GET', `/api/clinics/${id}/on-call/calendar?${new URLSearchParams({ from, to })}`),
      api('GET', `/api/clinics/${id}/on-call/gaps`),
      api('GET', `/api/clinics/${id}/overrides`),
    ]);
    if (!stillOn(id)) return;
    renderOnCallNow(now);
    renderGaps(gaps);
    renderCalendar(shifts, today);
    renderOverrides(overrides);
  } catch (e) {
    if (stillOn(id)) report('oncall-error', e);
  }
}

function renderOnCallNow(now) {
  const name = (p) => (p ? p.displayName || nameOf(p.id) : 'nobody');
  $('on-call-now').dataset.state = now.primary ? 'ok' : 'warn';
  $('on-call-now').replaceChildren(
    el('span', { class: 'on-call-line' }, 'Primary: ', el('strong', { text: name(now.primary) })),
    el('span', { class: 'on-call-line' }, 'Backup: ', el('strong', { text: name(now.backup) })));
  if (!now.primary) {
    $('on-call-now').append(el('span', { class: 'on-call-line',
      text: 'An emergency now goes straight to the other steps of the escalation plan.' }));
  }
}

function renderGaps(gaps) {
  if (gaps.length === 0) {
    $('gaps').replaceChildren(el('p', { class: 'ok-line', text: 'The next 7 days are covered.' }));
    return;
  }
  $('gaps').replaceChildren(el('div', { class: 'notice', role: 'status' },
    el('strong', { text: `Gaps in the next 7 days: an emergency then may reach nobody on that line.` }),
    el('ul', { class: 'gap-list' }, ...gaps.map((g) => el('li', {
      text: `${LINES[g.line] || humanize(g.line)} line, ${period(g.from, g.to)}: ${g.why}${g.userId ? ` (${nameOf(g.userId)})` : ''}.`,
    })))));
}

/** Two weeks, a row per day in the clinic's zone, each line's people with the hours they cover. */
function renderCalendar(shifts, today) {
  $('calendar-zone').textContent = `Times in ${zoneName()}. “Override” marks a swap or holiday cover.`;
  const rows = [];
  for (let i = 0; i < CALENDAR_DAYS; i++) {
    const date = addDays(today, i);
    const start = zonedToInstant(`${date}T00:00`, zone()).getTime();
    const end = zonedToInstant(`${addDays(date, 1)}T00:00`, zone()).getTime();
    rows.push(el('tr', { 'data-day': date },
      el('th', { scope: 'row', text: `${day(date)}${i === 0 ? ' (today)' : ''}` }),
      ...['PRIMARY', 'BACKUP'].map((line) => el('td', { 'data-label': LINES[line] },
        ...dayShifts(shifts, line, start, end)))));
  }
  $('calendar').querySelector('tbody').replaceChildren(...rows);
}

/**
 * Back-to-back shifts of the same person from the rotation read as one: a director who is on
 * again after a handoff (a line of one) is on call all day, not "until 8:00" and "8:00 - midnight".
 */
function joined(pieces) {
  const out = [];
  for (const s of pieces) {
    const last = out[out.length - 1];
    if (last && !last.overrideId && !s.overrideId && last.to === s.from
      && (last.person?.id ?? null) === (s.person?.id ?? null)) {
      out[out.length - 1] = { ...last, to: s.to };
    } else {
      out.push(s);
    }
  }
  return out;
}

function dayShifts(shifts, line, start, end) {
  const pieces = joined(shifts.filter((s) => s.line === line && Date.parse(s.from) < end && Date.parse(s.to) > start));
  if (pieces.length === 0) return [el('span', { class: line === 'PRIMARY' ? 'gap' : 'small', text: 'Nobody' })];
  return pieces.map((s) => {
    const from = Math.max(Date.parse(s.from), start);
    const to = Math.min(Date.parse(s.to), end);
    const whole = from === start && to === end;
    const hours = whole ? '' : ` (${from === start ? 'until' : clockTime(new Date(from).toISOString())}`
      + `${from === start ? ' ' : ' – '}${to === end ? 'midnight' : clockTime(new Date(to).toISOString())})`;
    const who = s.person ? (s.person.displayName || nameOf(s.person.id)) : (line === 'PRIMARY' ? 'Nobody' : 'No backup');
    return el('span', { class: `shift${s.person ? '' : line === 'PRIMARY' ? ' gap' : ' small'}${s.overrideId ? ' override' : ''}` },
      who, hours ? el('span', { class: 'small', text: hours }) : null, s.overrideId ? el('span', { class: 'tag', text: 'override' }) : null);
  });
}

/** The overrides of the next two months (the server's default), whole, with their reasons. */
function renderOverrides(overrides) {
  $('overrides').replaceChildren(...(overrides.length ? overrides.map(overrideItem)
    : [el('li', { class: 'hint', text: 'No overrides in the next two months: the rotation applies.' })]));
}

function overrideItem(o) {
  const who = o.person?.displayName || nameOf(o.person?.id);
  const running = Date.parse(o.from) <= Date.now();
  return el('li', { class: 'override-item' },
    el('span', {}, el('strong', { text: `${LINES[o.line]} line: ${who}` }),
      running ? `, now until ${dateTime(o.to, zone())}` : `, ${period(o.from, o.to)}`,
      o.reason ? el('span', { class: 'small', text: ` — ${o.reason}` }) : null),
    button('Remove', { class: 'secondary compact remove-override', 'aria-label': `Remove the override of ${who}` },
      () => removeOverride(o, who)));
}

async function removeOverride(o, who) {
  const ok = await confirmAction(`Remove the override of ${who}?`,
    'The rotation applies again for that time.', 'Remove the override');
  if (!ok) return;
  try {
    await api('DELETE', `/api/clinics/${clinic.id}/overrides/${o.id}`);
    saved('override-saved', 'Override removed.');
  } catch (e) {
    return report('override-error', e);
  }
  loadCoverage();
  loadReadiness();
}

$('override-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('add-override'), addOverride);
});

async function addOverride() {
  fresh('override-error', 'override-saved');
  const id = clinic.id;
  const fields = {
    line: ['override-line', 'The line'],
    userId: ['override-person', 'The director'],
    from: ['override-from', 'The start'],
    to: ['override-to', 'The end'],
    reason: ['override-reason', 'The reason'],
  };
  const from = $('override-from').value;
  const to = $('override-to').value;
  const wrong = [];
  if (!$('override-person').value) wrong.push({ field: 'userId', message: 'is required' });
  if (!from) wrong.push({ field: 'from', message: 'is required' });
  if (!to) wrong.push({ field: 'to', message: 'is required' });
  // Both are wall-clock times in the clinic's zone, whatever the zone of this computer.
  const fromInstant = from && zonedToInstant(from, zone());
  const toInstant = to && zonedToInstant(to, zone());
  if (fromInstant && toInstant && toInstant <= fromInstant) wrong.push({ field: 'to', message: 'must be after the start' });
  if (wrong.length) return report('override-error', invalid(wrong), fields);
  try {
    await api('POST', `/api/clinics/${id}/overrides`, present({
      line: $('override-line').value,
      userId: $('override-person').value,
      from: fromInstant.toISOString(),
      to: toInstant.toISOString(),
      reason: $('override-reason').value.trim(),
    }));
  } catch (e) {
    return report('override-error', e, fields);
  }
  $('override-from').value = '';
  $('override-to').value = '';
  $('override-reason').value = '';
  saved('override-saved', 'Override added.');
  loadCoverage();
  loadReadiness();
}

// --- escalation plan -------------------------------------------------------------------------

const STEP_KINDS = {
  PRIMARY: 'The director on call (primary)',
  BACKUP: 'The backup on call',
  ALL_DIRECTORS: "All of the clinic's directors",
  PEOPLE: 'Chosen directors',
};
const SUGGESTED_STEPS = [
  { kind: 'PRIMARY', directorIds: [], timeoutSeconds: 60 },
  { kind: 'BACKUP', directorIds: [], timeoutSeconds: 60 },
  { kind: 'ALL_DIRECTORS', directorIds: [], timeoutSeconds: 120 },
];
const SUGGESTED_FALLBACK = 'Call 911 and transfer the patient to the nearest emergency department.';

async function loadPolicy() {
  const id = clinic.id;
  $('policy-error').hidden = true;
  let policy = null;
  try {
    policy = await api('GET', `/api/clinics/${id}/escalation-policy`);
  } catch (e) {
    if (e.status !== 404) {
      if (stillOn(id)) report('policy-error', e);
      return;
    }
  }
  if (stillOn(id)) fillPolicyForm(policy);
}

function fillPolicyForm(policy) {
  $('policy-empty').hidden = policy !== null;
  $('policy-state').textContent = policy
    ? `In force since ${dateTime(policy.updatedAt, zone())}${policy.updatedBy ? ` (set by ${nameOf(policy.updatedBy, 'an administrator')})` : ''}. `
      + 'Emergencies already running keep the plan they started with.'
    : 'Not saved yet: the steps below are a suggestion.';
  (policy?.steps || []).forEach((s) => (s.directors || []).forEach((d) => d.displayName && knownNames.set(d.id, d.displayName)));
  renderSteps(policy ? policy.steps.map((s) => ({
    kind: s.onCall || 'PEOPLE',
    directorIds: s.directorIds || (s.directors || []).map((d) => d.id),
    timeoutSeconds: s.timeoutSeconds,
  })) : SUGGESTED_STEPS);
  $('policy-repeat').value = String(policy?.repeat ?? 0);
  $('policy-transfer').value = policy ? (policy.transferPlan || '') : SUGGESTED_FALLBACK;
  summarizePolicy();
}

function renderSteps(steps) {
  $('policy-steps').replaceChildren(...steps.map(stepRow));
  stepsChanged();
}

/** The steps as the form holds them now: {kind, directorIds, timeoutSeconds}. */
function readSteps() {
  return [...$('policy-steps').children].map((item) => ({
    kind: item.querySelector('.step-kind').value,
    directorIds: [...item.querySelectorAll('.step-director:checked')].map((box) => box.value),
    timeoutSeconds: item.querySelector('.step-timeout').value,
  }));
}

function stepRow(step) {
  const item = el('li', { class: 'policy-step' });
  const kind = el('select', { class: 'step-kind' },
    ...Object.entries(STEP_KINDS).map(([value, text]) => el('option', { value, text })));
  kind.value = step.kind;
  const timeout = el('input', { type: 'number', class: 'step-timeout time-input', min: 1, max: 3600, step: 1,
    inputmode: 'numeric', value: step.timeoutSeconds });
  // The clinic's active directors, and anyone the saved step names who is no longer one.
  const ids = [...new Set([...directors().map((u) => u.id), ...step.directorIds])];
  const people = el('fieldset', { class: 'step-people' }, el('legend', { text: 'Directors alerted together' }),
    ...(ids.length ? ids.map((id) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', class: 'step-director', value: id, checked: step.directorIds.includes(id) }),
      directors().some((u) => u.id === id) ? nameOf(id) : `${nameOf(id)} (no longer an active director)`))
      : [el('p', { class: 'hint small', text: 'No active director yet: invite one on the Staff tab.' })]));
  people.hidden = step.kind !== 'PEOPLE';
  kind.addEventListener('change', () => {
    people.hidden = kind.value !== 'PEOPLE';
    summarizePolicy();
  });
  timeout.addEventListener('input', summarizePolicy);
  const order = orderButtons(item, 'Arrange this step', stepsChanged, $('add-step'));
  item.append(
    el('h3', { class: 'step-title' }),
    el('div', { class: 'step-fields' },
      el('div', { class: 'grow' }, el('label', { class: 'kind-label', text: 'Alert' }), kind),
      el('div', {}, el('label', { class: 'timeout-label', text: 'Seconds to accept' }), timeout)),
    people,
    order.group);
  return item;
}

function stepsChanged() {
  const items = [...$('policy-steps').children];
  items.forEach((item, i) => {
    item.id = `policy-step-${i}`;
    item.querySelector('.step-title').textContent = i === 0 ? 'Step 1' : `Step ${i + 1}, if nobody has accepted`;
    item.querySelector('.step-kind').id = `step-kind-${i}`;
    item.querySelector('.kind-label').htmlFor = `step-kind-${i}`;
    item.querySelector('.step-timeout').id = `step-timeout-${i}`;
    item.querySelector('.timeout-label').htmlFor = `step-timeout-${i}`;
    // A plan has one step at least.
    item.querySelector('.remove').disabled = items.length === 1;
  });
  placeOrderButtons($('policy-steps'), (item, i) => `step ${i + 1}`);
  $('add-step').disabled = items.length >= MAX_STEPS;
  summarizePolicy();
}

$('add-step').addEventListener('click', () => {
  if ($('policy-steps').children.length >= MAX_STEPS) return;
  const item = stepRow({ kind: 'ALL_DIRECTORS', directorIds: [], timeoutSeconds: 60 });
  $('policy-steps').append(item);
  stepsChanged();
  item.querySelector('.step-kind').focus();
});
$('policy-repeat').addEventListener('change', summarizePolicy);

/** How long until the phone shows the transfer plan when nobody accepts, in plain words. */
function summarizePolicy() {
  const seconds = readSteps().reduce((sum, s) => sum + (Number(s.timeoutSeconds) || 0), 0);
  const total = seconds * (Number($('policy-repeat').value) + 1);
  $('policy-summary').textContent = total > 0
    ? `If nobody accepts, the injector is shown the transfer plan after ${total >= 120 ? `about ${Math.round(total / 60)} minutes` : `${total} seconds`}.`
    : '';
}

$('policy-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('save-policy'), savePolicy);
});

async function savePolicy() {
  fresh('policy-error', 'policy-saved');
  const id = clinic.id;
  const steps = readSteps();
  const fields = {
    steps: ['policy-steps', 'The plan'],
    repeat: ['policy-repeat', 'Going round again'],
    transferPlan: ['policy-transfer', 'The fallback text'],
  };
  const wrong = [];
  steps.forEach((s, i) => {
    fields[`steps[${i}]`] = [`policy-step-${i}`, `Step ${i + 1}`];
    fields[`steps[${i}].directorIds`] = [`policy-step-${i}`, `Step ${i + 1}`];
    fields[`steps[${i}].timeoutSeconds`] = [`step-timeout-${i}`, `The seconds of step ${i + 1}`];
    const t = Number(s.timeoutSeconds);
    if (!Number.isInteger(t) || t < 1 || t > 3600) wrong.push({ field: `steps[${i}].timeoutSeconds`, message: 'must be a whole number from 1 to 3600' });
    if (s.kind === 'PEOPLE' && s.directorIds.length === 0) wrong.push({ field: `steps[${i}]`, message: 'needs at least one director ticked' });
  });
  if (!$('policy-transfer').value.trim()) wrong.push({ field: 'transferPlan', message: 'is required' });
  if (wrong.length) return report('policy-error', invalid(wrong), fields);
  try {
    const policy = await api('PUT', `/api/clinics/${id}/escalation-policy`, {
      steps: steps.map((s) => (s.kind === 'PEOPLE'
        ? { directorIds: s.directorIds, timeoutSeconds: Number(s.timeoutSeconds) }
        : { onCall: s.kind, timeoutSeconds: Number(s.timeoutSeconds) })),
      repeat: Number($('policy-repeat').value),
      transferPlan: $('policy-transfer').value.trim(),
    });
    fillPolicyForm(policy);
  } catch (e) {
    return report('policy-error', e, fields);
  }
  saved('policy-saved', 'Escalation plan saved.');
  loadReadiness();
}

// --- alerts: the gateway webhook and the deliveries ------------------------------------------

async function loadWebhook() {
  const id = clinic.id;
  let webhook = null;
  try {
    webhook = await api('GET', `/api/clinics/${id}/webhook`);
  } catch (e) {
    if (e.status !== 404) {
      if (stillOn(id)) report('webhook-error', e);
      return;
    }
  }
  if (!stillOn(id)) return;
  $('webhook-state').dataset.state = webhook ? 'ok' : 'none';
  $('webhook-state').textContent = webhook
    ? `Alerts also go to your gateway at ${webhook.url} (set ${dateTime(webhook.updatedAt, zone())}).`
    : 'No gateway set: alerts reach directors on their console and by email only.';
  $('webhook-url').value = webhook?.url || '';
  $('webhook-secret').value = '';
  $('remove-webhook').hidden = !webhook;
  $('test-webhook').hidden = !webhook;
  $('webhook-test-result').hidden = true;
  $('save-webhook').textContent = webhook ? 'Save the gateway with a new secret' : 'Save the gateway';
}

/** A 256-bit random secret, as 43 URL-safe characters a gateway's settings accept. */
function randomSecret() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

$('generate-secret').addEventListener('click', () => {
  $('webhook-secret').value = randomSecret();
  $('webhook-secret').focus();
  $('webhook-secret').select();
});

$('webhook-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('save-webhook'), saveWebhook);
});

async function saveWebhook() {
  fresh('webhook-error', 'webhook-saved');
  const id = clinic.id;
  const fields = { url: ['webhook-url', 'The address'], secret: ['webhook-secret', 'The secret'] };
  const url = $('webhook-url').value.trim();
  const secret = $('webhook-secret').value.trim();
  const wrong = [];
  if (!url) wrong.push({ field: 'url', message: 'is required' });
  if (secret.length < 32) wrong.push({ field: 'secret', message: 'must be at least 32 characters; “Make one” writes one' });
  if (wrong.length) return report('webhook-error', invalid(wrong), fields);
  try {
    await api('PUT', `/api/clinics/${id}/webhook`, { url, secret });
  } catch (e) {
    return report('webhook-error', e, fields);
  }
  await loadWebhook();
  saved('webhook-saved', 'Gateway saved. Put the same secret in the gateway\'s settings: it is not shown again.');
  loadReadiness();
}

/** Sends a signed test alert now and says plainly whether the gateway took it. */
$('test-webhook').addEventListener('click', () => once($('test-webhook'), async () => {
  fresh('webhook-error', 'webhook-saved');
  const result = $('webhook-test-result');
  result.hidden = false;
  result.dataset.state = 'pending';
  result.textContent = 'Sending a test alert…';
  let answer;
  try {
    answer = await api('POST', `/api/clinics/${clinic.id}/webhook/test`);
  } catch (e) {
    result.hidden = true;
    return report('webhook-error', e);
  }
  result.dataset.state = answer.delivered ? 'ok' : 'failed';
  result.textContent = answer.delivered
    ? `The gateway accepted the test alert (HTTP ${answer.statusCode}). Check that it reached a phone.`
    : `The gateway did not accept the test alert: ${answer.statusCode ? `HTTP ${answer.statusCode}` : answer.problem}.`
      + ' Check the address and the secret in the gateway\'s settings.';
}));

$('remove-webhook').addEventListener('click', async () => {
  const ok = await confirmAction('Stop sending alerts to the gateway?',
    'Directors are then alerted on their console and by email only, not by SMS or pager.', 'Stop sending');
  if (!ok) return;
  fresh('webhook-error', 'webhook-saved');
  try {
    await api('DELETE', `/api/clinics/${clinic.id}/webhook`);
  } catch (e) {
    return report('webhook-error', e);
  }
  await loadWebhook();
  saved('webhook-saved', 'Alerts are no longer sent to the gateway.');
  loadReadiness();
});

const CHANNELS = { EMAIL: 'Email', WEBHOOK: 'SMS or pager gateway' };

async function loadDeliveries() {
  const id = clinic.id;
  $('deliveries-error').hidden = true;
  try {
    const deliveries = await api('GET', `/api/clinics/${id}/alert-deliveries`);
    if (!stillOn(id)) return;
    $('deliveries-empty').hidden = deliveries.length > 0;
    $('deliveries').hidden = deliveries.length === 0;
    $('deliveries').querySelector('tbody').replaceChildren(...deliveries.map((d) => el('tr', { class: d.outcome === 'FAILED' ? 'refused' : null },
      el('td', { 'data-label': 'When', text: dateTime(d.attemptedAt, zone()) }),
      el('td', { 'data-label': 'How', text: `${CHANNELS[d.channel] || humanize(d.channel)}${d.attempt > 1 ? ` (attempt ${d.attempt})` : ''}` }),
      el('td', { 'data-label': 'To', class: 'target', text: d.target || '' }),
      el('td', { 'data-label': 'Result', text: deliveryResult(d) }))));
  } catch (e) {
    if (stillOn(id)) report('deliveries-error', e);
  }
}

function deliveryResult(d) {
  if (d.outcome === 'SENT') return 'Delivered';
  if (d.outcome === 'SKIPPED') return `Not sent${d.error ? `: ${d.error}` : ''}`;
  return `Failed${d.error ? `: ${d.error}` : ''}${d.statusCode ? ` (the gateway answered ${d.statusCode})` : ''}`;
}

// --- consent texts ---------------------------------------------------------------------------

const CONSENT_KINDS = {
  TELEHEALTH_CONSULT: 'Video consult with the medical director',
  PHOTO_CAPTURE_AND_SHARING: 'Photos taken and shared with the medical director',
};
let consentTexts = [];
let consentDraftTyped = false;

async function loadConsentTexts() {
  const id = clinic.id;
  $('consent-error').hidden = true;
  try {
    const texts = await api('GET', `/api/clinics/${id}/consent-texts`);
    if (!stillOn(id)) return;
    consentTexts = texts;
  } catch (e) {
    if (stillOn(id)) report('consent-error', e);
    return;
  }
  $('consent-texts').replaceChildren(...Object.keys(CONSENT_KINDS).map(consentKind));
  consentDraftTyped = false;
  startDraft();
}

/** Versions of one kind, newest first. */
function versions(kind) {
  return consentTexts.filter((t) => t.kind === kind).sort((a, b) => b.version - a.version);
}

function consentKind(kind) {
  const [current, ...earlier] = versions(kind);
  return el('article', { class: 'consent-kind', 'data-kind': kind },
    el('h3', { text: CONSENT_KINDS[kind] }),
    current ? el('p', { class: 'small', text: `Version ${current.version}, published ${dateTime(current.createdAt, zone())}` })
      : el('p', { class: 'notice', text: 'No text yet: injectors cannot record this consent until one is published.' }),
    current ? el('blockquote', { class: 'consent-body', text: current.text }) : null,
    earlier.length ? el('details', { class: 'earlier' },
      el('summary', { text: `Earlier versions (${earlier.length})` }),
      ...earlier.map((t) => el('div', { class: 'earlier-version' },
        el('p', { class: 'small', text: `Version ${t.version}, published ${dateTime(t.createdAt, zone())}` }),
        el('blockquote', { class: 'consent-body', text: t.text })))) : null);
}

/** The draft starts from the current wording of the kind chosen, until the admin types. */
function startDraft() {
  if (consentDraftTyped) return;
  $('consent-text').value = versions($('consent-kind').value)[0]?.text || '';
}
$('consent-kind').addEventListener('change', startDraft);
$('consent-text').addEventListener('input', () => { consentDraftTyped = true; });

$('consent-form').addEventListener('submit', (event) => {
  event.preventDefault();
  once($('publish-consent'), publishConsent);
});

async function publishConsent() {
  fresh('consent-form-error', 'consent-saved');
  const id = clinic.id;
  const fields = { kind: ['consent-kind', 'The consent'], text: ['consent-text', 'The text'] };
  const kind = $('consent-kind').value;
  const text = $('consent-text').value.trim();
  if (!text) return report('consent-form-error', invalid([{ field: 'text', message: 'is required' }]), fields);
  if (text === versions(kind)[0]?.text) {
    return report('consent-form-error', invalid([{ field: 'text', message: 'is the same as the current version: change the wording first' }]), fields);
  }
  let published;
  try {
    published = await api('POST', `/api/clinics/${id}/consent-texts`, { kind, text });
  } catch (e) {
    return report('consent-form-error', e, fields);
  }
  consentDraftTyped = false;
  await loadConsentTexts();
  saved('consent-saved', `Version ${published.version} published.`);
  loadReadiness();
}

// --- start -----------------------------------------------------------------------------------

const params = new URLSearchParams(window.location.search);
showTab(TABS.includes(params.get('tab')) ? params.get('tab') : 'clinic');
await loadClinics(params.get('clinic'));
