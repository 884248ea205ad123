// The medical director's page for what the clinic's protocols and drills ask of them: the clinic's
// readiness checklist, its protocols (read, adopt the examples, write new versions, the history)
// and how its drills went. The same tabs as the admin page (js/admin-protocols.js and
// js/admin-drills.js), for a director who is not the clinic's administrator: nothing here asks the
// API for what only an administrator may read (the clinic's record, its staff), so the clinic's
// name comes with the director's own memberships and its time zone with the drills report.
import { $, el, startPage } from './shell.js';
import { invalid, report, fresh, savedAt, once, orderButtons, placeOrderButtons, confirmAction, remember } from './forms.js';
import { protocolsTab } from './admin-protocols.js';
import { drillsTab } from './admin-drills.js';
import { readinessChecklist } from './readiness.js';

const me = await startPage('DIRECTOR');

// The clinics where this person directs, by name.
const clinics = (me.memberships || [])
  .filter((m) => m.roles.includes('DIRECTOR'))
  .map((m) => ({ id: m.clinicId, name: m.clinicName || 'Your clinic', admin: m.roles.includes('ADMIN') }))
  .sort((a, b) => a.name.localeCompare(b.name));
let clinic = null;
const zones = new Map(); // clinic id to its time zone, as the drills report tells it

/** The clinic's zone once known; until then the reader's own. */
const zone = () => (clinic ? zones.get(clinic.id) : undefined);
const stillOn = (id) => clinic !== null && clinic.id === id;

/** Whether this browser knows the zone (a rare legacy alias it does not is left for the reader's). */
function knownZone(name) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch (e) {
    return false;
  }
}

/** The director cannot read the staff list: they are named, colleagues are not. */
function nameOf(id) {
  return id === me.id ? `${me.displayName} (you)` : 'another member of the staff';
}

// --- tabs ------------------------------------------------------------------------------------

const TABS = ['protocols', 'drills'];

const clinical = {
  clinic: () => clinic, stillOn, zone, report, fresh, once, invalid, nameOf, orderButtons, placeOrderButtons,
  saved: (id, text) => savedAt(id, text, zone()),
  confirm: confirmAction,
  changed: () => readiness.load(clinic.id),
  reported: (r) => knownZone(r.zone) && zones.set(r.clinicId, r.zone),
};
const protocols = protocolsTab(clinical);
const drills = drillsTab(clinical);
const REFRESH = { protocols: () => protocols.load(), drills: () => drills.load() };

function showTab(name, focus = false) {
  for (const other of TABS) {
    $(other).hidden = other !== name;
    $(`tab-${other}`).setAttribute('aria-selected', String(other === name));
  }
  if (focus) $(name).querySelector('.panel-title').focus();
}

function open(name, focus = false) {
  showTab(name, focus);
  remember({ tab: name });
  if (!clinic) return;
  REFRESH[name]();
  readiness.load(clinic.id);
}

for (const name of TABS) $(`tab-${name}`).addEventListener('click', () => open(name));

const readiness = readinessChecklist({
  tabs: TABS, stillOn, report, open: (tab) => open(tab, true),
  elsewhere: 'Your clinic administrator sets this up.',
});

// Back to the page after a while in another tab or app: what it shows is read again.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible' || !clinic) return;
  open(TABS.find((name) => !$(name).hidden) || 'protocols');
});

// --- the clinic ------------------------------------------------------------------------------

/** Shows one clinic: the drills report first, for the clinic's time zone the protocols show. */
async function choose(id) {
  clinic = clinics.find((c) => c.id === id);
  $('clinic-picker').value = id;
  $('to-admin').hidden = !clinic.admin;
  $('workspace').hidden = false;
  await drills.load();
  if (!stillOn(id)) return;
  await Promise.all([readiness.load(id), protocols.load()]);
}

$('clinic-picker').replaceChildren(...clinics.map((c) => el('option', { value: c.id, text: c.name })));
$('clinic-picker').addEventListener('change', () => {
  remember({ clinic: $('clinic-picker').value });
  choose($('clinic-picker').value);
});

// --- start -----------------------------------------------------------------------------------

const params = new URLSearchParams(window.location.search);
showTab(TABS.includes(params.get('tab')) ? params.get('tab') : 'protocols');
if (clinics.length === 0) {
  $('clinic-none').hidden = false;
} else {
  // One clinic is named; several are chosen from.
  $('clinic-bar').hidden = false;
  $('clinic-name').textContent = clinics[0].name;
  $('clinic-name').hidden = clinics.length > 1;
  $('clinic-choice').hidden = clinics.length < 2;
  await choose(clinics.some((c) => c.id === params.get('clinic')) ? params.get('clinic') : clinics[0].id);
}
