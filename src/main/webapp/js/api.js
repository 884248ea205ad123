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

/** A request the server did not refuse kept the session alive; a 401 did not. */
function answered(status) {
  if (status !== 401) lastActivity = Date.now();
}

/** The problem+json body of a failed answer, or null. */
async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

export async function api(method, path, body, extraHeaders) {
  const headers = { 'Accept': 'application/json', ...(extraHeaders || {}) };
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
  answered(response.status);
  if (response.status === 204) {
    return null;
  }
  const data = await problemOf(response);
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/**
 * Sends raw bytes (a photo) with upload progress, which fetch cannot report. Resolves with the
 * parsed JSON answer; rejects with ApiError like api(). When the server is busy receiving other
 * photos (503 with Retry-After, nothing stored) it sends the photo again, a few times, telling
 * onRetry how many seconds it waits.
 */
export async function upload(path, blob, headers, onProgress, onRetry) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await uploadOnce(path, blob, headers, onProgress);
    } catch (e) {
      const wait = Number(e.retryAfter);
      if (e.status !== 503 || !(wait > 0) || attempt >= 5) throw e;
      if (onRetry) onRetry(wait);
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 30) * 1000));
    }
  }
}

function uploadOnce(path, blob, headers, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('X-Requested-With', 'DirectorLine');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', blob.type);
    Object.entries(headers || {}).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      answered(xhr.status);
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (ignored) {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data);
      } else {
        const error = new ApiError(xhr.status, data);
        error.retryAfter = xhr.getResponseHeader('Retry-After');
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'The upload was interrupted; try again.' }));
    xhr.send(blob);
  });
}

/**
 * Fetches bytes from the API (a photo, an export) as an object URL; the caller revokes it. With a
 * body it POSTs it as JSON: filters that name a patient stay out of URLs and access logs.
 */
export async function objectUrl(path, body) {
  const response = await fetch(path, body === undefined ? { credentials: 'same-origin' } : {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'DirectorLine' },
    body: JSON.stringify(body),
  });
  answered(response.status);
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return URL.createObjectURL(await response.blob());
}

/** Fetches a file from the API and hands it to the browser as a download (no page navigation). */
export async function download(path, filename, body) {
  const url = await objectUrl(path, body);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * A message for a person: the problem's detail, a page's own message as it is, or what to do when
 * the server cannot be reached.
 */
export function explain(error) {
  if (typeof error === 'string') {
    return error;
  }
  if (error instanceof ApiError) {
    const violations = error.problem?.violations || [];
    // The machine-readable violations become sentences; the generic detail then says nothing more.
    return violations.length ? violations.map(sentence).join(' ') : error.message;
  }
  return 'The server cannot be reached; check the connection and try again.';
}

/** What the pages call each field the API names in its violations. */
const FIELD_LABELS = {
  patientRef: 'The patient reference',
  patientInitials: 'The patient initials',
  note: 'The note',
  text: 'The text',
  reason: 'The reason',
  summary: 'The summary',
  outcome: 'The outcome',
  complication: 'The complication',
  'givenBy.name': 'The name of the person giving consent',
  'givenBy.relationship': 'The relationship to the patient',
  givenBy: 'Who gave consent',
  witness: 'The witness',
  signature: 'The signature',
  method: 'How consent was given',
  consentTextId: 'The consent text',
  username: 'The username',
  password: 'The password',
  displayName: 'The name',
  email: 'The email address',
  phone: 'The phone number',
  url: 'The address',
  from: 'The start of the period',
  to: 'The end of the period',
  justification: 'The reason for the emergency access',
  what: 'The task',
  dueAt: 'The due time',
  assigneeId: 'The assignee',
};

/** One violation as a sentence: "The patient initials must be 1 to 8 letters." */
export function sentence(violation) {
  const label = FIELD_LABELS[violation.field]
    || `The ${violation.field.split('.').pop().replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
  const message = violation.message.replace(/[.\s]+$/, '');
  return `${label} ${message}.`;
}

/** The server's idle timeout as this tab last heard it. */
export function idleSeconds() {
  return Number(sessionStorage.getItem(IDLE_KEY) || 900);
}

/** Whether this page has been idle for longer than the server allows, so the server logged it off. */
export function idledOut() {
  return Date.now() - lastActivity >= idleSeconds() * 1000;
}

export function rememberIdleTimeout(seconds) {
  sessionStorage.setItem(IDLE_KEY, String(seconds));
}

/**
 * Calls onSignedOut once the server's idle timeout has passed without a request from this page,
 * after checking with the server (another tab may have kept the session alive).
 */
export function watchIdle(onSignedOut) {
  const timer = setInterval(async () => {
    if (!idledOut()) {
      return;
    }
    try {
      await api('GET', '/api/me');
    } catch (e) {
      if (e.status === 401) {
        clearInterval(timer);
        onSignedOut(idleSeconds());
      }
    }
  }, 5000);
  return timer;
}
