// Alerts: the list (new ones arrive live), acknowledge, and the threshold settings.
import { api, has, h, clear, alertRow } from './common.js';
import { notAvailable, failed, guard, act } from '../ui.js';
import { desktopControl } from '../desktop.js';

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Alerts'));
  const listCard = h('section', { class: 'card', 'aria-labelledby': 'al-list' }, h('h2', { id: 'al-list' }, 'Alerts'));
  const settings = h('section', { class: 'card', 'aria-labelledby': 'al-set', style: 'margin-top:1rem' }, h('h2', { id: 'al-set' }, 'Thresholds'));
  scope.el.append(listCard, settings);

  if (!has('GET /api/v1/alerts')) listCard.append(notAvailable('Alerts', 'GET /api/v1/alerts'));
  else {
    let level = '';
    const select = h('select', { id: 'al-level', onchange: () => { level = select.value; load(); } },
      ['', 'info', 'warning', 'error', 'critical'].map(l => h('option', { value: l }, l || 'All levels')));
    const list = h('ul', { id: 'alert-list', style: 'list-style:none;padding:0;margin:0' });
    listCard.append(await desktopControl(), h('label', { for: 'al-level', class: 'inline', style: 'margin-bottom:.5rem' }, 'Level', select), list);
    const load = async () => {
      try {
        const d = await api('GET', `/api/v1/alerts?limit=100${level ? '&level=' + level : ''}`);
        const alerts = d.alerts ?? d;
        clear(list, alerts.length ? alerts.map(a => alertRow(a, load)) : h('li', { class: 'muted', 'data-empty': 'alerts' }, level
          ? `No ${level} alerts.`
          : 'No alerts. Hearth raises one when CPU, memory, disk, swap or temperature crosses a threshold below, when a service or container '
            + 'stops on its own, and when a download fails; each also goes to the notification channels (Settings).'));
      } catch (e) { clear(list, h('li', {}, failed('Alerts', e))); }
    };
    await load();
    scope.live('alerts', () => load());
    scope.fallback(load);
  }
  await thresholds(settings);
}

async function thresholds(card) {
  if (!has('GET /api/v1/alerts/settings')) { card.append(notAvailable('Alert settings', 'GET /api/v1/alerts/settings')); return; }
  let s;
  try { s = await api('GET', '/api/v1/alerts/settings'); } catch (e) { card.append(failed('Alert settings', e)); return; }
  const t = s.thresholds ?? {};
  // where each line comes from: one set in hearth.yml (or the environment) is shown read-only, saying so
  let origins = { keys: [] };
  if (has('GET /api/v1/config/origins')) { try { origins = await api('GET', '/api/v1/config/origins'); } catch { /* all editable, as before */ } }
  const fixed = (k, lv) => origins.keys.find(o => o.key === `monitoring.thresholds.${k}.${lv}` && (o.source === 'file' || o.source === 'environment'));
  const save = guard(h('button', { type: 'submit', class: 'primary' }, 'Save thresholds'), 'POST /api/v1/alerts/settings');
  const inputs = {};
  const unit = (k) => ({ temperature: '°C', latency: 'ms' })[k] ?? '%';
  const rows = Object.keys(t).map(k => h('tr', {}, h('th', { scope: 'row' }, `${k} (${unit(k)})`),
    ['warning', 'critical'].map(lv => {
      const id = `th-${k}-${lv}`;
      const from = fixed(k, lv);
      const readOnly = from ? (from.source === 'file' ? `from ${origins.file || 'hearth.yml'} (read-only here: change it in the file)` : 'from the environment (read-only here)') : '';
      const input = h('input', { id, type: 'number', min: 0, step: 'any', value: t[k]?.[lv] ?? '', 'aria-label': `${k} ${lv} threshold`,
        disabled: save.disabled || !!from, readonly: !!from, title: readOnly || save.title || undefined, 'data-origin': from ? from.source : 'editable' });
      if (!from) inputs[id] = [k, lv, input];
      return h('td', {}, input, from ? h('div', { class: 'small muted', 'data-readonly-note': id }, readOnly) : null);
    })));
  const form = h('form', { class: 'stack' },
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Metric'), h('th', {}, 'Warning'), h('th', {}, 'Critical'))), h('tbody', {}, rows))),
    h('div', {}, save));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const thresholds = {};
    for (const [k, lv, input] of Object.values(inputs)) { thresholds[k] ??= {}; thresholds[k][lv] = Number(input.value); }
    const r = await act(save, () => api('POST', '/api/v1/alerts/settings', { thresholds }), 'Thresholds saved');
    if (r !== undefined) s = r;
  });
  card.append(form);
}
