// What every signed-in page shares: who is signed in, sign-out, the automatic logoff, and
// small helpers for building the page without innerHTML (no markup from data, ever).
import { api, explain, idledOut, idleSeconds, sentence, watchIdle } from './api.js';

const NOTICE_KEY = 'directorline.notice';

export const $ = (id) => document.getElementById(id);

/** An element with text and attributes; children may be nodes or strings. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  children.flat().forEach((c) => c !== null && c !== undefined && node.append(c));
  return node;
}

/** The pages' start page for each role; users with several roles get the sign-in page's choice. */
export const PAGES = {
  INJECTOR: '/injector.html',
  DIRECTOR: '/director.html',
  COMPLIANCE_OFFICER: '/compliance.html',
  ADMIN: '/admin.html',
};

/**
 * Shows what went wrong (an error or a message) in an alert line, by element or id. With fields
 * (the API's field name to an input's id), each violation is also written next to its input,
 * which is marked invalid; the marks of an earlier attempt are cleared first.
 */
export function showProblem(target, error, fields = {}) {
  const line = typeof target === 'string' ? $(target) : target;
  clearFieldProblems(line.closest('form') || line.parentElement);
  const violations = error?.problem?.violations || [];
  const unplaced = [];
  for (const violation of violations) {
    const input = fields[violation.field] && $(fields[violation.field]);
    if (!input) {
      unplaced.push(violation);
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    const note = el('p', { class: 'field-error', id: `${input.id}-error`, role: 'alert', text: sentence(violation) });
    input.setAttribute('aria-describedby', `${input.id}-error`);
    input.after(note);
  }
  line.textContent = violations.length && unplaced.length === 0
    ? 'Please correct the marked field' + (violations.length > 1 ? 's.' : '.')
    : unplaced.length ? unplaced.map(sentence).join(' ') : explain(error);
  line.hidden = false;
}

/** Removes the marks showProblem left on a form's inputs. */
export function clearFieldProblems(container) {
  if (!container) return;
  container.querySelectorAll('.field-error').forEach((note) => note.remove());
  container.querySelectorAll('[aria-invalid]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    if (input.getAttribute('aria-describedby') === `${input.id}-error`) input.removeAttribute('aria-describedby');
  });
}

/** Leaves for the sign-in page, which shows the message (kept out of the URL). */
export function toSignIn(message) {
  if (message) sessionStorage.setItem(NOTICE_KEY, message);
  window.location.assign('/');
}

/** The message a page left for the sign-in page, once. */
export function takeNotice() {
  const message = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return message;
}

export function duration(seconds) {
  return seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
}

/**
 * Starts a page for one role: the signed-in user, or back to sign-in. Wires the header's name and
 * sign-out button and the automatic logoff.
 */
export async function startPage(role) {
  let user;
  try {
    user = await api('GET', '/api/me');
  } catch (e) {
    toSignIn(e.status === 401 ? 'Sign in to continue.' : null);
    return new Promise(() => {});
  }
  if (!user.roles.includes(role)) {
    toSignIn('This page is for another role; choose yours after signing in.');
    return new Promise(() => {});
  }
  $('who').textContent = user.displayName;
  $('signout').addEventListener('click', async () => {
    try {
      await api('POST', '/api/auth/logout');
    } finally {
      toSignIn('You are signed out.');
    }
  });
  watchIdle(() => toSignIn(signedOutMessage()));
  return user;
}

/** Why the server no longer knows this page: the automatic logoff, or a sign-out elsewhere. */
export function signedOutMessage(consequence = '') {
  const why = idledOut()
    ? `You were signed out automatically after ${duration(idleSeconds())} without activity.`
    : 'Your session ended (signed out, or your account was changed).';
  return `${why}${consequence ? ` ${consequence}` : ''} Sign in again to continue.`;
}

/** Local time for people; the API speaks UTC. */
export function time(iso, withSeconds = true) {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString([], withSeconds
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { hour: '2-digit', minute: '2-digit' });
}

/** A moment in the reader's zone, or in the zone given (a clinic's, named with it). */
export function dateTime(iso, timeZone) {
  if (!iso) return '';
  return timeZone
    ? new Date(iso).toLocaleString([], { timeZone, dateStyle: 'medium', timeStyle: 'short' })
    : new Date(iso).toLocaleString();
}

/** A calendar day ("2026-11-29") as "Sun, Nov 29, 2026": a date, not a moment, so no zone shift. */
export function day(isoDate) {
  return isoDate ? new Date(`${isoDate}T12:00:00Z`).toLocaleDateString([], {
    timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

export const COMPLICATIONS = {
  VASCULAR_OCCLUSION: 'Vascular occlusion',
  ANAPHYLAXIS: 'Anaphylaxis',
  ALLERGIC_REACTION: 'Allergic reaction',
  BURN: 'Burn',
  VASOVAGAL: 'Vasovagal syncope',
  INFECTION: 'Infection',
  OTHER: 'Other',
};

/** An emergency's status as a label (humanize() is for words inside a sentence). */
export const STATUSES = {
  ALERTING: 'Alerting directors',
  ACCEPTED: 'Accepted',
  CONNECTED: 'In the call',
  ENDED: 'Ended',
  CANCELLED: 'Cancelled',
  UNANSWERED: 'Nobody answered',
};

export const OUTCOMES = {
  RESOLVED_ON_SITE: 'Resolved on site',
  TRANSFERRED: 'Transferred to hospital',
  OTHER: 'Other',
};

export function humanize(word) {
  return String(word || '').toLowerCase().replaceAll('_', ' ');
}
