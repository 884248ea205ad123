// What both participants' pages share about an emergency's record: its timeline and its end.
import { api } from './api.js';
import { el, humanize, time, showProblem, OUTCOMES } from './shell.js';

/**
 * A counter under a text field: its limit is shown while typing, so nothing is cut silently
 * (the field's maxlength stops the typing at the limit, and the counter says why).
 */
export function counted(field) {
  const limit = Number(field.getAttribute('maxlength'));
  const counter = el('p', { class: 'small counter', id: `${field.id}-count`, 'aria-live': 'polite' });
  const update = () => {
    counter.textContent = `${field.value.length} / ${limit}`;
    counter.classList.toggle('near', field.value.length > limit * 0.9);
  };
  field.addEventListener('input', update);
  field.form?.addEventListener('reset', () => setTimeout(update));
  update();
  field.after(counter);
  return counter;
}

/**
 * The end form; emergencyId() names the emergency at submit time, ended() runs afterwards. No
 * outcome is chosen for the user, and ending asks once more: an emergency ended by a slip of the
 * thumb cannot be taken back.
 */
export function endPanel(emergencyId, ended) {
  const choices = el('fieldset', { class: 'choices outcomes', id: 'end-outcome' },
    el('legend', { text: 'Outcome' }),
    ...Object.entries(OUTCOMES).map(([value, label]) => el('label', { class: 'choice' },
      el('input', { type: 'radio', name: 'end-outcome', value, id: `end-outcome-${value}` }),
      el('span', { text: label }))));
  const summary = el('textarea', { id: 'end-summary', rows: 3, maxlength: 4000 });
  const error = el('p', { id: 'end-error', class: 'error', role: 'alert', hidden: true });
  const question = el('p', { id: 'end-confirm-text', class: 'confirm-text' });
  const yes = el('button', { id: 'end-confirm-yes', type: 'button', class: 'alarm', text: 'Yes, end it' });
  const no = el('button', { id: 'end-confirm-no', type: 'button', class: 'secondary', text: 'Not yet' });
  const confirmBox = el('div', { id: 'end-confirm', class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'end-confirm-text', hidden: true },
    question, el('div', { class: 'row' }, yes, no));
  const submit = el('button', { id: 'end-button', type: 'submit', class: 'primary', text: 'End the emergency…' });
  const form = el('form', { id: 'end-form', class: 'card', novalidate: true },
    el('h2', { text: 'End the emergency' }),
    choices,
    el('label', { for: 'end-summary', text: 'Summary for the chart' }), summary,
    error, submit, confirmBox);
  counted(summary);
  const chosen = () => choices.querySelector('input:checked');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    if (!chosen()) return showProblem(error, 'Choose how the emergency ended.');
    question.textContent = `End the emergency as “${OUTCOMES[chosen().value]}”? It cannot be reopened.`;
    confirmBox.hidden = false;
    submit.hidden = true;
    yes.focus();
  });
  const back = () => {
    confirmBox.hidden = true;
    submit.hidden = false;
  };
  no.addEventListener('click', back);
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api('POST', `/api/emergencies/${emergencyId()}/end`, {
        outcome: chosen().value,
        summary: summary.value.trim() || null,
      });
      form.reset();
      back();
      await ended();
    } catch (e) {
      back();
      showProblem(error, e, { summary: 'end-summary' });
    } finally {
      yes.disabled = false;
    }
  });
  return form;
}

/** The newest note in the timeline's entries that someone other than myId wrote, or null. */
export function newestNoteOfOthers(entries, myId) {
  const notes = entries.filter((t) => t.type === 'NOTE' && t.actorId !== myId);
  return notes[notes.length - 1] || null;
}

/** Flashes a card that just changed (the .fresh animation, restarted if it still runs). */
export function flash(card) {
  card.classList.remove('fresh');
  void card.offsetWidth; // restarts the animation
  card.classList.add('fresh');
}

/** Entries whose detail is people's words (a note, an order, a step), shown as written. */
const PLAIN_DETAIL = ['NOTE', 'SUMMARY', 'CHECKLIST', 'ORDERED', 'GIVEN', 'RECORD_SAVED', 'RECORD_SIGNED', 'ADDENDUM'];

/** Reads the timeline (an audited access) into the list element, and answers its entries. */
export async function showTimeline(emergencyId, list) {
  const entries = await api('GET', `/api/emergencies/${emergencyId}/timeline`);
  list.replaceChildren(...entries.map((t) => el('li', { class: `t-${t.type.toLowerCase()}` },
    el('time', { datetime: t.at, text: time(t.at) }),
    el('strong', { text: ` ${humanize(t.type)}` }),
    t.actor ? ` · ${t.actor}` : '',
    t.detail && t.type !== 'PHOTO_ADDED'
      ? el('span', { class: 'detail', text: PLAIN_DETAIL.includes(t.type) ? `: ${t.detail}` : ` (${humanize(t.detail)})` })
      : '')));
  return entries;
}
