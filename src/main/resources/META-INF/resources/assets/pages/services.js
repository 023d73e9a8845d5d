// Services: grouped list with start/stop/restart (confirmed), and per service its stats and a log viewer that follows.
import { api, has, h, clear, svcName, svcState, svcHealth, serviceActions, REASONS } from './common.js';
import { notAvailable, failed, tone, pct, bytes, actionButton, act } from '../ui.js';
import { denied } from '../api.js';
import { emptyServices } from './empty.js';
import { addServiceCard } from './addservice.js';
import { hubPanel } from './hub.js';

export async function render(scope, [selected]) {
  scope.el.append(h('h1', {}, 'Services'));
  if (!has('GET /api/v1/services')) { scope.el.append(notAvailable('Services', 'GET /api/v1/services')); return; }
  const hint = h('div', { id: 'docker-hint' });
  const list = h('div', { id: 'service-list' });
  const detail = h('div', { id: 'service-detail' });
  scope.el.append(hint, list, detail);
  dockerHint(hint);

  let services = [];
  const load = async () => {
    let data;
    try { data = await api('GET', '/api/v1/services'); } catch (e) { clear(list, failed('Services', e)); return; }
    services = data.services ?? data;
    if (!services.length) { clear(list, emptyServices()); return; }
    const groups = new Map();
    for (const s of services) {
      const g = s.group || 'Other';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(s);
    }
    clear(list, [...groups].map(([g, items]) => h('section', { class: 'group card', 'aria-label': g },
      h('h2', {}, g),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Service'), h('th', {}, 'State'), h('th', { class: 'hide-narrow' }, 'Runtime'), h('th', {}, 'Actions'))),
        h('tbody', {}, items.map(s => {
          const name = svcName(s), state = svcState(s), health = svcHealth(s);
          return h('tr', { 'data-service': name },
            h('td', {}, h('a', { href: '#/services/' + encodeURIComponent(name) }, s.display_name ?? name),
              s.url ? h('div', { class: 'small muted' }, s.url) : null,
              portLinks(s)),
            h('td', {}, h('span', { class: 'badge ' + tone(state), 'data-state': state }, state),
              h('div', { class: 'small', 'data-health-of': name }, health && health !== state ? h('span', { class: tone(health) }, health) : null)),
            h('td', { class: 'hide-narrow small' }, runtimeOf(s), h('div', { class: 'muted', 'data-origin': s.source }, ORIGIN[s.source] ?? s.source)),
            h('td', {}, h('div', { class: 'row' }, serviceActions(s, load), s.source === 'api' ? removeButton(name, load) : null)));
        })))))));
    healthOf(list);   // not awaited: a slow upstream's check must not hold the list back
  };
  await load();
  const adder = await addServiceCard(load);
  if (adder) scope.el.insertBefore(adder, detail);
  const debounced = (() => { let t; return () => { clearTimeout(t); t = setTimeout(load, 250); }; })();
  scope.live('service_status', debounced);
  scope.fallback(load);
  if (selected) await showDetail(scope, detail, selected, services.find(s => svcName(s) === selected));
}

const ORIGIN = { config: 'from hearth.yml (read-only here)', discovery: 'found on Docker', api: 'added here' };

/** Removing a service added here (hearth.yml's and Docker's are theirs to change). */
function removeButton(name, load) {
  const b = actionButton('Remove', 'DELETE /api/v1/services/{name}', async () => {
    if (!confirm(`Remove ${name}? Hearth stops watching it; the service itself is not touched.`)) return;
    const r = await act(b, () => api('DELETE', `/api/v1/services/${encodeURIComponent(name)}`), `${name} removed`);
    if (r !== undefined) load();
  }, { 'data-remove': name });
  return b;
}

/** A container's published ports, as links on the host the dashboard was opened on (the engine is on that box). */
function portLinks(s) {
  const ports = (s.ports ?? []).filter(p => p.protocol === 'tcp');
  if (!ports.length) return null;
  return h('div', { class: 'small row', 'data-ports-of': svcName(s) }, ports.map(p =>
    h('a', { href: `${location.protocol}//${location.hostname}:${p.port}/`, target: '_blank', rel: 'noopener noreferrer', 'data-port': String(p.port) },
      `:${p.port}`)));
}

/** When Docker is on this machine but Hearth may not use it: what is wrong and what to do, above the list. */
async function dockerHint(box) {
  if (!has('GET /api/v1/services/local-docker')) return;
  let local;
  try { local = await api('GET', '/api/v1/services/local-docker'); } catch { return; }
  if (local.state !== 'unreachable') return;
  clear(box, h('div', { class: 'card warn', 'data-docker': local.state },
    h('p', {}, h('strong', {}, `Docker at ${local.host} cannot be used: `), local.message),
    h('p', { class: 'small' }, local.hint)));
}

/**
 * Beside each service that is not healthy: what is wrong (credentials refused, unreachable, a configuration error)
 * and the message its check gave, where the user looks for it.
 */
async function healthOf(list) {
  if (!has('GET /api/v1/services/health')) return;
  let rows;
  try { rows = (await api('GET', '/api/v1/services/health')).services ?? []; } catch { return; }
  await Promise.all(rows.filter(r => r.health !== 'healthy').map(async r => {
    let reason = '';
    if (r.health === 'unhealthy' && has('GET /api/v1/services/{name}')) {
      try { reason = REASONS[(await api('GET', `/api/v1/services/${encodeURIComponent(r.name)}`)).health?.detail] ?? ''; } catch { /* the word and the message still show */ }
    }
    const cell = list.querySelector(`[data-health-of="${CSS.escape(r.name)}"]`);
    if (!cell) return;
    clear(cell, h('span', { class: tone(r.health), 'data-health': r.health }, [r.health, reason].filter(Boolean).join(' · ')),
      r.message ? h('div', { class: 'muted health-message' }, r.message) : null);
  }));
}

function runtimeOf(s) {
  const r = s.runtime;
  if (!r) return '—';
  if (typeof r === 'string') return r;
  return r.type ?? Object.keys(r)[0] ?? '—';
}

/** Hearth runs nothing for an external service (reached by URL only): it has no stats and no log to show. */
const NO_RUNTIME = 'external';

async function showDetail(scope, box, name, service) {
  const enc = encodeURIComponent(name);
  const stats = h('div', { id: 'service-stats' });
  const logs = h('pre', { class: 'logs', id: 'service-logs', tabindex: '0', 'aria-label': `Log of ${name}`, 'aria-live': 'off' });
  const follow = h('input', { type: 'checkbox', id: 'follow', checked: true });
  const hub = h('div', { id: 'service-hub' });
  clear(box, h('section', { class: 'card', 'aria-labelledby': 'detail-title', style: 'margin-top:1rem' },
    h('div', { class: 'spread' }, h('h2', { id: 'detail-title' }, name), h('a', { href: '#/services', class: 'small' }, 'Close')),
    h('h3', {}, 'Stats'), stats,
    hub,
    h('div', { class: 'spread', style: 'margin-top:1rem' }, h('h3', {}, 'Log'), h('label', { class: 'inline', for: 'follow' }, follow, 'Follow')),
    logs));

  const runtime = service ? runtimeOf(service) : null;
  if (runtime === NO_RUNTIME) {
    clear(stats, h('p', { class: 'na', 'data-no-runtime': 'stats' },
      'Hearth reaches this service by its URL only: no container or process of it runs here, so there are no stats.'));
  } else if (!has('GET /api/v1/services/{name}/stats')) clear(stats, notAvailable('Stats', 'GET /api/v1/services/{name}/stats'));
  else {
    const loadStats = async () => {
      try {
        const s = await api('GET', `/api/v1/services/${enc}/stats`);
        const x = s.stats ?? s;
        clear(stats, h('div', { class: 'row small' },
          h('span', {}, 'CPU ', h('strong', {}, pct(x.cpu_percent ?? x.cpu?.percent ?? x.cpu))),
          h('span', {}, 'Memory ', h('strong', {}, bytes(x.memory_used ?? x.memory_bytes ?? x.memory_usage ?? x.memory)),
            x.memory_limit ? ` of ${bytes(x.memory_limit)}` : ''),
          x.network ? h('span', {}, 'Net ', h('strong', {}, `↓ ${bytes(x.network.rx_bytes)} ↑ ${bytes(x.network.tx_bytes)}`)) : null,
          x.uptime ? h('span', {}, 'Up ', h('strong', {}, x.uptime)) : null,
          x.pids !== undefined ? h('span', {}, 'Processes ', h('strong', {}, x.pids)) : null));
      } catch (e) { clear(stats, failed('Stats', e)); }
    };
    await loadStats();
    const t = setInterval(loadStats, 10000);   // stats are a sample, not an event: refreshed while this panel is open
    scope.onLeave(() => clearInterval(t));
  }

  try { await hubPanel(hub, name); } catch (e) { clear(hub, failed('API', e)); }

  if (runtime === NO_RUNTIME) {
    logs.replaceWith(h('p', { class: 'na', id: 'service-logs', 'data-no-runtime': 'logs' },
      'No log: this service runs outside Hearth (no container or process), so its log stays where it runs.'));
    follow.disabled = true;
    return;
  }
  const followRoute = 'GET /api/v1/services/{name}/logs/follow';
  const logsRoute = 'GET /api/v1/services/{name}/logs';
  const why = denied(has(followRoute) ? followRoute : logsRoute);
  if (why) { logs.replaceWith(h('p', { class: 'na', id: 'service-logs' }, `Logs: ${why}.`)); follow.disabled = true; return; }
  const line = (e) => typeof e === 'string' ? e
    : [e.time ?? e.timestamp, e.stream && e.stream !== 'stdout' ? `[${e.stream}]` : '', e.text ?? e.message ?? e.line].filter(Boolean).join(' ');
  const append = (entries) => {
    const atBottom = logs.scrollHeight - logs.scrollTop - logs.clientHeight < 30;
    for (const e of entries) logs.append(line(e) + '\n');
    while (logs.childNodes.length > 5000) logs.firstChild.remove();   // a long follow stays light
    if (atBottom) logs.scrollTop = logs.scrollHeight;
  };
  if (has(followRoute)) {
    // Follow live: the server pushes each new line as a server-sent event; pausing just stops drawing.
    const source = new EventSource(`/api/v1/services/${enc}/logs/follow?tail=200`);
    source.onmessage = (ev) => { if (follow.checked) { try { append([JSON.parse(ev.data)]); } catch { append([ev.data]); } } };
    source.onerror = () => { if (source.readyState === EventSource.CLOSED) logs.append('(the log stream ended)\n'); };
    scope.onLeave(() => source.close());
    logs.dataset.follow = 'sse';
    return;
  }
  // No push route on this Hearth: read the tail, then what came after, while Follow is on.
  let since = null;
  const fetchLogs = async (first) => {
    const q = first ? 'tail=200' : 'since=' + encodeURIComponent(since);
    try {
      const r = await api('GET', `/api/v1/services/${enc}/logs?${q}`);
      const entries = typeof r === 'string' ? r.split('\n') : (r.lines ?? r.logs ?? r.entries ?? []);
      append(entries);
      const last = entries.length ? entries[entries.length - 1] : null;
      since = (last && (last.time ?? last.timestamp)) || since || new Date().toISOString();
    } catch (e) { logs.append(`(log unavailable: ${e.message})\n`); }
  };
  await fetchLogs(true);
  logs.dataset.follow = 'poll';
  const t = setInterval(() => { if (follow.checked) fetchLogs(false); }, 2000);
  scope.onLeave(() => clearInterval(t));
}
