// The form helpers the clinic pages share (the admin page, and the director's protocols page):
// problems shown next to their fields, one change at a time per button, ordered lists, the
// confirmation dialog (the page's #confirm-dialog). No markup from data, as everywhere.
import { ApiError, explain, sentence } from './api.js';
import { $, el, clearFieldProblems, toSignIn, signedOutMessage } from './shell.js';

/** Client-side findings shaped like the server's, so that they are shown the same way. */
export function invalid(violations) {
  return new ApiError(400, { violations });
}

/**
 * Shows what went wrong in a section's alert line, and each violation next to its field. fields
 * maps the API's field names to an element id, or to [id, label] where the shared labels would read
 * badly ("hours[3].closes" is "Tuesday's closing time" here). A list item or a group gets the note
 * inside it; an input right after it, described by it. A session that ended goes back to sign-in.
 */
export function report(target, error, fields = {}) {
  if (error instanceof ApiError && error.status === 401) {
    toSignIn(signedOutMessage());
    return;
  }
  const line = typeof target === 'string' ? $(target) : target;
  clearFieldProblems(line.closest('form') || line.closest('section') || line.parentElement);
  const violations = error?.problem?.violations || [];
  const unplaced = [];
  let first = null;
  for (const violation of violations) {
    const [id, label] = [].concat(fields[violation.field] || []);
    const field = id && $(id);
    if (!field) {
      unplaced.push(violation);
      continue;
    }
    const message = violation.message.replace(/[.\s]+$/, '');
    mark(field, label ? `${label} ${message}.` : sentence(violation));
    first = first || field;
  }
  line.textContent = violations.length && unplaced.length === 0
    ? `Please correct the marked field${violations.length > 1 ? 's' : ''}.`
    : unplaced.length ? unplaced.map(sentence).join(' ') : explain(error);
  line.hidden = false;
  if (first && typeof first.focus === 'function' && first.matches('input, select, textarea')) first.focus();
}

function mark(field, text) {
  const noteId = `${field.id}-error`;
  field.setAttribute('aria-invalid', 'true');
  const note = el('p', { class: 'field-error', id: noteId, role: 'alert', text });
  if (field.matches('input, select, textarea, button, ol, ul')) {
    field.setAttribute('aria-describedby', noteId);
    field.after(note);
  } else {
    field.append(note);
  }
}

/** Clears a form's alert line, saved notice and field marks before another attempt. */
export function fresh(errorId, savedId) {
  const line = $(errorId);
  line.hidden = true;
  if (savedId) $(savedId).hidden = true;
  clearFieldProblems(line.closest('form') || line.closest('section'));
}

/** "Saved (8:19 AM)": on the clinic's clock (timeZone), like every other time on the page. */
export function savedAt(id, text, timeZone) {
  const at = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone });
  $(id).textContent = `${text} (${at})`;
  $(id).hidden = false;
}

/**
 * Runs a change once at a time per button: a second click while the first is on its way does
 * nothing. aria-disabled, not disabled, so that the focus stays on the button.
 */
export async function once(button, work) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  try {
    await work();
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

export function button(text, attributes, onclick) {
  return el('button', { type: 'button', class: 'secondary compact', ...attributes, onclick }, text);
}

/**
 * Up, down and remove buttons for an item of an ordered list the user arranges; after a removal
 * the focus goes to the next item, or to fallback (the list's add control).
 */
export function orderButtons(item, what, changed, fallback) {
  const up = button('Up', { class: 'secondary compact move-up' }, () => {
    if (!item.previousElementSibling) return;
    item.previousElementSibling.before(item);
    changed();
    (up.disabled ? down : up).focus();
  });
  const down = button('Down', { class: 'secondary compact move-down' }, () => {
    if (!item.nextElementSibling) return;
    item.nextElementSibling.after(item);
    changed();
    (down.disabled ? up : down).focus();
  });
  const remove = button('Remove', { class: 'secondary compact remove' }, () => {
    const next = item.nextElementSibling || item.previousElementSibling;
    item.remove();
    changed();
    const focus = next?.querySelector('input, select, button:not(:disabled)') || fallback;
    if (focus) focus.focus();
  });
  return { up, down, remove, group: el('div', { class: 'order-buttons', role: 'group', 'aria-label': what }, up, down, remove) };
}

/** Gives the order buttons of each item their place: names, and no move past either end. */
export function placeOrderButtons(list, name) {
  const items = [...list.children];
  items.forEach((item, i) => {
    const up = item.querySelector('.move-up');
    const down = item.querySelector('.move-down');
    up.disabled = i === 0;
    down.disabled = i === items.length - 1;
    up.setAttribute('aria-label', `Move ${name(item, i)} up`);
    down.setAttribute('aria-label', `Move ${name(item, i)} down`);
    item.querySelector('.remove').setAttribute('aria-label', `Remove ${name(item, i)}`);
  });
}


// --- the confirmation dialog ----------------------------------------------------------------

/** Asks before a change that cannot simply be taken back; the safe answer has the focus. */
export function confirmAction(title, text, yes) {
  const dialog = $('confirm-dialog');
  if (!dialog.dataset.wired) {
    $('confirm-yes').addEventListener('click', () => dialog.close('yes'));
    $('confirm-no').addEventListener('click', () => dialog.close('no'));
    dialog.dataset.wired = 'true';
  }
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = yes;
  dialog.returnValue = '';
  dialog.showModal();
  $('confirm-no').focus();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true }));
}

/** Keeps a choice (the clinic, the tab) in the address, so that a reload keeps it. */
export function remember(params) {
  const url = new URL(window.location.href);
  Object.entries(params).forEach(([k, v]) => (v ? url.searchParams.set(k, v) : url.searchParams.delete(k)));
  window.history.replaceState(null, '', url);
}
