// Plugins: the jars of plugins/, what each adds, its error, and a switch for admins.
import { api, has, h, clear } from './common.js';
import { notAvailable, failed, act, actionButton, tone } from '../ui.js';
import { post } from '../api.js';

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Plugins'));
  if (!has('GET /api/v1/plugins')) { scope.el.append(notAvailable('Plugins', 'GET /api/v1/plugins')); return; }
  const card = h('section', { class: 'card', 'aria-labelledby': 'pl-list' }, h('h2', { id: 'pl-list' }, 'Installed'));
  const where = h('p', { class: 'small muted', id: 'plugin-dir' });
  const list = h('div', { id: 'plugin-list' });
  card.append(where, list);
  scope.el.append(card);

  const load = async () => {
    let d;
    try { d = await api('GET', '/api/v1/plugins'); } catch (e) { clear(list, failed('Plugins', e)); return; }
    clear(where, `Jars are read from ${d.directory} when Hearth starts.`);
    const rows = d.plugins ?? [];
    clear(list, rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Plugin'), h('th', {}, 'Version'), h('th', { class: 'hide-narrow' }, 'Adds'),
        h('th', {}, 'State'), h('th', {}, 'Actions'))),
      h('tbody', {}, rows.map(p => row(p, load))))) : h('p', { class: 'muted' }, 'No plugins installed.'));
  };
  await load();
  scope.fallback(load);
}

function row(p, load) {
  const label = p.enabled ? 'Disable' : 'Enable';
  const toggle = actionButton(label, 'POST /api/v1/plugins/{name}/toggle', async () => {
    const r = await act(toggle, () => post(`/api/v1/plugins/${encodeURIComponent(p.name)}/toggle`, { enabled: !p.enabled }),
      `${p.name} ${p.enabled ? 'disabled' : 'enable requested'}`);
    if (r !== undefined) await load();
  }, { class: 'small', 'data-action': 'toggle', 'aria-label': `${label.toLowerCase()} ${p.name}` });
  return h('tr', { 'data-name': p.name },
    h('td', {}, h('div', { class: 'name' }, p.name), p.description ? h('div', { class: 'small muted' }, p.description) : null,
      p.error ? h('div', { class: 'small err-text', 'data-error': '' }, p.error) : null),
    h('td', { class: 'small' }, p.version),
    h('td', { class: 'small hide-narrow' }, (p.provides ?? []).join(', ')),
    h('td', {}, h('span', { class: 'badge ' + tone(p.state === 'enabled' ? 'ok' : p.state === 'failed' ? 'error' : 'muted'), 'data-state': p.state }, p.state)),
    h('td', {}, toggle));
}
