// Overview: gauges with sparklines, the services grid, active downloads, recent alerts — kept live by the socket.
import { api, has, h, clear, serviceCard, taskTable, alertRow, readings } from './common.js';
import { chatBox } from './chat.js';
import { firstRunCard } from './firstrun.js';
import { emptyServices } from './empty.js';
import { notAvailable, failed, sparkline, pct, meterClass, bytes } from '../ui.js';
import { whoami } from '../api.js';

const HISTORY = 60;

export async function render(scope) {
  const gauges = h('section', { class: 'grid', 'aria-label': 'System', id: 'gauges' });
  const services = h('section', { class: 'card', 'aria-labelledby': 'ov-svc', id: 'ov-services' }, h('h2', { id: 'ov-svc' }, 'Services'));
  const downloads = h('section', { class: 'card', 'aria-labelledby': 'ov-dl', id: 'ov-downloads' }, h('h2', { id: 'ov-dl' }, 'Active downloads'));
  const alerts = h('section', { class: 'card', 'aria-labelledby': 'ov-al', id: 'ov-alerts' }, h('h2', { id: 'ov-al' }, 'Recent alerts'));
  const chat = h('section', { class: 'card', 'aria-labelledby': 'ov-chat-h', id: 'ov-chat' }, h('h2', { id: 'ov-chat-h' }, 'Assistant'));
  // the first-run checklist is an admin's: its steps configure Hearth
  const firstRun = h('section', { class: 'card', 'aria-labelledby': 'first-run-title', id: 'first-run', hidden: true, style: 'margin-bottom:1rem' });
  scope.el.append(h('h1', {}, 'Overview'), firstRun, gauges, h('div', { class: 'cols' }, services, downloads, alerts, chat));
  chatBox(chat);

  const debounce = (fn) => { let t; return () => { clearTimeout(t); t = setTimeout(fn, 250); }; };
  await Promise.all([
    whoami().role === 'admin' ? firstRunCard(firstRun).catch(() => { /* the overview stands without it */ }) : null,
    systemGauges(scope, gauges),
    section(scope, services, 'Services', 'GET /api/v1/services', '/api/v1/services', 'service_status', debounce, (d, again) => {
      const list = d.services ?? d;
      return list.length ? h('div', { class: 'grid' }, list.map(s => serviceCard(s, again))) : emptyServices();
    }),
    section(scope, downloads, 'Downloads', 'GET /api/v1/tasks', '/api/v1/tasks?status=active&limit=5', 'task_updates', debounce, (d, again) => {
      const tasks = d.tasks ?? d;
      return tasks.length ? [taskTable(tasks, again, false), d.has_more ? h('a', { href: '#/downloads', class: 'small' }, `All ${d.total} active downloads`) : null]
        : h('p', { class: 'muted' }, 'Nothing downloading. ', h('a', { href: '#/downloads' }, 'Add a download'), ' with a magnet link, a URL or a .torrent file.');
    }),
    section(scope, alerts, 'Alerts', 'GET /api/v1/alerts', '/api/v1/alerts?limit=5', 'alerts', debounce, (d) => {
      const list = d.alerts ?? d;
      return list.length ? h('ul', { style: 'list-style:none;padding:0;margin:0' }, list.map(a => alertRow(a)))
        : h('p', { class: 'muted' }, 'No alerts: nothing has crossed a threshold or stopped on its own. ', h('a', { href: '#/alerts' }, 'Thresholds'));
    }),
  ]);
}

/** A card whose body comes from one GET, redrawn when its live channel speaks (or by the fallback timer). */
async function section(scope, card, what, route, url, channel, debounce, draw) {
  const body = h('div', { class: 'body' });
  card.append(body);
  if (!has(route)) { clear(body, notAvailable(what, route)); return; }
  const load = async () => {
    try { clear(body, draw(await api('GET', url), load)); }
    catch (e) { clear(body, failed(what, e)); }
  };
  await load();
  scope.live(channel, debounce(load));
  scope.fallback(load);
}

async function systemGauges(scope, box) {
  const current = has('GET /api/v1/metrics/current') ? '/api/v1/metrics/current' : has('GET /api/v1/status') ? '/api/v1/status' : null;
  if (!current) { box.append(notAvailable('System metrics', 'GET /api/v1/metrics/current')); return; }
  const series = { cpu: [], memory: [], disk: [] };
  const cards = {};
  for (const [key, label] of [['cpu', 'CPU'], ['memory', 'Memory'], ['disk', 'Disk']]) {
    const value = h('span', { class: 'value', 'data-gauge': key }, '—');
    const bar = h('span', { style: 'width:0%' });
    const meter = h('div', { class: 'meter', role: 'meter', 'aria-label': label + ' usage', 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar);
    const detail = h('span', { class: 'small muted' });
    const spark = sparkline([], label + ' usage, recent');
    cards[key] = { value, bar, meter, detail, spark };
    box.append(h('div', { class: 'card gauge' }, h('div', { class: 'spread' }, h('h2', {}, label), value), meter, detail, spark));
  }
  const show = (sample, push) => {
    const r = readings(sample);
    for (const key of Object.keys(series)) {
      const v = Number(r[key]);
      if (isNaN(v)) continue;
      const c = cards[key];
      c.value.textContent = pct(v);
      c.bar.style.width = Math.max(0, Math.min(100, v)) + '%';
      c.meter.className = meterClass(v);
      c.meter.setAttribute('aria-valuenow', v.toFixed(1));
      const o = r.raw[key];
      if (o && typeof o === 'object' && o.total !== undefined) c.detail.textContent = `${fmtSize(o.used)} of ${fmtSize(o.total)}` + (o.status ? ' · ' + o.status : '');
      else if (o && typeof o === 'object') c.detail.textContent = [o.temperature != null ? `${o.temperature} °C` : '',
        Array.isArray(o.cores) ? `${o.cores.length} cores` : '', o.status ?? ''].filter(Boolean).join(' · ');
      if (push) { series[key].push(v); if (series[key].length > HISTORY) series[key].shift(); c.spark.update(series[key]); }
    }
  };
  if (has('GET /api/v1/metrics/history')) {
    try {
      const end = new Date(), start = new Date(end - 3600e3);
      const hist = await api('GET', `/api/v1/metrics/history?start=${start.toISOString()}&end=${end.toISOString()}&resolution=5m`);
      for (const m of (hist.metrics ?? []).slice(-HISTORY)) show(m, true);
    } catch { /* the sparkline starts empty; the gauges still show */ }
  }
  const load = async () => { try { show(await api('GET', current), true); } catch (e) { box.dataset.error = e.message; } };
  await load();
  scope.live('system_metrics', (m) => show(m, true));
  scope.fallback(load);
}

// The seed gives memory and disk in GB (numbers below ~100000); larger figures are bytes.
const fmtSize = (n) => typeof n !== 'number' ? String(n ?? '—') : n > 100000 ? bytes(n) : n.toFixed(1) + ' GB';
