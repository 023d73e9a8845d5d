// Downloads: add by magnet, URL or .torrent upload; the list with progress, speed and ETA; pause, resume, remove.
import { api, has, h, clear, taskTable } from './common.js';
import { notAvailable, failed, guard, act, toast } from '../ui.js';

const FILTERS = ['active', 'completed', 'failed', 'all'];

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Downloads'));
  const add = h('section', { class: 'card', 'aria-labelledby': 'dl-add' }, h('h2', { id: 'dl-add' }, 'Add a download'));
  const listCard = h('section', { class: 'card', 'aria-labelledby': 'dl-list', style: 'margin-top:1rem' }, h('h2', { id: 'dl-list' }, 'Tasks'));
  scope.el.append(add, listCard);

  let filter = 'active';
  const tabs = h('div', { class: 'tabs', role: 'group', 'aria-label': 'Show' });
  const list = h('div', { id: 'task-list' });
  listCard.append(tabs, list);

  const load = async () => {
    if (!has('GET /api/v1/tasks')) { clear(list, notAvailable('Tasks', 'GET /api/v1/tasks')); return; }
    try {
      const d = await api('GET', `/api/v1/tasks?status=${filter}&limit=100`);
      const tasks = d.tasks ?? d;
      clear(list, tasks.length ? taskTable(tasks, load) : h('p', { class: 'muted' }, `No ${filter === 'all' ? '' : filter + ' '}downloads.`),
        d.has_more ? h('p', { class: 'small muted' }, `Showing ${tasks.length} of ${d.total}.`) : null);
    } catch (e) { clear(list, failed('Tasks', e)); }
  };
  const drawTabs = () => clear(tabs, FILTERS.map(f => h('button', { type: 'button', 'aria-pressed': String(f === filter), onclick: () => { filter = f; drawTabs(); load(); } },
    f[0].toUpperCase() + f.slice(1))));
  drawTabs();

  addForm(add, load);
  await load();
  const debounced = (() => { let t; return () => { clearTimeout(t); t = setTimeout(load, 200); }; })();
  scope.live('task_updates', debounced);
  scope.fallback(load);
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
