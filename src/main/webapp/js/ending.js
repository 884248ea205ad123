// What both participants' pages share about an emergency's record: its timeline and its end.
import { api } from './api.js';
import { el, humanize, time, showProblem, OUTCOMES } from './shell.js';

/** The end form; emergencyId() names the emergency at submit time, ended() runs afterwards. */
export function endPanel(emergencyId, ended) {
  const outcome = el('select', { id: 'end-outcome' },
    ...Object.entries(OUTCOMES).map(([value, label]) => el('option', { value, text: label })));
  const summary = el('textarea', { id: 'end-summary', rows: 3, maxlength: 4000 });
  const error = el('p', { id: 'end-error', class: 'error', role: 'alert', hidden: true });
  const form = el('form', { id: 'end-form', class: 'card', novalidate: true },
    el('h2', { text: 'End the emergency' }),
    el('label', { for: 'end-outcome', text: 'Outcome' }), outcome,
    el('label', { for: 'end-summary', text: 'Summary for the chart' }), summary,
    error,
    el('button', { id: 'end-button', type: 'submit', class: 'primary', text: 'End with this outcome' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      await api('POST', `/api/emergencies/${emergencyId()}/end`, {
        outcome: outcome.value,
        summary: summary.value.trim() || null,
      });
      form.reset();
      await ended();
    } catch (e) {
      showProblem(error, e);
    }
  });
  return form;
}

/** Reads the timeline (an audited access) into the list element. */
export async function showTimeline(emergencyId, list) {
  const entries = await api('GET', `/api/emergencies/${emergencyId}/timeline`);
  list.replaceChildren(...entries.map((t) => el('li', { class: `t-${t.type.toLowerCase()}` },
    el('time', { datetime: t.at, text: time(t.at) }),
    el('strong', { text: ` ${humanize(t.type)}` }),
    t.actor ? ` · ${t.actor}` : '',
    t.detail && t.type !== 'PHOTO_ADDED'
      ? el('span', { class: 'detail', text: t.type === 'NOTE' ? `: ${t.detail}` : ` (${humanize(t.detail)})` })
      : '')));
}
