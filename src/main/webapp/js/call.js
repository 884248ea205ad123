// The video call: a grant from our server, then Jitsi's IFrame API from the configured Jitsi
// domain (the page policy allows scripts and frames from there only). When Jitsi cannot be
// reached the panel says so and offers the phone fallback; the emergency goes on either way.
import { api, explain } from './api.js';
import { el } from './shell.js';

const LOAD_TIMEOUT_MS = 8000;
const loaded = new Map();

function loadIframeApi(domain) {
  if (!loaded.has(domain)) {
    loaded.set(domain, new Promise((resolve, reject) => {
      const script = el('script', { src: `https://${domain}/external_api.js`, async: true });
      const timer = setTimeout(() => reject(new Error('timeout')), LOAD_TIMEOUT_MS);
      script.onload = () => {
        clearTimeout(timer);
        window.JitsiMeetExternalAPI ? resolve(window.JitsiMeetExternalAPI) : reject(new Error('no api'));
      };
      script.onerror = () => {
        clearTimeout(timer);
        reject(new Error('unreachable'));
      };
      document.head.append(script);
    }));
    loaded.get(domain).catch(() => loaded.delete(domain));
  }
  return loaded.get(domain);
}

/**
 * Joins the emergency's call inside panel. fallback() gives {name, phone} of the person to call
 * instead. Join and leave events go to the server.
 */
async function joinCall(emergencyId, panel, me, fallback, changed) {
  const frame = panel.querySelector('.call-frame');
  const status = panel.querySelector('.call-status');
  const fallbackBox = panel.querySelector('.call-fallback');
  status.textContent = 'Connecting to the video call…';
  fallbackBox.hidden = true;
  changed('connecting');
  let grant;
  try {
    grant = await api('POST', `/api/emergencies/${emergencyId}/video-grant`);
  } catch (e) {
    status.textContent = `The call cannot be joined: ${explain(e)}`;
    changed('failed');
    return null;
  }
  let JitsiApi;
  try {
    JitsiApi = await loadIframeApi(grant.domain);
  } catch (e) {
    showFallback(panel, fallback());
    changed('phone');
    return null;
  }
  frame.replaceChildren();
  const call = new JitsiApi(grant.domain, {
    roomName: grant.room,
    jwt: grant.jwt,
    parentNode: frame,
    width: '100%',
    height: '100%',
    userInfo: { displayName: me.displayName },
    configOverwrite: {
      prejoinConfig: { enabled: false },
      prejoinPageEnabled: false,
      disableDeepLinking: true,
      fileRecordingsEnabled: false,
      liveStreamingEnabled: false,
      transcription: { enabled: false },
      disableInviteFunctions: true,
      toolbarButtons: ['microphone', 'camera', 'desktop', 'chat', 'tileview', 'hangup', 'settings', 'fullscreen'],
    },
    interfaceConfigOverwrite: { SHOW_JITSI_WATERMARK: false },
  });
  const report = (type) => api('POST', `/api/emergencies/${emergencyId}/participant-events`, { type })
    .catch(() => {});
  call.addListener('videoConferenceJoined', () => {
    status.textContent = 'In the call.';
    changed('in-call');
    report('JOINED');
  });
  call.addListener('videoConferenceLeft', () => {
    status.textContent = 'You left the call.';
    changed('left');
    report('LEFT');
  });
  status.textContent = 'Joining…';
  return call;
}

function showFallback(panel, person) {
  // The host's name means nothing to a nurse: say what to do instead.
  panel.querySelector('.call-status').textContent = 'The video call cannot be reached from this device.';
  const box = panel.querySelector('.call-fallback');
  const phone = person?.phone;
  box.replaceChildren(
    el('p', { class: 'fallback-lead', text: 'Continue by phone — the emergency goes on.' }),
    phone
      ? el('p', { class: 'fallback-phone' }, `Call ${person.name}: `,
        el('a', { href: `tel:${phone.replace(/[^+0-9]/g, '')}`, id: 'fallback-phone', text: phone }))
      : el('p', { text: `${person?.name || 'The other participant'} has no phone number in their profile.` }),
    el('p', { class: 'hint', text: 'Photos, notes and the timeline keep working here while you talk.' }),
  );
  box.hidden = false;
}

/**
 * A page's call panel: joins one emergency's call at a time, and offers "Join the call again"
 * after a failure (never while a join is under way, so a double click mints one grant).
 * fallback() gives {name, phone} of the person to call when Jitsi cannot be reached.
 */
export class CallPanel {
  /** onChange(state) hears connecting, in-call, left, phone (video unreachable) and failed. */
  constructor(id, fallback, onChange = () => {}) {
    this.fallback = fallback;
    this.state = null;
    this.onChange = onChange;
    this.call = null;
    this.joining = false;
    this.retry = el('button', { id: 'join-button', type: 'button', class: 'primary', hidden: true, text: 'Join the call again' });
    this.element = el('section', { class: 'card call', id, 'aria-label': 'Video call' },
      el('h2', { text: 'Video call' }),
      el('p', { class: 'call-status', role: 'status', 'aria-live': 'polite' }),
      el('div', { class: 'call-fallback', role: 'alert', hidden: true }),
      el('div', { class: 'call-frame' }),
      this.retry);
  }

  /** Joins; the retry button calls this again for the same emergency. */
  async join(emergencyId, me) {
    if (this.joining) return;
    this.joining = true;
    this.retry.hidden = true;
    this.retry.onclick = () => this.join(emergencyId, me);
    this.call = await joinCall(emergencyId, this.element, me, this.fallback, (state) => {
      this.state = state;
      this.onChange(state);
    });
    this.joining = false;
    this.retry.hidden = !!this.call;
  }

  /** Leaves the call (the IFrame API reports it) and offers no retry: the call is over. */
  leave() {
    if (this.call) this.call.dispose();
    const wasJoined = this.call || this.state;
    this.call = null;
    this.retry.hidden = true;
    if (wasJoined) {
      // Nothing may still say "the emergency goes on" once it ended.
      this.element.querySelector('.call-status').textContent = 'The call is over.';
      this.element.querySelector('.call-fallback').hidden = true;
      this.state = null;
    }
  }
}
