// Ending an emergency with its outcome, the same on the injector's and the director's page.
import { api, explain } from './api.js';
import { el, OUTCOMES } from './shell.js';

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
      error.textContent = explain(e);
      error.hidden = false;
    }
  });
  return form;
}
