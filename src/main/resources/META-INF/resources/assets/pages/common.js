// Pieces more than one page draws: a service card, a download row, an alert row, and the metric readings.
import { api, post, del, has } from '../api.js';
import { h, clear, actionButton, act, confirmAction, tone, bytes, rate, duration, when, toast } from '../ui.js';

export const svcName = (s) => s.name ?? s.id;
export const svcState = (s) => s.state ?? s.status ?? 'unknown';
export const hasRuntime = (s) => { const r = typeof s.runtime === 'object' && s.runtime ? (s.runtime.kind ?? s.runtime.type) : s.runtime;
  return r === undefined || (r !== null && r !== '' && r !== 'external' && r !== 'none'); };
/** The health vocabulary's details (Health.Detail) in words a person acts on. */
export const REASONS = { AUTH_ERROR: 'credentials refused', COMMUNICATION_ERROR: 'unreachable', CONFIGURATION_ERROR: 'configuration error' };
export const svcHealth = (s) => (typeof s.health === 'object' && s.health) ? (s.health.status ?? s.health.state) : s.health;

/** Start, stop, restart for one service: confirmed first, disabled when the caller's role does not allow it. */
export function serviceActions(s, after, which = ['start', 'stop', 'restart']) {
  const name = svcName(s);
  return which.map(verb => {
    const route = `POST /api/v1/services/{name}/${verb}`;
    const b = actionButton(verb[0].toUpperCase() + verb.slice(1), route, async () => {
      if (!await confirmAction(`${verb[0].toUpperCase() + verb.slice(1)} ${s.display_name ?? name}?`,
        `Hearth will ${verb} the service “${name}”.`, verb[0].toUpperCase() + verb.slice(1))) return;
      const r = await act(b, () => post(`/api/v1/services/${encodeURIComponent(name)}/${verb}`), `${name}: ${verb} requested`);
      if (r !== undefined && after) after(r);
    }, { class: 'small', 'data-action': verb, 'aria-label': `${verb} ${name}` });
    if (!b.disabled && !hasRuntime(s)) { b.disabled = true; b.title = 'Hearth only watches this service (no runtime): it cannot start or stop it'; }
    const st = String(svcState(s)).toLowerCase();
    if (!b.disabled && verb === 'start' && st === 'running') { b.disabled = true; b.title = 'Already running'; }
    if (!b.disabled && verb === 'stop' && /^(stopped|exited|dead|created)$/.test(st)) { b.disabled = true; b.title = 'Already stopped'; }
    return b;
  });
}

export function serviceCard(s, after) {
  const name = svcName(s), state = svcState(s), health = svcHealth(s);
  return h('div', { class: 'card svc', 'data-service': name },
    h('div', { class: 'spread' },
      h('span', { class: 'row' }, h('span', { class: 'dot ' + tone(state), 'aria-hidden': 'true' }), h('span', { class: 'name' }, s.display_name ?? name)),
      h('span', { class: 'badge ' + tone(state), 'data-state': state }, state)),
    health && health !== state ? h('span', { class: 'small ' + tone(health) }, 'health: ' + health) : null,
    s.url ? h('a', { class: 'small', href: s.url, target: '_blank', rel: 'noopener' }, s.url) : null,
    h('div', { class: 'row' }, serviceActions(s, after, ['restart'])));
}

/** One task: progress bar, speeds, ETA, and pause/resume/remove. */
export function taskRow(t, refresh, withActions = true) {
  const progress = Math.max(0, Math.min(100, Number(t.progress) || 0));
  const paused = /paus|stop/.test(String(t.status));
  const actions = [];
  if (withActions) {
    const verb = paused ? 'resume' : 'pause';
    const toggle = actionButton(paused ? 'Resume' : 'Pause', `POST /api/v1/tasks/{id}/${verb}`, async () => {
      if (await act(toggle, () => post(`/api/v1/tasks/${encodeURIComponent(t.id)}/${verb}`), `${t.name}: ${verb}d`) !== undefined) refresh();
    }, { class: 'small', 'data-action': verb, 'aria-label': `${verb} ${t.name}` });
    const remove = actionButton('Remove', 'DELETE /api/v1/tasks/{id}', async () => {
      const box = h('input', { type: 'checkbox', id: 'delete-data' });
      if (!await confirmAction(`Remove ${t.name}?`, 'The task leaves the client.', 'Remove',
        h('label', { class: 'inline', for: 'delete-data' }, box, 'Also delete the downloaded data'))) return;
      if (await act(remove, () => del(`/api/v1/tasks/${encodeURIComponent(t.id)}?delete_data=${box.checked}`), `${t.name}: removed`) !== undefined) refresh();
    }, { class: 'small danger', 'data-action': 'remove', 'aria-label': `remove ${t.name}` });
    actions.push(toggle, remove);
  }
  return h('tr', { 'data-task': t.id },
    h('td', {}, h('div', { class: 'name' }, t.name ?? t.filename ?? t.id), h('span', { class: 'small ' + tone(t.status) }, t.status)),
    h('td', { style: 'min-width:8rem' },
      h('progress', { max: 100, value: progress, 'aria-label': `${t.name} progress`, 'data-progress': progress }),
      h('span', { class: 'small muted' }, `${progress.toFixed(1)} % of ${bytes(t.size_human ?? t.size)}`)),
    h('td', { class: 'small' }, '↓ ' + rate(t.download_speed ?? t.speed), h('br'), h('span', { class: 'muted' }, '↑ ' + rate(t.upload_speed ?? 0))),
    h('td', { class: 'small' }, duration(t.eta_human ?? t.eta)),
    withActions ? h('td', {}, h('div', { class: 'row' }, actions)) : null);
}

export function taskTable(tasks, refresh, withActions = true) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Progress'), h('th', {}, 'Speed'), h('th', {}, 'ETA'), withActions ? h('th', {}, 'Actions') : null)),
    h('tbody', {}, tasks.map(t => taskRow(t, refresh, withActions)))));
}

export function alertRow(a, refresh) {
  const acked = a.state ? a.state !== 'raised' : !!(a.acknowledged ?? a.acknowledged_at);
  const ack = actionButton(acked ? 'Acknowledged' : 'Acknowledge', 'POST /api/v1/alerts/{id}/ack', async () => {
    if (await act(ack, () => post(`/api/v1/alerts/${encodeURIComponent(a.id)}/ack`), 'Alert acknowledged') !== undefined) refresh();
  }, { class: 'small', 'data-action': 'ack', 'aria-label': `acknowledge alert ${a.message}` });
  if (acked) ack.disabled = true;
  return h('li', { 'data-alert': a.id, class: 'spread', style: 'padding:.35rem 0;border-bottom:1px solid var(--line)' },
    h('span', {}, h('span', { class: 'badge ' + tone(a.level) }, a.level), ' ', a.message,
      h('br'), h('span', { class: 'small muted' }, [when(a.timestamp ?? a.created_at), a.source, a.state,
        a.acknowledged_by ? 'by ' + a.acknowledged_by : ''].filter(Boolean).join(' · '))),
    refresh ? ack : null);
}

/** The three readings of a metrics sample, whatever wrapper it came in ({metrics:{…}} or flat, or /status). */
export function readings(m) {
  const x = m?.metrics ?? m ?? {};
  const v = (o, flat) => (o && typeof o === 'object' ? o.usage : undefined) ?? x[flat];
  return { timestamp: x.timestamp ?? m?.timestamp, cpu: v(x.cpu, 'cpu_usage'), memory: v(x.memory, 'memory_usage'), disk: v(x.disk, 'disk_usage'), raw: x };
}

export { api, has, h, clear, toast };
