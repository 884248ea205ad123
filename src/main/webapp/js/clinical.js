// The clinical record on the call, shared by both participants' pages: the director's orders,
// read back as given; the clinic's protocol as a live checklist whose repeating steps ring when
// they are due again; and the incident record, drafted by both, signed by the director.
import { api, explain } from './api.js';
import { el, time, dateTime, showProblem, clearFieldProblems } from './shell.js';
import { counted } from './ending.js';

const OPEN = ['ALERTING', 'ACCEPTED', 'CONNECTED'];
const IN_CALL = ['ACCEPTED', 'CONNECTED'];

export const UNITS = {
  MG: 'mg', MCG: 'mcg', G: 'g', ML: 'mL', UNITS: 'units', IU: 'IU', TABLET: 'tablet', PUFF: 'puff', DROP: 'drop',
};
export const ROUTES = {
  SUBCUTANEOUS: 'subcutaneous',
  INTRADERMAL: 'intradermal',
  INTRAMUSCULAR: 'intramuscular',
  INTRAVENOUS: 'intravenous',
  ORAL: 'oral',
  SUBLINGUAL: 'sublingual',
  TOPICAL: 'topical',
  INHALED: 'inhaled',
  OTHER: 'other (see note)',
};
export const DISPOSITIONS = {
  HOME: 'Home',
  OBSERVED_IN_CLINIC: 'Observed in the clinic, then home',
  ED_TRANSFER: 'Transferred to an emergency department',
  OTHER: 'Other (see notes)',
};

/** Whether the API refused with this problem type (urn:directorline:problem:<slug>). */
function refusedAs(error, slug) {
  return error?.status === 409 && String(error.problem?.type || '').endsWith(`:${slug}`);
}

const hhmm = (iso) => time(iso, false);

/** Keeps what is typed into a panel's inputs (and the focus) across a re-render of the panel. */
function keepingInputs(container, build) {
  const typed = new Map([...container.querySelectorAll('input[id], textarea[id]')].map((i) => [i.id, i.value]));
  const focused = container.contains(document.activeElement) ? document.activeElement.id : null;
  build();
  for (const [id, value] of typed) {
    const input = container.querySelector(`#${CSS.escape(id)}`);
    if (input && value) input.value = value;
  }
  if (focused) container.querySelector(`#${CSS.escape(focused)}`)?.focus();
}

// --- orders --------------------------------------------------------------------------------

const STATUS_TEXT = {
  ORDERED: 'Ordered: waiting for the read-back',
  PENDING: 'PENDING: not read back as given yet',
  GIVEN: 'Given',
};

/** ORDERED turns PENDING at pendingAt by this page's clock, without waiting for a read. */
function effective(order) {
  return order.status === 'ORDERED' && Date.now() >= Date.parse(order.pendingAt) ? 'PENDING' : order.status;
}

/**
 * The orders: the director's form and list, or on the injector's phone each order not yet given
 * in large type with a Given button (and the time it was given, now unless changed).
 */
export function ordersPanel({ role, emergencyId, arrived }) {
  const director = role === 'DIRECTOR';
  let orders = [];
  let loaded = false; // orders read before are not news
  let status = null;
  let pendingTimer = null;
  const items = new Map(); // order id -> { key, item }
  const list = el('ul', { id: 'orders-list', class: 'orders plain', 'aria-live': 'polite' });
  const empty = el('p', { id: 'orders-empty', class: 'hint', text: 'No orders yet.' });
  const error = el('p', { id: 'orders-error', class: 'error', role: 'alert', hidden: true });
  const form = director ? orderForm() : null;
  const card = director
    ? el('div', { id: 'orders', class: 'card orders-card' }, el('h2', { text: 'Orders' }), list, empty, error, form)
    : el('div', { id: 'orders', class: 'card orders-card phone', hidden: true },
      el('p', { class: 'kicker', text: 'Orders from the director' }), list, error);

  function orderForm() {
    const field = (label, input) => el('div', { class: 'field' }, el('label', { for: input.id, text: label }), input);
    const options = (map, prompt) => [el('option', { value: '', text: prompt }),
      ...Object.entries(map).map(([value, label]) => el('option', { value, text: label }))];
    const medication = el('input', { id: 'order-medication', maxlength: 200, autocomplete: 'off', list: 'order-medications' });
    const dose = el('input', { id: 'order-dose', type: 'number', inputmode: 'decimal', min: 0, step: 'any' });
    const unit = el('select', { id: 'order-unit' }, ...options(UNITS, 'Unit…'));
    const route = el('select', { id: 'order-route' }, ...options(ROUTES, 'Route…'));
    const site = el('input', { id: 'order-site', maxlength: 200, autocomplete: 'off', placeholder: 'e.g. left nasolabial fold' });
    const note = el('input', { id: 'order-note', maxlength: 500, autocomplete: 'off', placeholder: 'e.g. repeat hourly until refill is normal' });
    const formError = el('p', { id: 'order-error', class: 'error', role: 'alert', hidden: true });
    const submit = el('button', { id: 'order-submit', type: 'submit', class: 'primary', text: 'Order' });
    const suggestions = el('datalist', { id: 'order-medications' },
      ...['Hyaluronidase', 'Epinephrine', 'Diphenhydramine', 'Cetirizine', 'Aspirin', 'Prednisone', 'Oxygen']
        .map((value) => el('option', { value })));
    const f = el('form', { id: 'order-form', class: 'order-form', novalidate: true },
      field('Medication', medication), suggestions,
      el('div', { class: 'order-dose-row' }, field('Dose', dose), field('Unit', unit), field('Route', route)),
      field('Site (optional)', site), field('Note (optional)', note), formError, submit);
    f.addEventListener('submit', async (event) => {
      event.preventDefault();
      formError.hidden = true;
      const missing = [[medication.value.trim(), 'the medication'], [dose.value, 'the dose'], [unit.value, 'the unit'], [route.value, 'the route']]
        .filter(([value]) => !value).map(([, what]) => what);
      if (missing.length) return showProblem(formError, `Enter ${missing.join(', ')}.`);
      submit.disabled = true;
      try {
        await api('POST', `/api/emergencies/${emergencyId()}/orders`, {
          medication: medication.value.trim(),
          dose: Number(dose.value),
          unit: unit.value,
          route: route.value,
          site: site.value.trim() || null,
          note: note.value.trim() || null,
        });
        f.reset();
        clearFieldProblems(f);
        await refresh();
        medication.focus();
      } catch (e) {
        showProblem(formError, e, { medication: 'order-medication', dose: 'order-dose', unit: 'order-unit', route: 'order-route', site: 'order-site', note: 'order-note' });
      } finally {
        submit.disabled = false;
      }
    });
    return f;
  }

  async function refresh() {
    if (!status || status === 'ALERTING' || status === 'CANCELLED') {
      orders = [];
    } else {
      try {
        const known = new Set(orders.map((o) => o.id));
        orders = await api('GET', `/api/emergencies/${emergencyId()}/orders`);
        const news = loaded && orders.some((o) => !known.has(o.id) && o.status !== 'GIVEN');
        loaded = true;
        render();
        if (news && arrived) arrived(card);
        return;
      } catch (e) {
        return;
      }
    }
    render();
  }

  function render() {
    clearTimeout(pendingTimer);
    const next = Math.min(...orders.filter((o) => effective(o) === 'ORDERED').map((o) => Date.parse(o.pendingAt)));
    if (Number.isFinite(next)) pendingTimer = setTimeout(render, Math.max(0, next - Date.now()) + 50);
    // The phone shows what waits for the read-back first, then what was given, compactly.
    const shown = director ? orders
      : [...orders.filter((o) => o.status !== 'GIVEN'), ...orders.filter((o) => o.status === 'GIVEN')];
    const nodes = shown.map((o) => {
      const key = `${effective(o)}|${o.givenAt}|${OPEN.includes(status) || status === 'ENDED'}`;
      const known = items.get(o.id);
      if (known?.key === key) return known.item;
      const item = director ? directorItem(o) : phoneItem(o);
      items.set(o.id, { key, item });
      return item;
    });
    // Unchanged items stay in place, so a time being typed on the phone is not lost.
    if (nodes.length !== list.children.length || nodes.some((n, i) => list.children[i] !== n)) list.replaceChildren(...nodes);
    empty.hidden = orders.length > 0;
    if (!director) card.hidden = orders.length === 0;
  }

  function statusLine(o) {
    const state = effective(o);
    return el('p', { id: `order-status-${o.number}`, class: `order-status status-${state.toLowerCase()}`,
      text: state === 'GIVEN'
        ? `Given at ${hhmm(o.givenAt)}${o.confirmedByName ? `, read back by ${o.confirmedByName}` : ''}`
        : STATUS_TEXT[state] });
  }

  function directorItem(o) {
    return el('li', { id: `order-${o.number}`, class: `order order-${effective(o).toLowerCase()}` },
      el('p', { class: 'order-what' }, el('strong', { text: `${o.number}. ${o.summary}` })),
      el('p', { class: 'small', text: `Ordered ${hhmm(o.orderedAt)}${o.orderedByName ? ` by ${o.orderedByName}` : ''}` }),
      statusLine(o));
  }

  function phoneItem(o) {
    const byline = ` — ordered ${hhmm(o.orderedAt)}${o.orderedByName ? ` by ${o.orderedByName}` : ''}`;
    if (o.status === 'GIVEN') {
      return el('li', { id: `order-${o.number}`, class: 'order order-given compact' },
        el('span', { class: 'order-what', text: `✓ ${o.summary}` }), ' ', statusLine(o));
    }
    const at = el('input', { id: `order-given-at-${o.number}`, type: 'time', value: nowHhmm() });
    at.addEventListener('input', () => { at.dataset.edited = 'true'; });
    const button = el('button', { id: `order-given-${o.number}`, type: 'button', class: 'primary given', text: 'Given' });
    button.addEventListener('click', () => given(o, button, at));
    const mayConfirm = IN_CALL.includes(status) || status === 'ENDED';
    return el('li', { id: `order-${o.number}`, class: `order order-${effective(o).toLowerCase()}` },
      el('p', { class: 'order-what' }, el('strong', { text: o.summary }), el('span', { class: 'order-by', text: byline })),
      statusLine(o),
      mayConfirm ? el('div', { class: 'given-row' }, button,
        el('div', { class: 'given-at' }, el('label', { for: at.id, text: 'Given at' }), at)) : '');
  }

  async function given(o, button, at) {
    error.hidden = true;
    const body = {};
    if (at.dataset.edited && at.value) {
      const [hours, minutes] = at.value.split(':').map(Number);
      const when = new Date();
      when.setHours(hours, minutes, 0, 0);
      if (when.getTime() > Date.now()) when.setDate(when.getDate() - 1); // before midnight
      // The minute it was ordered in means the moment of the order, not before it.
      const ordered = Date.parse(o.orderedAt);
      body.givenAt = new Date(when.getTime() < ordered && ordered - when.getTime() < 60000 ? ordered : when.getTime()).toISOString();
    }
    button.disabled = true;
    try {
      await api('POST', `/api/emergencies/${emergencyId()}/orders/${o.id}/given`, body);
    } catch (e) {
      // Already read back (another tap, another tab): the list shows it as given.
      if (!refusedAs(e, 'order-given')) showProblem(error, e);
    } finally {
      button.disabled = false;
    }
    await refresh();
  }

  // Times not changed by hand follow the clock, so "Given at" says now when tapped.
  setInterval(() => list.querySelectorAll('input[type=time]:not([data-edited])').forEach((i) => {
    if (document.activeElement !== i) i.value = nowHhmm();
  }), 10000);

  return {
    element: card,
    async update(next) {
      status = next;
      if (form) form.hidden = !IN_CALL.includes(status);
      await refresh();
    },
    refresh,
    clear() {
      orders = [];
      loaded = false;
      items.clear();
      list.replaceChildren();
      render();
    },
  };
}

function nowHhmm() {
  const d = new Date();
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

// --- checklist -----------------------------------------------------------------------------

/**
 * The protocol in force as a checklist both participants tick. A repeating step counts down to
 * its nextDueAt (the server's, so a reload keeps it) and, when due, rings until ticked again.
 */
export function checklistPanel({ emergencyId, sound }) {
  let view = null;
  let builtFrom = null;
  let status = null;
  let lastRing = 0;
  const title = el('h2', { id: 'checklist-title', text: 'Protocol' });
  const meta = el('p', { id: 'checklist-meta', class: 'small' });
  const example = el('p', { id: 'checklist-example', class: 'example-mark', hidden: true,
    text: 'Example — your medical director must review and adopt it' });
  const steps = el('ol', { id: 'checklist-steps', class: 'protocol-steps' });
  const none = el('p', { id: 'checklist-none', class: 'hint', hidden: true });
  const error = el('p', { id: 'checklist-error', class: 'error', role: 'alert', hidden: true });
  const card = el('div', { id: 'checklist', class: 'card protocol', hidden: true, 'data-rings': '0' },
    title, example, meta, none, steps, error);

  async function refresh() {
    if (!status || status === 'CANCELLED') {
      view = null;
    } else {
      try {
        view = await api('GET', `/api/emergencies/${emergencyId()}/checklist`);
      } catch (e) {
        return;
      }
    }
    render();
  }

  function render() {
    card.hidden = !view;
    if (!view) return;
    const open = OPEN.includes(status);
    if (!view.protocolId) {
      title.textContent = 'Protocol';
      none.textContent = 'This clinic has no written protocol for this complication: follow the director\'s guidance.';
      none.hidden = false;
      example.hidden = true;
      meta.textContent = '';
      steps.replaceChildren();
      builtFrom = null;
      return;
    }
    none.hidden = true;
    title.textContent = view.title;
    example.hidden = !view.example;
    meta.textContent = `Version ${view.version} · ${view.done} of ${view.total} steps done`;
    // Rebuilt only when something changed: a rebuild at every poll would move the caret of a
    // finding being typed and replace elements under the user's thumb.
    const key = JSON.stringify([open, view.steps]);
    if (key !== builtFrom) {
      builtFrom = key;
      keepingInputs(steps, () => steps.replaceChildren(...view.steps.map((s) => stepItem(s, open))));
    }
    countdown();
  }

  function stepItem(s, open) {
    const repeating = Boolean(s.repeatSeconds);
    const shownTicks = s.ticks.slice(-3);
    const parts = [
      el('p', { class: 'step-text', text: s.text }),
      s.ticks.length ? el('ul', { class: 'ticks plain small', id: `checklist-ticks-${s.step}` },
        s.ticks.length > shownTicks.length ? el('li', { text: `… ${s.ticks.length - shownTicks.length} earlier` }) : '',
        ...shownTicks.map((t) => el('li', { text: `✓ ${hhmm(t.at)}${t.byName ? ` ${t.byName}` : ''}${t.finding ? ` — ${t.finding}` : ''}` }))) : '',
    ];
    if (repeating) {
      parts.push(el('p', { class: 'small', text: `Repeat every ${every(s.repeatSeconds)}.` }));
      if (s.nextDueAt && open) parts.push(el('p', { id: `checklist-due-${s.step}`, class: 'due-line', 'data-due': s.nextDueAt }));
    }
    if (open && (repeating || !s.done)) {
      const finding = repeating ? el('input', { id: `checklist-finding-${s.step}`, maxlength: 500, autocomplete: 'off', placeholder: 'e.g. refill 3 s' }) : null;
      const button = el('button', { id: `checklist-tick-${s.step}`, type: 'button', class: 'secondary tick',
        text: repeating && s.done ? 'Done again' : 'Done' });
      button.addEventListener('click', () => tick(s, button, finding));
      parts.push(el('div', { class: 'tick-row' },
        finding ? el('div', { class: 'finding' }, el('label', { for: finding.id, text: 'Finding (optional)' }), finding) : '',
        button));
    }
    return el('li', { id: `checklist-step-${s.step}`, class: `step${s.done ? ' done' : ''}` },
      el('span', { class: 'step-mark', 'aria-hidden': 'true', text: s.done ? '✓' : String(s.step) }),
      el('div', { class: 'step-body' }, ...parts));
  }

  async function tick(s, button, finding) {
    error.hidden = true;
    button.disabled = true;
    const text = finding?.value.trim();
    try {
      view = await api('POST', `/api/emergencies/${emergencyId()}/checklist/${s.step}`, text ? { finding: text } : {});
      if (finding) finding.value = '';
      render();
    } catch (e) {
      // Ticked meanwhile on the other page: the list shows it.
      if (refusedAs(e, 'step-done')) await refresh();
      else showProblem(error, e, { finding: `checklist-finding-${s.step}` });
    } finally {
      button.disabled = false;
    }
  }

  /** Counts down to each repeating step's next time; a due step says so and the page rings. */
  function countdown() {
    let due = false;
    for (const line of steps.querySelectorAll('.due-line')) {
      const left = Math.ceil((Date.parse(line.dataset.due) - Date.now()) / 1000);
      const item = line.closest('li');
      if (left > 0) {
        line.removeAttribute('role');
        line.classList.remove('due');
        item.classList.remove('due');
        line.textContent = `Due again in ${clock(left)}`;
      } else {
        due = true;
        if (!line.classList.contains('due')) {
          line.setAttribute('role', 'alert');
          line.classList.add('due');
          item.classList.add('due');
          line.textContent = 'Due now — reassess and tick it';
        }
      }
    }
    card.classList.toggle('ringing', due);
    if (due && Date.now() - lastRing >= 2000) {
      lastRing = Date.now();
      card.dataset.rings = String(Number(card.dataset.rings) + 1);
      sound();
      if (navigator.vibrate) navigator.vibrate(200);
    }
  }
  setInterval(countdown, 500);

  return {
    element: card,
    async update(next) {
      status = next;
      await refresh();
    },
    refresh,
    clear() {
      view = null;
      steps.replaceChildren();
      render();
    },
  };
}

function clock(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function every(seconds) {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

// --- incident record -----------------------------------------------------------------------

/** The record's fields: [name, label, kind, maxlength, placeholder]. */
const FIELDS = [
  ['procedure', 'Procedure', 'text', 500, 'e.g. HA filler, nasolabial folds'],
  ['product', 'Product (brand)', 'text', 200],
  ['lot', 'Lot number', 'text', 100],
  ['volume', 'Volume', 'text', 100, 'e.g. 0.5 mL each side'],
  ['sites', 'Injection sites', 'text', 500],
  ['treatedAt', 'Treated at', 'datetime'],
  ['onsetAt', 'Onset of the complication', 'datetime'],
  ['signs', 'Signs and symptoms', 'textarea', 4000, 'e.g. blanching, livedo, pain; capillary refill; vision'],
  ['actionsTaken', 'Actions taken', 'textarea', 8000],
  ['patientInformed', 'Patient informed', 'yesno'],
  ['informedBy', 'Informed by', 'text', 200],
  ['disposition', 'Disposition', 'select'],
  ['followUpPlan', 'Follow-up plan', 'textarea', 2000, 'e.g. call tomorrow, review at 48 hours and 1 week'],
  ['notes', 'Notes', 'textarea', 8000],
];
const LABELS = Object.fromEntries(FIELDS.map(([name, label]) => [name, label]));
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const idOf = (name) => `record-${kebab(name)}`;

/** An instant as a datetime-local value in this browser's zone, and back. */
function toLocal(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A field of a record as the form shows it (a string). */
function formText(record, [name, , kind]) {
  const value = record?.[name];
  if (value === null || value === undefined) return '';
  if (kind === 'datetime') return toLocal(value);
  if (kind === 'yesno') return value ? 'yes' : 'no';
  return String(value);
}

/** A field's form text as people read it. */
function readable(field, text) {
  const [, , kind] = field;
  if (!text) return '—';
  if (kind === 'datetime') return dateTime(new Date(text).toISOString());
  if (kind === 'yesno') return text === 'yes' ? 'Yes' : 'No';
  if (kind === 'select') return DISPOSITIONS[text] || text;
  return text;
}

/**
 * The incident record: a form both participants save (with the version they read, so nobody
 * overwrites the other), "Fill from the call", what a signature still needs, the director's
 * signature after the end, then read-only with dated addenda.
 */
export function recordPanel({ role, emergencyId }) {
  const director = role === 'DIRECTOR';
  let view = null;
  let status = null;
  let baseline = null; // the form text of each field as last read or saved: what "changed" means
  const inputs = new Map();
  const notes = new Map();

  const statusLine = el('p', { id: 'record-status', class: 'record-status', role: 'status' });
  const missing = el('p', { id: 'record-missing', class: 'record-missing', hidden: true });
  const message = el('p', { id: 'record-message', class: 'notice', role: 'status', hidden: true });
  const error = el('p', { id: 'record-error', class: 'error', role: 'alert', hidden: true });
  const fill = el('button', { id: 'record-fill', type: 'button', class: 'secondary', text: 'Fill from the call' });
  const save = el('button', { id: 'record-save', type: 'submit', class: 'primary', text: 'Save the record' });
  const sign = el('button', { id: 'record-sign', type: 'button', class: 'primary sign', text: 'Sign the record…', hidden: true });
  const signText = el('p', { id: 'record-sign-text', class: 'confirm-text' });
  const signYes = el('button', { id: 'record-sign-yes', type: 'button', class: 'primary', text: 'Yes, sign it' });
  const signNo = el('button', { id: 'record-sign-no', type: 'button', class: 'secondary', text: 'Not yet' });
  const signConfirm = el('div', { id: 'record-sign-confirm', class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'record-sign-text', hidden: true },
    signText, el('div', { class: 'row' }, signYes, signNo));
  const signHint = el('p', { id: 'record-sign-hint', class: 'hint', hidden: true,
    text: 'You sign the record once the emergency has ended.' });

  const form = el('form', { id: 'record-form', class: 'record-form', novalidate: true });
  for (const field of FIELDS) form.append(fieldFor(field));
  form.append(error, save, signHint, sign, signConfirm);
  form.querySelectorAll('textarea').forEach(counted);

  const signature = el('p', { id: 'record-signature', class: 'record-signature' });
  const signedFields = el('dl', { id: 'record-signed-fields', class: 'facts record-facts' });
  const addenda = el('ol', { id: 'addenda-list', class: 'addenda plain' });
  const addendumText = el('textarea', { id: 'addendum-text', rows: 3, maxlength: 4000 });
  const addendumError = el('p', { id: 'addendum-error', class: 'error', role: 'alert', hidden: true });
  const addendumForm = el('form', { id: 'addendum-form', novalidate: true },
    el('label', { for: 'addendum-text', text: 'Add a dated addendum' }), addendumText, addendumError,
    el('button', { id: 'addendum-submit', type: 'submit', class: 'primary', text: 'Add the addendum' }));
  const signed = el('div', { id: 'record-signed', hidden: true },
    signature, signedFields, el('h3', { text: 'Addenda' }),
    el('p', { id: 'addenda-empty', class: 'hint', text: 'No addenda.' }), addenda, addendumForm);

  const card = el('div', { id: 'record', class: 'card record', hidden: true },
    el('h2', { text: 'Incident record' }), statusLine, missing, message,
    el('div', { class: 'row record-tools' }, fill), form, signed);
  counted(addendumText);

  function fieldFor(field) {
    const [name, label, kind, max, placeholder] = field;
    const id = idOf(name);
    const note = el('p', { id: `${id}-theirs`, class: 'theirs small', hidden: true });
    notes.set(name, note);
    if (kind === 'yesno') {
      const radios = ['yes', 'no'].map((value) => el('label', { class: 'choice' },
        el('input', { type: 'radio', name: id, value, id: `${id}-${value}` }), el('span', { text: value === 'yes' ? 'Yes' : 'No' })));
      const group = el('fieldset', { class: 'choices yesno', id }, el('legend', { text: label }), ...radios);
      inputs.set(name, {
        get: () => group.querySelector('input:checked')?.value || '',
        set: (v) => group.querySelectorAll('input').forEach((r) => { r.checked = r.value === v; }),
      });
      return el('div', { class: 'field' }, group, note);
    }
    let input;
    if (kind === 'textarea') input = el('textarea', { id, rows: 3, maxlength: max, placeholder });
    else if (kind === 'select') input = el('select', { id }, el('option', { value: '', text: 'Not decided yet' }),
      ...Object.entries(DISPOSITIONS).map(([value, text]) => el('option', { value, text })));
    else if (kind === 'datetime') input = el('input', { id, type: 'datetime-local' });
    else input = el('input', { id, maxlength: max, autocomplete: 'off', placeholder });
    inputs.set(name, { get: () => input.value, set: (v) => { input.value = v; input.dispatchEvent(new Event('input')); } });
    return el('div', { class: `field field-${kind}` }, el('label', { for: id, text: label }), input, note);
  }

  const current = () => Object.fromEntries(FIELDS.map(([name]) => [name, inputs.get(name).get()]));
  const dirty = () => baseline && FIELDS.some(([name]) => inputs.get(name).get() !== baseline[name]);

  /** The form as the API's record: unchanged times keep their seconds. */
  function body() {
    const record = {};
    for (const field of FIELDS) {
      const [name, , kind] = field;
      const text = inputs.get(name).get().trim();
      if (kind === 'datetime') {
        record[name] = text && view && text === formText(view.record, field) ? view.record[name]
          : text ? new Date(text).toISOString() : null;
      } else if (kind === 'yesno') {
        record[name] = text ? text === 'yes' : null;
      } else {
        record[name] = text || null;
      }
    }
    return { version: view.version, record };
  }

  /**
   * Shows the record as read. A field changed here and not saved keeps its text; where the other
   * participant saved something else in it meanwhile, their text is shown under it.
   */
  function load(fresh) {
    view = fresh;
    const theirs = Object.fromEntries(FIELDS.map((field) => [field[0], formText(fresh.record, field)]));
    for (const field of FIELDS) {
      const [name] = field;
      const mine = inputs.get(name).get();
      const edited = baseline && mine !== baseline[name];
      const note = notes.get(name);
      if (!edited) {
        inputs.get(name).set(theirs[name]);
        note.hidden = true;
      } else if (theirs[name] !== baseline[name] && theirs[name] !== mine) {
        note.textContent = `Saved meanwhile by ${fresh.updatedByName || 'the other participant'}: “${readable(field, theirs[name])}”. Your unsaved text is kept above.`;
        note.hidden = false;
      }
    }
    baseline = theirs;
    render();
  }

  function render() {
    card.hidden = !view;
    if (!view) return;
    const isSigned = view.status === 'SIGNED';
    const s = view.signature;
    statusLine.textContent = isSigned
      ? `SIGNED by ${s.signedByName || 'the director'} at ${dateTime(s.signedAt)}`
      : view.status === 'DRAFT'
        ? `Draft, version ${view.version}, saved ${time(view.updatedAt, false)}${view.updatedByName ? ` by ${view.updatedByName}` : ''}.`
        : 'Not started: draft it here during or after the call; the director signs it after the end.';
    card.dataset.status = view.status;
    const needs = view.missingForSignature || [];
    missing.hidden = isSigned || view.status === 'NONE' && !needs.length;
    missing.textContent = needs.length
      ? `Before it is signed the saved record needs: ${needs.map((n) => LABELS[n] || n).join(', ')}.`
      : 'Complete: ready for the director\'s signature.';
    missing.classList.toggle('complete', !needs.length);
    form.hidden = isSigned || !view.mayEdit;
    fill.hidden = form.hidden;
    sign.hidden = !(director && view.maySign) || !signConfirm.hidden;
    signHint.hidden = !(director && !isSigned && view.mayEdit && OPEN.includes(status));
    signed.hidden = !isSigned && view.mayEdit;
    if (signed.hidden) return;
    signature.replaceChildren(isSigned
      ? el('span', {}, 'SHA-256 of the signed content: ', el('code', { class: 'digest', text: s.sha256 }))
      : 'Not signed.');
    if (isSigned && !s.intact) {
      signature.append(el('strong', { class: 'warn-text', text: ' The signed content no longer matches its SHA-256: tell the compliance officer.' }));
    }
    signedFields.replaceChildren(...FIELDS.flatMap((field) => [el('dt', { text: field[1] }),
      el('dd', { id: `${idOf(field[0])}-signed`, text: readable(field, formText(view.record, field)) })]));
    addenda.replaceChildren(...(view.addenda || []).map((a) => el('li', { class: 'addendum' },
      el('p', { class: 'small', text: `${dateTime(a.at)}${a.byName ? ` · ${a.byName}` : ''}` }),
      el('p', { class: 'addendum-text', text: a.text }))));
    card.querySelector('#addenda-empty').hidden = (view.addenda || []).length > 0;
    addendumForm.hidden = !isSigned;
  }

  /** A message above the form; a transient one goes with the next change. */
  function say(text, transient = false) {
    message.textContent = text;
    if (transient) message.dataset.transient = 'true';
    else delete message.dataset.transient;
    message.hidden = false;
  }

  async function read() {
    return api('GET', `/api/emergencies/${emergencyId()}/incident-record`);
  }

  async function refresh() {
    // "Saved." is news only until the record changes again; a conflict's explanation stays.
    if (message.dataset.transient) message.hidden = true;
    if (!['ACCEPTED', 'CONNECTED', 'ENDED'].includes(status)) {
      view = null;
      render();
      return;
    }
    try {
      load(await read());
    } catch (e) {
      // offline for a moment: the next change reads it again
    }
  }

  /** Saves the form; true when saved. A save over a newer version reloads and keeps the typing. */
  async function saveForm() {
    message.hidden = true;
    error.hidden = true;
    const sent = current();
    try {
      const saved = await api('PUT', `/api/emergencies/${emergencyId()}/incident-record`, body());
      baseline = sent;
      load(saved);
      clearFieldProblems(form);
      return true;
    } catch (e) {
      if (refusedAs(e, 'record-changed')) {
        const fresh = await read();
        load(fresh);
        say(`${fresh.updatedByName || 'The other participant'} saved the record while you were writing.`
          + ' Their version is loaded; what you changed is kept in your fields. Check them and save again.');
      } else if (refusedAs(e, 'record-signed')) {
        load(await read());
        say('The record was signed meanwhile: add what you wrote as an addendum.');
      } else {
        showProblem(error, e, Object.fromEntries(FIELDS.map(([name]) => [name, idOf(name)])));
      }
      return false;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      if (await saveForm()) {
        say('Saved.', true);
      }
    } finally {
      save.disabled = false;
    }
  });

  fill.addEventListener('click', async () => {
    try {
      load(await read());
    } catch (e) {
      return showProblem(error, e);
    }
    const fromCall = (view.actionsFromCall || '').trim();
    if (!fromCall) return say('Nothing was ticked or given on the call yet.', true);
    const actions = inputs.get('actionsTaken');
    const now = actions.get().trim();
    if (now.includes(fromCall)) return say('Actions taken already hold what was done on the call.', true);
    actions.set(now ? `${now}\n${fromCall}` : fromCall);
    say('What was done on the call is in "Actions taken": check it, then save.', true);
    document.getElementById(idOf('actionsTaken')).focus();
  });

  sign.addEventListener('click', () => {
    error.hidden = true;
    const unconfirmed = view.unconfirmedOrders || [];
    signText.textContent = (unconfirmed.length
      ? `${unconfirmed.length === 1 ? `Order ${unconfirmed[0]} was` : `Orders ${unconfirmed.join(', ')} were`} never read back as given: say in the record what became of ${unconfirmed.length === 1 ? 'it' : 'them'}. `
      : '') + (dirty()
      ? 'Save your changes and sign the record? After signing it cannot be changed, only added to.'
      : `Sign version ${view.version} of the record? After signing it cannot be changed, only added to.`);
    signYes.textContent = unconfirmed.length ? 'Sign over the unconfirmed orders' : 'Yes, sign it';
    signConfirm.hidden = false;
    sign.hidden = true;
    signYes.focus();
  });
  const closeConfirm = () => {
    signConfirm.hidden = true;
    render();
  };
  signNo.addEventListener('click', closeConfirm);
  signYes.addEventListener('click', async () => {
    signYes.disabled = true;
    try {
      if (dirty() && !(await saveForm())) return;
      // The orders the director saw named in the question are the ones signed over.
      const acknowledgeUnconfirmedOrders = (view.unconfirmedOrders || []).length > 0;
      load(await api('POST', `/api/emergencies/${emergencyId()}/incident-record/sign`,
        { version: view.version, acknowledgeUnconfirmedOrders }));
      message.hidden = true;
    } catch (e) {
      if (refusedAs(e, 'record-changed') || refusedAs(e, 'orders-unconfirmed')) {
        load(await read());
        say(refusedAs(e, 'orders-unconfirmed')
          ? `${explain(e)} Read it, then sign again.`
          : 'The record was changed since you read it: the new version is loaded. Read it, then sign.');
      } else {
        showProblem(error, e);
      }
    } finally {
      signYes.disabled = false;
      closeConfirm();
    }
  });

  addendumForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    addendumError.hidden = true;
    const text = addendumText.value.trim();
    if (!text) return showProblem(addendumError, 'Write the addendum first.');
    try {
      load(await api('POST', `/api/emergencies/${emergencyId()}/incident-record/addenda`, { text }));
      addendumForm.reset();
      addendumText.dispatchEvent(new Event('input'));
    } catch (e) {
      showProblem(addendumError, e, { text: 'addendum-text' });
    }
  });

  return {
    element: card,
    async update(next) {
      status = next;
      await refresh();
    },
    refresh,
    clear() {
      view = null;
      baseline = null;
      form.reset();
      FIELDS.forEach(([name]) => notes.get(name).hidden = true);
      message.hidden = true;
      render();
    },
  };
}

/**
 * The three panels of one page, refreshed together as the emergency changes: all of them when its
 * status changes, and each when the timeline has news for it (each read is an audited access).
 */
export function clinicalPanels({ role, emergencyId, sound, arrived }) {
  const orders = ordersPanel({ role, emergencyId, arrived });
  const checklist = checklistPanel({ emergencyId, sound });
  const record = recordPanel({ role, emergencyId });
  let status = null;
  let seen = -1;
  return {
    orders,
    checklist,
    record,
    /** After the page's poll: the status, and the timeline's entries when it read them. */
    async changed(next, entries) {
      const fresh = (entries || []).filter((t) => t.ordinal > seen);
      if (entries?.length) seen = Math.max(seen, ...entries.map((t) => t.ordinal));
      const types = new Set(fresh.map((t) => t.type));
      const all = next !== status;
      status = next;
      const has = (...names) => names.some((n) => types.has(n));
      await Promise.all([
        all || has('ORDERED', 'GIVEN') ? orders.update(next) : null,
        all || has('CHECKLIST') ? checklist.update(next) : null,
        all || has('CHECKLIST', 'ORDERED', 'GIVEN', 'RECORD_SAVED', 'RECORD_SIGNED', 'ADDENDUM') ? record.update(next) : null,
      ]);
    },
    clear() {
      status = null;
      seen = -1;
      orders.clear();
      checklist.clear();
      record.clear();
    },
  };
}
