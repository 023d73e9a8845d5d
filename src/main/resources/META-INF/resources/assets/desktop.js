// Desktop notifications (monitoring.notifications.desktop): while a dashboard tab is open, each alert raised or
// escalated on the live `alerts` channel, at the configured least level or above, is shown by the browser's
// Notification API, once the person has allowed it (the Alerts page asks; a browser asks only on a click).
// The setting is read when an alert arrives, so a change made anywhere counts from the next alert on.
import { api, has } from './api.js';
import { h, clear } from './ui.js';

const RANK = { info: 1, warning: 2, error: 3, critical: 4 };
const shown = new Map();  // alert id -> the highest level shown for it: a re-sent or lowered alert is not shown again
let queue = Promise.resolve();

const supported = () => typeof window.Notification === 'function';

async function settings() {
  const s = await api('GET', '/api/v1/alerts/settings');
  return { desktop: s.notifications?.desktop !== false, min: RANK[s.notifications?.minLevel] ?? RANK.warning };
}

async function consider(alert) {
  if (!supported() || Notification.permission !== 'granted') return;
  if (!alert || alert.state !== 'raised' || !RANK[alert.level]) return;
  if ((shown.get(alert.id) ?? 0) >= RANK[alert.level]) return;
  const s = await settings();
  if (!s.desktop || RANK[alert.level] < s.min) return;
  shown.set(alert.id, RANK[alert.level]);
  const n = new Notification(`Hearth: ${alert.level} alert`, { body: alert.message, tag: alert.id });
  n.onclick = () => { window.focus(); location.hash = '#/alerts'; n.close(); };
}

/** Listens on the live alerts channel for the whole session (the shell calls it once). */
export function startDesktopAlerts(live) {
  if (!supported() || !has('GET /api/v1/alerts/settings')) return;
  // one at a time, in the order they came: an alert and its escalation are judged in turn
  live.on('alerts', (alert) => { queue = queue.then(() => consider(alert)).catch(e => console.warn('desktop alert', e)); });
}

/** The Alerts page's line about desktop notifications, with the button that asks the browser when it has not been asked. */
export async function desktopControl() {
  const line = h('p', { id: 'desktop-notifications', class: 'small muted' });
  const draw = async () => {
    if (!supported()) { clear(line, 'This browser cannot show desktop notifications.'); return; }
    let on = true;
    try { on = (await settings()).desktop; } catch { /* shown as allowed; the alert list says what failed */ }
    line.dataset.state = on ? Notification.permission : 'off';
    if (!on) { clear(line, 'Desktop notifications are off in the settings (monitoring.notifications.desktop).'); return; }
    if (Notification.permission === 'granted') clear(line, 'New alerts are shown as desktop notifications while Hearth is open in a tab.');
    else if (Notification.permission === 'denied') clear(line, 'Desktop notifications are blocked for this site in the browser\'s settings.');
    else clear(line, h('button', { type: 'button', id: 'desktop-allow', class: 'small', onclick: async () => { await Notification.requestPermission(); draw(); } },
      'Show new alerts as desktop notifications'));
  };
  await draw();
  return line;
}
