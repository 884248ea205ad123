// The browser's side of the API: the session cookie (HttpOnly, set by the server) authenticates;
// every change carries X-Requested-With, which a cross-site form cannot send.

const IDLE_KEY = 'directorline.idleSeconds';
let lastActivity = Date.now();

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    headers['X-Requested-With'] = 'DirectorLine';
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  lastActivity = Date.now();
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

export function rememberIdleTimeout(seconds) {
  sessionStorage.setItem(IDLE_KEY, String(seconds));
}

/**
 * Calls onSignedOut once the server's idle timeout has passed without a request from this page,
 * after checking with the server (another tab may have kept the session alive).
 */
export function watchIdle(onSignedOut) {
  const seconds = Number(sessionStorage.getItem(IDLE_KEY) || 900);
  const timer = setInterval(async () => {
    if (Date.now() - lastActivity < seconds * 1000) {
      return;
    }
    try {
      await api('GET', '/api/me');
    } catch (e) {
      if (e.status === 401) {
        clearInterval(timer);
        onSignedOut(seconds);
      }
    }
  }, 5000);
  return timer;
}
