// The readiness checklist the clinic pages share: is the clinic ready for an emergency, item by
// item, each with a link to the tab that fixes or reviews it when the page has that tab. The admin
// page has every tab; the director's protocols page only Protocols and Drills, and says who sees
// to the rest. Needs the page's #readiness, #readiness-title, #readiness-error, #readiness-items.
import { api } from './api.js';
import { $, el } from './shell.js';

const READINESS = {
  DIRECTOR: { label: 'A medical director', tab: 'staff', fix: 'Invite a director' },
  ROSTER: { label: 'On-call roster', tab: 'oncall', fix: 'Set up who is on call' },
  POLICY: { label: 'Escalation plan', tab: 'policy', fix: 'Set up the escalation plan' },
  TRANSFER_PLAN: { label: 'Transfer plan', tab: 'clinic', fix: 'Write the transfer plan' },
  CONSENT_TEXTS: { label: 'Consent texts', tab: 'consent', fix: 'Publish the consent texts' },
  // Examples count as protocols, but the director still has to review them: the link stays.
  PROTOCOLS: { label: 'Protocols', tab: 'protocols', fix: 'Write the protocols', review: 'Review the protocols' },
  // No tab fixes it (the server's sentence says where a drill is launched); the Drills tab shows them.
  DRILL: { label: 'A practice drill', tab: 'drills', review: 'See how the drills went' },
};

/**
 * The checklist of the page: load(id) reads and shows the clinic's. options.tabs are the tabs the
 * page has, options.open(tab) shows one, options.stillOn(id) drops an answer for a clinic left,
 * options.report(id, error) shows a failure, and options.elsewhere (optional) is said of a missing
 * item whose tab is not on this page.
 */
export function readinessChecklist({ tabs, open, stillOn, report, elsewhere }) {
  async function load(id) {
    $('readiness-error').hidden = true;
    try {
      const readiness = await api('GET', `/api/clinics/${id}/readiness`);
      if (stillOn(id)) render(readiness);
    } catch (e) {
      if (!stillOn(id)) return;
      $('readiness').dataset.state = 'unknown';
      $('readiness-title').textContent = 'Readiness could not be checked';
      $('readiness-items').replaceChildren();
      report('readiness-error', e);
    }
  }

  function render(readiness) {
    const missing = readiness.items.filter((item) => !item.ready).length;
    $('readiness').dataset.state = readiness.ready ? 'ready' : 'missing';
    $('readiness-title').textContent = readiness.ready ? 'Ready for emergencies'
      : missing ? `Not ready yet: ${missing} ${missing === 1 ? 'thing' : 'things'} missing` : 'Not ready yet';
    $('readiness-items').replaceChildren(...readiness.items.map(item));
  }

  function item(it) {
    const known = READINESS[it.item] || {};
    const action = it.ready ? known.review : known.fix;
    const here = known.tab && tabs.includes(known.tab);
    const fix = action && here ? el('button', {
      type: 'button', class: 'link fix', text: `${action} →`, onclick: () => open(known.tab),
    }) : null;
    const note = !it.ready && !here && elsewhere ? el('span', { class: 'small elsewhere', text: elsewhere }) : null;
    return el('li', { 'data-item': it.item, class: it.ready ? 'ready' : 'missing' },
      el('span', { class: 'mark', 'aria-hidden': 'true', text: it.ready ? '✓' : '✗' }),
      el('span', { class: 'what' },
        el('span', { class: 'visually-hidden', text: it.ready ? 'Done: ' : 'Missing: ' }),
        known.label ? el('strong', { text: known.label }) : null,
        known.label ? ' — ' : null,
        it.detail || ''),
      fix || note);
  }

  return { load };
}
