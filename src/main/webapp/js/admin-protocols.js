// The Protocols tab of the clinic admin page: the clinic's written protocol for each complication,
// the version in force, its history, and new versions written here. Examples (the demo's) are
// marked until the medical director adopts them. Protocols are never edited: every change is the
// next version, and an emergency keeps the version in force when it launched.
import { api } from './api.js';
import { $, el, dateTime, COMPLICATIONS } from './shell.js';

const MAX_STEPS = 30;
const MAX_FOLLOW_UPS = 10;
const EXAMPLE_SUFFIX = /\s*\(example\)\s*$/i;

/** "every 15 min", "every 30 s", "every 2 h": how often a step comes round again. */
export function every(seconds) {
  if (seconds % 3600 === 0) return `every ${seconds / 3600} h`;
  if (seconds % 60 === 0) return `every ${seconds / 60} min`;
  if (seconds > 60) return `every ${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `every ${seconds} s`;
}

/** "After 24 h", "After 168 h (7 days)". */
function after(hours) {
  return hours >= 48 && hours % 24 === 0 ? `After ${hours} h (${hours / 24} days)` : `After ${hours} h`;
}

/**
 * The tab, wired to the page's helpers: ctx.clinic() is the clinic shown, ctx.report/fresh/saved/
 * once/invalid/confirm/orderButtons/placeOrderButtons/nameOf/zone are admin.js's own, and
 * ctx.changed() tells the page (its readiness checklist) that a protocol was published.
 */
export function protocolsTab(ctx) {
  let current = [];       // the version in force per complication
  let shownFor = null;    // the clinic they belong to

  const byComplication = (c) => current.find((p) => p.complication === c);
  const label = (c) => COMPLICATIONS[c] || c;
  const lower = (c) => label(c).toLowerCase();

  async function load() {
    const id = ctx.clinic().id;
    $('protocols-error').hidden = true;
    let list;
    try {
      list = await api('GET', `/api/clinics/${id}/protocols`);
    } catch (e) {
      if (ctx.stillOn(id)) ctx.report('protocols-error', e);
      return;
    }
    if (!ctx.stillOn(id)) return;
    // A form being written survives a re-read of the same clinic; another clinic's is dropped.
    const open = shownFor === id ? $('protocol-form') : null;
    if (open) open.remove();
    current = list;
    shownFor = id;
    $('protocol-list').replaceChildren(...Object.keys(COMPLICATIONS).map(card));
    if (open) slot(open.dataset.complication)?.append(open);
  }

  const slot = (complication) => document.querySelector(`.protocol-card[data-complication="${complication}"] .editor-slot`);

  function written(p) {
    const who = p.example ? 'Example shipped with DirectorLine'
      : `Written by ${ctx.nameOf(p.createdBy, 'someone no longer on the staff')}`;
    return `Version ${p.version} · ${who} · ${dateTime(p.createdAt, ctx.zone())}`;
  }

  function stepsList(p, idPrefix) {
    return el('ol', { class: 'written-steps', id: idPrefix ? `${idPrefix}-steps` : null },
      ...p.steps.map((s) => el('li', { 'data-step': s.number },
        el('span', { class: 'written-step', text: s.text }),
        s.repeatSeconds ? el('span', { class: 'repeat-badge', text: every(s.repeatSeconds) }) : null)));
  }

  function followUpsList(p) {
    if (!p.followUps?.length) return null;
    return el('div', { class: 'follow-ups' },
      el('h4', { text: 'Follow-ups after the emergency ends' }),
      el('ul', { class: 'plain' }, ...p.followUps.map((f) => el('li', {},
        el('strong', { text: `${after(f.afterHours)}: ` }), f.text))));
  }

  function card(complication) {
    const p = byComplication(complication);
    const state = !p ? 'missing' : p.example ? 'example' : 'adopted';
    const title = el('h3', { id: `protocol-heading-${complication}`, text: label(complication) });
    const body = [];
    if (!p) {
      body.push(el('p', { class: 'notice', text: 'No protocol yet: injectors get no checklist for this complication.' }));
    } else {
      if (p.example) {
        body.push(el('div', { class: 'example-banner', role: 'note', id: `example-${complication}` },
          el('strong', { text: 'Example — your medical director must review and adopt it' }),
          el('p', { text: 'It follows a published source but was not written for your clinic. Adopting it makes it your '
            + 'clinic\'s own version; or write your own.' }),
          el('button', {
            type: 'button', class: 'primary inline', id: `adopt-${complication}`, 'aria-describedby': `protocol-heading-${complication}`,
            onclick: (e) => ctx.once(e.currentTarget, () => adopt(complication)),
          }, 'Adopt')));
      }
      body.push(
        el('p', { class: 'protocol-title', id: `protocol-title-${complication}`, text: p.title }),
        el('p', { class: 'small', id: `protocol-version-${complication}`, text: written(p) }),
        stepsList(p, `protocol-${complication}`),
        followUpsList(p));
    }
    const actions = el('div', { class: 'row' },
      el('button', {
        type: 'button', class: 'secondary', id: `write-${complication}`, 'aria-describedby': title.id,
        onclick: () => openForm(complication),
      }, p ? 'Edit / write new version' : 'Write'),
      p && p.version > 1 ? el('button', {
        type: 'button', class: 'secondary', id: `history-toggle-${complication}`, 'aria-describedby': title.id,
        'aria-expanded': 'false', 'aria-controls': `history-${complication}`,
        onclick: (e) => toggleHistory(complication, e.currentTarget),
      }, `History (${p.version - 1} earlier)`) : null);
    return el('article', { class: 'protocol-card', 'data-complication': complication, 'data-state': state,
      'aria-labelledby': title.id },
    el('div', { class: 'protocol-head' }, title,
      el('span', { class: `protocol-state state-${state}`, text: { missing: 'Missing', example: 'Example', adopted: 'In force' }[state] })),
    ...body, actions,
    el('div', { class: 'protocol-history', id: `history-${complication}`, hidden: true }),
    el('div', { class: 'editor-slot' }));
  }

  async function toggleHistory(complication, button) {
    const box = $(`history-${complication}`);
    const opening = box.hidden;
    button.setAttribute('aria-expanded', String(opening));
    box.hidden = !opening;
    if (!opening) return;
    const id = ctx.clinic().id;
    box.replaceChildren(el('p', { class: 'small', text: 'Loading earlier versions…' }));
    try {
      const versions = await api('GET', `/api/clinics/${id}/protocols?complication=${encodeURIComponent(complication)}`);
      if (!ctx.stillOn(id)) return;
      const inForce = byComplication(complication)?.version;
      const earlier = versions.filter((v) => v.version !== inForce);
      box.replaceChildren(el('h4', { text: 'Earlier versions (no longer in force)' }),
        ...(earlier.length ? earlier.map((v) => el('section', { class: 'protocol-earlier', 'data-version': v.version },
          el('p', { class: 'protocol-title', text: v.title }),
          el('p', { class: 'small', text: written(v) }),
          stepsList(v),
          followUpsList(v))) : [el('p', { class: 'small', text: 'None.' })]));
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error', role: 'alert', id: `history-error-${complication}` }));
      ctx.report(`history-error-${complication}`, e);
    }
  }

  async function adopt(complication) {
    const p = byComplication(complication);
    if (!p) return;
    const title = p.title.replace(EXAMPLE_SUFFIX, '').trim() || p.title;
    const yes = await ctx.confirm(`Adopt the ${lower(complication)} example?`,
      `It becomes version ${p.version + 1}, your clinic's own protocol, titled “${title}”, with the same `
      + `${p.steps.length} steps${p.followUps?.length ? ` and ${p.followUps.length} follow-ups` : ''}. `
      + 'Only adopt what your medical director has read and agrees with.', 'Adopt it');
    if (!yes) return;
    ctx.fresh('protocols-error', 'protocols-saved');
    await publish(complication, {
      complication,
      title,
      steps: p.steps.map((s) => (s.repeatSeconds ? { text: s.text, repeatSeconds: s.repeatSeconds } : { text: s.text })),
      followUps: (p.followUps || []).map((f) => ({ afterHours: f.afterHours, text: f.text })),
      basedOnVersion: p.version,
    }, 'protocols-error');
  }

  /** Publishes; on success re-reads the list and says so; on failure reports and returns false. */
  async function publish(complication, body, errorId, fields) {
    const id = ctx.clinic().id;
    let made;
    try {
      made = await api('POST', `/api/clinics/${id}/protocols`, body);
    } catch (e) {
      ctx.report(errorId, e, fields);
      return false;
    }
    if (!ctx.stillOn(id)) return true;
    $('protocol-form')?.remove();
    await load();
    ctx.saved('protocols-saved', `Version ${made.version} of the ${lower(complication)} protocol is in force.`);
    $(`protocol-heading-${complication}`)?.scrollIntoView({ block: 'nearest' });
    ctx.changed();
    return true;
  }

  // --- the form: the next version ----------------------------------------------------------

  function openForm(complication) {
    const existing = $('protocol-form');
    if (existing) {
      if (existing.dataset.complication === complication) {
        $('protocol-form-title').focus();
        return;
      }
      existing.remove();
    }
    const p = byComplication(complication);
    const form = el('form', { id: 'protocol-form', class: 'inset-form protocol-form', novalidate: true,
      'data-complication': complication, 'data-based-on': String(p ? p.version : 0), 'aria-labelledby': 'protocol-form-heading' },
    el('h4', { id: 'protocol-form-heading', text: p ? `Version ${p.version + 1} of the ${lower(complication)} protocol`
      : `The ${lower(complication)} protocol` }),
    el('p', { class: 'hint small', text: p ? 'Starts from the version in force. Publishing makes it the version in force; '
      + 'emergencies already under way keep the one they started with.'
      : 'Write the steps in the order the injector follows them. A step that is done again and again (a '
      + 'reassessment) repeats: the checklist counts down and rings when it is due.' }),
    el('label', { for: 'protocol-form-title', text: 'Title' }),
    el('input', { id: 'protocol-form-title', maxlength: 200, autocomplete: 'off',
      value: p ? p.title.replace(EXAMPLE_SUFFIX, '') : `${label(complication)} protocol` }),
    el('fieldset', { class: 'group' },
      el('legend', { text: 'Steps, in order' }),
      el('ol', { id: 'protocol-form-steps', class: 'protocol-edit-list' }),
      el('button', { type: 'button', class: 'secondary', id: 'protocol-add-step', onclick: () => {
        addStep({ text: '' }).querySelector('textarea').focus();
      } }, 'Add a step')),
    el('fieldset', { class: 'group' },
      el('legend', { text: 'Follow-ups after the emergency ends (optional)' }),
      el('p', { class: 'hint small', text: 'Each becomes a task when an emergency ends: a call to the patient after 24 hours, for example.' }),
      el('ol', { id: 'protocol-form-follow-ups', class: 'protocol-edit-list' }),
      el('button', { type: 'button', class: 'secondary', id: 'protocol-add-follow-up', onclick: () => {
        addFollowUp({ afterHours: 24, text: '' }).querySelector('input').focus();
      } }, 'Add a follow-up')),
    el('p', { id: 'protocol-form-error', class: 'error', role: 'alert', hidden: true }),
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary inline', id: 'protocol-publish',
        text: p ? `Publish version ${p.version + 1}` : 'Publish version 1' }),
      el('button', { type: 'button', class: 'secondary', id: 'protocol-cancel', onclick: () => {
        form.remove();
        $(`write-${complication}`)?.focus();
      } }, 'Cancel')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      ctx.once($('protocol-publish'), () => submit(complication));
    });
    slot(complication).append(form);
    (p?.steps.length ? p.steps : [{ text: '' }]).forEach(addStep);
    (p?.followUps || []).forEach(addFollowUp);
    form.scrollIntoView({ block: 'start' });
    $('protocol-form-title').focus();
  }

  function addStep(step) {
    const list = $('protocol-form-steps');
    if (list.children.length >= MAX_STEPS) return list.lastElementChild;
    const inMinutes = !step.repeatSeconds || step.repeatSeconds % 60 === 0;
    const item = el('li', { class: 'protocol-step-edit' },
      el('label', { class: 'step-label' }),
      el('textarea', { class: 'step-input', rows: 2, maxlength: 1000, text: step.text || '' }),
      el('div', { class: 'repeat-field' },
        el('label', { class: 'repeat-label' }),
        el('div', { class: 'repeat-inputs' },
          el('input', { type: 'number', class: 'repeat-every', min: 1, step: 'any', inputmode: 'decimal',
            value: step.repeatSeconds ? (inMinutes ? step.repeatSeconds / 60 : step.repeatSeconds) : '' }),
          el('select', { class: 'repeat-unit' },
            el('option', { value: '60', text: 'minutes', selected: inMinutes }),
            el('option', { value: '1', text: 'seconds', selected: !inMinutes })))));
    item.append(ctx.orderButtons(item, 'Move or remove the step', stepsChanged, $('protocol-add-step')).group);
    list.append(item);
    stepsChanged();
    return item;
  }

  /** Ids, labels and button names follow each step's place in the list. */
  function stepsChanged() {
    const list = $('protocol-form-steps');
    [...list.children].forEach((item, i) => {
      const n = i + 1;
      item.querySelector('.step-label').htmlFor = `protocol-step-text-${i}`;
      item.querySelector('.step-label').textContent = `Step ${n}`;
      item.querySelector('.step-input').id = `protocol-step-text-${i}`;
      item.querySelector('.repeat-field').id = `protocol-step-repeat-${i}`;
      item.querySelector('.repeat-label').htmlFor = `protocol-step-every-${i}`;
      item.querySelector('.repeat-label').textContent = `Repeat step ${n} every (leave empty if it is done once)`;
      item.querySelector('.repeat-every').id = `protocol-step-every-${i}`;
      item.querySelector('.repeat-unit').id = `protocol-step-unit-${i}`;
      item.querySelector('.repeat-unit').setAttribute('aria-label', `Unit of step ${n}'s repeat`);
    });
    ctx.placeOrderButtons(list, (item, i) => `step ${i + 1}`);
    $('protocol-add-step').disabled = list.children.length >= MAX_STEPS;
  }

  function addFollowUp(f) {
    const list = $('protocol-form-follow-ups');
    if (list.children.length >= MAX_FOLLOW_UPS) return list.lastElementChild;
    const item = el('li', { class: 'follow-up-edit' },
      el('div', { class: 'follow-up-fields' },
        el('div', { class: 'hours-field' },
          el('label', { class: 'hours-label' }),
          el('input', { type: 'number', class: 'follow-up-hours', min: 1, max: 2160, step: 1, inputmode: 'numeric',
            value: f.afterHours ?? '' })),
        el('div', { class: 'grow' },
          el('label', { class: 'text-label' }),
          el('input', { class: 'follow-up-text', maxlength: 500, autocomplete: 'off', value: f.text || '' }))));
    item.append(ctx.orderButtons(item, 'Move or remove the follow-up', followUpsChanged, $('protocol-add-follow-up')).group);
    list.append(item);
    followUpsChanged();
    return item;
  }

  function followUpsChanged() {
    const list = $('protocol-form-follow-ups');
    [...list.children].forEach((item, i) => {
      const n = i + 1;
      item.querySelector('.hours-label').htmlFor = `protocol-follow-up-hours-${i}`;
      item.querySelector('.hours-label').textContent = `Follow-up ${n}, hours after the end`;
      item.querySelector('.follow-up-hours').id = `protocol-follow-up-hours-${i}`;
      item.querySelector('.text-label').htmlFor = `protocol-follow-up-text-${i}`;
      item.querySelector('.text-label').textContent = 'What to do';
      item.querySelector('.follow-up-text').id = `protocol-follow-up-text-${i}`;
    });
    ctx.placeOrderButtons(list, (item, i) => `follow-up ${i + 1}`);
    $('protocol-add-follow-up').disabled = list.children.length >= MAX_FOLLOW_UPS;
  }

  /** The API's field names mapped to this form's fields, with labels that read as sentences. */
  function fieldsOf(steps, followUps) {
    const fields = {
      title: ['protocol-form-title', 'The title'],
      steps: ['protocol-form-steps', 'The steps'],
      followUps: ['protocol-form-follow-ups', 'The follow-ups'],
    };
    steps.forEach((s, i) => {
      fields[`steps[${i}]`] = [`protocol-step-text-${i}`, `Step ${i + 1}`];
      fields[`steps[${i}].text`] = [`protocol-step-text-${i}`, `Step ${i + 1}`];
      fields[`steps[${i}].repeatSeconds`] = [`protocol-step-repeat-${i}`, `The repeat of step ${i + 1}`];
    });
    followUps.forEach((f, i) => {
      fields[`followUps[${i}]`] = [`protocol-follow-up-text-${i}`, `Follow-up ${i + 1}`];
      fields[`followUps[${i}].afterHours`] = [`protocol-follow-up-hours-${i}`, `The hours of follow-up ${i + 1}`];
      fields[`followUps[${i}].text`] = [`protocol-follow-up-text-${i}`, `What to do at follow-up ${i + 1}`];
    });
    return fields;
  }

  async function submit(complication) {
    ctx.fresh('protocol-form-error', 'protocols-saved');
    const wrong = [];
    const steps = [...$('protocol-form-steps').children].map((item, i) => {
      const text = item.querySelector('.step-input').value.trim();
      const raw = item.querySelector('.repeat-every').value.trim();
      const typed = item.querySelector('.repeat-every').validity.badInput;
      if (!raw && !typed) return { text };
      const seconds = Math.round(Number(raw) * Number(item.querySelector('.repeat-unit').value));
      if (typed || !Number.isFinite(seconds) || seconds <= 0) {
        wrong.push({ field: `steps[${i}].repeatSeconds`, message: 'must be a number of minutes or seconds, or empty' });
      }
      return { text, repeatSeconds: seconds };
    });
    const followUps = [...$('protocol-form-follow-ups').children].map((item, i) => {
      const hours = item.querySelector('.follow-up-hours').value.trim();
      if (hours && !Number.isInteger(Number(hours))) {
        wrong.push({ field: `followUps[${i}].afterHours`, message: 'must be a whole number of hours' });
      }
      return { afterHours: hours === '' ? null : Number(hours), text: item.querySelector('.follow-up-text').value.trim() };
    });
    const fields = fieldsOf(steps, followUps);
    if (wrong.length) return ctx.report('protocol-form-error', ctx.invalid(wrong), fields);
    // The version the form was opened on: if someone published meanwhile, the server says so
    // (409) instead of this text replacing theirs.
    const body = { complication, title: $('protocol-form-title').value.trim(), steps,
      basedOnVersion: Number($('protocol-form').dataset.basedOn) };
    if (followUps.length) body.followUps = followUps;
    await publish(complication, body, 'protocol-form-error', fields);
  }

  return { load };
}
