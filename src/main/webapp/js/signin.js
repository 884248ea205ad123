import { api, ApiError, idleSeconds, rememberIdleTimeout, watchIdle } from './api.js';
import { $, el, PAGES, duration, signedOutMessage, takeNotice } from './shell.js';

/** The page of each of the user's roles; one role goes straight there. */
function pagesFor(user) {
  return Object.entries(PAGES).filter(([role]) => user.roles.includes(role));
}

function show(user) {
  const pages = pagesFor(user);
  if (pages.length === 1) {
    window.location.assign(pages[0][1]);
    return;
  }
  $('pages').replaceChildren(...pages.map(([role, path]) => el('li', {},
    el('a', { href: path, class: 'button primary', text: {
      INJECTOR: 'Emergency page', DIRECTOR: 'On-call console', COMPLIANCE_OFFICER: 'Compliance console',
      ADMIN: 'Clinic administration',
    }[role] }))));
  $('signin').hidden = true;
  $('home').hidden = false;
  $('who').hidden = false;
  $('signout').hidden = false;
  $('who').textContent = user.displayName;
  $('greeting').textContent = `Signed in as ${user.displayName}`;
  $('roles').textContent = `Roles: ${user.roles.join(', ').toLowerCase().replaceAll('_', ' ')}`;
  $('idle').textContent = duration(idleSeconds());
  watchIdle(() => signedOut(signedOutMessage()));
}

function signedOut(message) {
  $('home').hidden = true;
  $('who').hidden = true;
  $('signout').hidden = true;
  $('signin').hidden = false;
  $('password').value = '';
  const notice = $('notice');
  notice.textContent = message;
  notice.hidden = !message;
  $('username').focus();
}

$('signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('error');
  error.hidden = true;
  try {
    const answer = await api('POST', '/api/auth/login', {
      username: $('username').value.trim(),
      password: $('password').value,
    });
    rememberIdleTimeout(answer.idleTimeoutSeconds);
    $('notice').hidden = true;
    show(answer.user);
  } catch (e) {
    error.textContent = e instanceof ApiError && e.status === 429
      ? (e.problem?.detail || 'Too many failed attempts: this account is locked for a while.')
      : e instanceof ApiError && e.status === 401
        ? 'Wrong username or password.'
        : 'Sign-in failed; check the connection and try again.';
    error.hidden = false;
  }
});

$('signout').addEventListener('click', async () => {
  try {
    await api('POST', '/api/auth/logout');
  } finally {
    signedOut('You are signed out.');
  }
});

// A page that sent the user here may have left a message (kept out of the URL).
const notice = takeNotice();
if (notice) {
  signedOut(notice);
}
// The password-setup page (setup.js) leaves the username just set up in sessionStorage, once,
// rather than in a ?username= parameter: the address stays "/", and the name stays out of the
// browser's history and the server's access log.
const SETUP_USERNAME = 'directorline.signin.username';
const setUpUsername = sessionStorage.getItem(SETUP_USERNAME);
sessionStorage.removeItem(SETUP_USERNAME);
if (setUpUsername) {
  $('username').value = setUpUsername;
  $('password').focus();
}
// Already signed in (the cookie is still valid)? Then skip the form.
// The answer may come while the user (or a test) is already typing: move the focus only if it is
// nowhere yet, or a fast typist's password would land in the username field, in clear.
api('GET', '/api/me')
  .then(show)
  .catch(() => {
    if (document.activeElement === document.body || document.activeElement === null) {
      $('username').focus();
    }
  });
