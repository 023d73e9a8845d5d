// Downloads: add by magnet, URL or .torrent upload; the clients with their health; the list with progress, speed and
// ETA; pause, resume, remove.
import { api, has, h, clear, taskTable, REASONS } from './common.js';
import { notAvailable, failed, guard, act, toast, tone, when } from '../ui.js';
import { emptyClients } from './empty.js';

const FILTERS = ['active', 'completed', 'failed', 'all'];

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Downloads'));
  const add = h('section', { class: 'card', 'aria-labelledby': 'dl-add' }, h('h2', { id: 'dl-add' }, 'Add a download'));
  const listCard = h('section', { class: 'card', 'aria-labelledby': 'dl-list', style: 'margin-top:1rem' }, h('h2', { id: 'dl-list' }, 'Tasks'));
  const clientCard = h('section', { class: 'card', 'aria-labelledby': 'dl-clients', style: 'margin-top:1rem' }, h('h2', { id: 'dl-clients' }, 'Clients'));
  const clientList = h('div', { id: 'client-list' });
  clientCard.append(clientList);
  scope.el.append(add, clientCard, listCard);
  let clientCount = null;

  let filter = 'active';
  const tabs = h('div', { class: 'tabs', role: 'group', 'aria-label': 'Show' });
  const list = h('div', { id: 'task-list' });
  listCard.append(tabs, list);

  const load = async () => {
    if (!has('GET /api/v1/tasks')) { clear(list, notAvailable('Tasks', 'GET /api/v1/tasks')); return; }
    try {
      const d = await api('GET', `/api/v1/tasks?status=${filter}&limit=100`);
      const tasks = d.tasks ?? d;
      clear(list, tasks.length ? taskTable(tasks, load) : h('p', { class: 'muted', 'data-empty': 'tasks' }, `No ${filter === 'all' ? '' : filter + ' '}downloads. `,
          clientCount === 0 ? 'Nothing can download before a client is added (see Clients above).' : filter === 'active' ? 'Add one above.' : ''),
        d.has_more ? h('p', { class: 'small muted' }, `Showing ${tasks.length} of ${d.total}.`) : null);
    } catch (e) { clear(list, failed('Tasks', e)); }
  };
  const drawTabs = () => clear(tabs, FILTERS.map(f => h('button', { type: 'button', 'aria-pressed': String(f === filter), onclick: () => { filter = f; drawTabs(); load(); } },
    f[0].toUpperCase() + f.slice(1))));
  drawTabs();

  const loadClients = async () => {
    if (!has('GET /api/v1/downloads/clients')) { clear(clientList, notAvailable('Download clients', 'GET /api/v1/downloads/clients')); return; }
    try {
      const d = await api('GET', '/api/v1/downloads/clients');
      const clients = d.clients ?? d;
      clientCount = clients.length;
      clear(clientList, clients.length ? clientTable(clients) : emptyClients());
    } catch (e) { clear(clientList, failed('Download clients', e)); }
  };

  addForm(add, load);
  await loadClients();
  await load();
  const debounced = (() => { let t; return () => { clearTimeout(t); t = setTimeout(load, 200); }; })();
  scope.live('task_updates', debounced);
  scope.live('service_status', loadClients);   // a client is a service: its health changes come on this channel
  scope.fallback(load);
  scope.fallback(loadClients);
}

/** Each client with its health; one that is not online says why (credentials refused, unreachable, ...) and its message. */
function clientTable(clients) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Client'), h('th', {}, 'Health'), h('th', { class: 'hide-narrow' }, 'Tasks'))),
    h('tbody', {}, clients.map(c => {
      const state = String(c.state ?? 'unknown').toLowerCase();
      return h('tr', { 'data-client': c.name },
        h('td', {}, h('div', { class: 'name' }, c.name), h('span', { class: 'small muted' }, c.kind)),
        h('td', {}, h('span', { class: 'badge ' + tone(state), 'data-state': state }, state),
          state === 'online' ? null : h('div', { class: 'small', 'data-health-of': c.name },
            REASONS[c.detail] ? h('span', { class: tone(state) }, REASONS[c.detail]) : null,
            h('div', { class: 'muted health-message' }, c.message, c.checked_at ? ` (checked ${when(c.checked_at)})` : ''))),
        h('td', { class: 'hide-narrow small' }, String(c.tasks ?? 0)));
    }))));
}

function addForm(card, reload) {
  const route = 'POST /api/v1/downloads';
  if (!has(route)) { card.append(notAvailable('Adding downloads', route)); return; }
  const url = h('input', { id: 'dl-url', name: 'url', type: 'text', placeholder: 'magnet:?xt=… or https://…', autocomplete: 'off', style: 'width:100%' });
  const file = h('input', { id: 'dl-file', name: 'torrent', type: 'file', accept: '.torrent,application/x-bittorrent' });
  const client = h('select', { id: 'dl-client', name: 'client' }, h('option', { value: '' }, 'Default client'));
  const category = h('input', { id: 'dl-category', name: 'category', type: 'text', autocomplete: 'off' });
  const submit = guard(h('button', { type: 'submit', class: 'primary', id: 'dl-submit' }, 'Add'), route);
  const form = h('form', { class: 'stack', id: 'add-download' },
    h('label', { for: 'dl-url' }, 'Magnet link or URL', url),
    h('label', { for: 'dl-file' }, 'or a .torrent file', file),
    h('div', { class: 'row' }, h('label', { for: 'dl-client' }, 'Client', client), h('label', { for: 'dl-category' }, 'Category (optional)', category)),
    h('div', {}, submit));
  for (const el of [url, file, client, category]) if (submit.disabled) { el.disabled = true; el.title = submit.title; }
  card.append(form);
  if (has('GET /api/v1/downloads/clients')) {
    api('GET', '/api/v1/downloads/clients').then(d => {
      for (const c of (d.clients ?? d)) {
        const id = c.id ?? c.name;
        client.append(h('option', { value: id }, `${c.display_name ?? c.name ?? id}${c.status && c.status !== 'online' ? ' (' + c.status + ')' : ''}`));
      }
    }).catch(() => { /* the default client still works */ });
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let body;
    if (file.files.length) {
      body = new FormData();
      body.append('torrent', file.files[0]);
      if (client.value) body.append('client', client.value);
      if (category.value) body.append('category', category.value);
    } else if (url.value.trim()) {
      body = { url: url.value.trim() };
      if (client.value) body.client = client.value;
      if (category.value.trim()) body.category = category.value.trim();
    } else { toast('Give a magnet link, a URL, or a .torrent file', 'error'); url.focus(); return; }
    const r = await act(submit, () => api('POST', '/api/v1/downloads', body));
    if (r !== undefined) {
      toast(`Added${r.task_id ? ' (task ' + r.task_id + ')' : ''}`, 'ok');
      form.reset();
      reload();
    }
  });
}
