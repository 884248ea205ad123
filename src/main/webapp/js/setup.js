// The page a one-time link opens (/setup.html#<secret>): someone invited, or whose password an
// administrator reset, chooses their password. Nobody is signed in here; the link is the authority.
// The secret sits in the #fragment, which browsers never send in a request line or a Referer. It is
// read once, removed from the address bar (out of the history, a bookmark, a screenshot), kept in
// memory only, and sent nowhere but in the bodies of the two calls below.
import { api, ApiError, explain } from './api.js';
import { $, el, dateTime, showProblem, clearFieldProblems, toSignIn } from './shell.js';

/** Where the sign-in page finds the username to fill in (signin.js reads it once). */
const SIGNIN_USERNAME = 'directorline.signin.username';
const GONE = "This link has been used or has expired; ask your clinic's administrator for a new one.";
const READER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

let token = takeToken();
let username = null;

function takeToken() {
  const raw = window.location.hash.slice(1);
  if (raw) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  try {
    return decodeURIComponent(raw);
  } catch (e) {
    return raw;
  }
}

/** Whether the server refused the link itself: spent, replaced, expired, or not a link at all. */
function linkRefused(error) {
  return error instanceof ApiError && (error.status === 410
    || String(error.problem?.type || '').endsWith('setup-link-invalid')
    || (error.problem?.violations || []).some((v) => v.field === 'token'));
}

/** The link cannot be used: say why, and offer the way to sign in. */
function unusable(message) {
  $('setup-title').textContent = 'This link cannot be used';
  $('setup-welcome').textContent = '';
  $('setup-fields').hidden = true;
  $('setup-retry').hidden = true;
  $('new-password').value = '';
  $('repeat-password').value = '';
  $('setup-error').textContent = message;
  $('setup-error').hidden = false;
  $('setup-to-signin').hidden = false;
}

async function check() {
  if (!token) {
    unusable('This address holds no link. Open the link your clinic’s administrator gave you again, exactly as you received it.');
    return;
  }
  $('setup-error').hidden = true;
  $('setup-retry').hidden = true;
  try {
    const invitation = await api('POST', '/api/password-setup/check', { token });
    username = invitation.username;
    $('setup-title').textContent = 'Choose your password';
    $('setup-welcome').replaceChildren(`Welcome, ${invitation.displayName}. Your username is `,
      el('strong', { text: invitation.username }), '. Choose your password',
      invitation.expiresAt ? ` (this link works until ${dateTime(invitation.expiresAt, READER_ZONE)}).` : '.');
    $('setup-username').value = invitation.username;
    $('setup-fields').hidden = false;
    $('new-password').focus();
  } catch (e) {
    if (linkRefused(e)) {
      unusable(GONE);
      return;
    }
    // The link may be fine and the network not: keep it (it is no longer in the address) and retry.
    $('setup-title').textContent = 'Your link could not be checked';
    $('setup-error').textContent = explain(e);
    $('setup-error').hidden = false;
    $('setup-retry').hidden = false;
  }
}

/** Clears the marks of an earlier attempt; the password keeps its rules as its description. */
function clearProblems() {
  clearFieldProblems($('setup-form'));
  $('new-password').setAttribute('aria-describedby', 'password-rules');
  $('setup-error').hidden = true;
}

/** A problem found here, before asking the server, shown the way showProblem shows the server's. */
function fieldProblem(id, text) {
  const input = $(id);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', `${id}-error`);
  input.after(el('p', { class: 'field-error', id: `${id}-error`, role: 'alert', text }));
  $('setup-error').textContent = 'Please correct the marked field.';
  $('setup-error').hidden = false;
  input.focus();
}

let sending = false;

$('setup-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!username || sending) return;
  clearProblems();
  const password = $('new-password').value;
  if (password.length < 12) return fieldProblem('new-password', 'The password must be at least 12 characters long.');
  if (password.length > 128) return fieldProblem('new-password', 'The password must be at most 128 characters long.');
  if (password !== $('repeat-password').value) {
    return fieldProblem('repeat-password', 'The two passwords differ: type the same password twice.');
  }
  sending = true;
  try {
    const chosen = await api('POST', '/api/password-setup', { token, password });
    sessionStorage.setItem(SIGNIN_USERNAME, chosen.username || username);
    toSignIn('Password set. Sign in with it now.');
  } catch (e) {
    if (linkRefused(e) && !(e.problem?.violations || []).some((v) => v.field === 'password')) {
      unusable(GONE);
    } else {
      showProblem('setup-error', e, { password: 'new-password' });
      $('new-password').focus();
    }
  } finally {
    sending = false;
  }
});

$('show-passwords').addEventListener('change', () => {
  const type = $('show-passwords').checked ? 'text' : 'password';
  $('new-password').type = type;
  $('repeat-password').type = type;
});

$('setup-retry').addEventListener('click', check);

// Another link opened in this same tab changes only the fragment, which reloads nothing.
window.addEventListener('hashchange', () => {
  if (!window.location.hash) return;
  token = takeToken();
  username = null;
  $('setup-to-signin').hidden = true;
  $('setup-title').textContent = 'Checking your link…';
  check();
});

check();
