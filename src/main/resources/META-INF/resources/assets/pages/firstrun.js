// The first-run checklist on the overview, for admins: change the password you were given, Docker, a download client,
// a notification channel, and where the API key and docs are. Each step reads its state from the route that knows it,
// links to the page that does it, and the list is put away for good (on the server, per user) by hand or once done.
import { api, has, whoami } from '../api.js';
import { h, clear, act, when } from '../ui.js';

const code = (text) => h('code', {}, text);

/** Reads a route when it exists and the caller may; undefined otherwise (the step then says it cannot tell). */
async function read(route, url) {
  if (!has(route)) return undefined;
  try { return await api('GET', url); } catch { return undefined; }
}

async function steps() {
  const [me, config, services, clients, channels, local] = await Promise.all([
    read('GET /api/v1/first-run', '/api/v1/first-run'),
    read('GET /api/v1/config', '/api/v1/config'),
    read('GET /api/v1/services', '/api/v1/services'),
    read('GET /api/v1/downloads/clients', '/api/v1/downloads/clients'),
    read('GET /api/v1/notifications/channels', '/api/v1/notifications/channels'),
    read('GET /api/v1/services/local-docker', '/api/v1/services/local-docker'),
  ]);
  if (!me || me.dismissed) return null;
  const file = me.credentials_file ? me.credentials_path : null;
  const firstAdmin = whoami().name === 'admin';   // the user the first start made, whose password that file holds

  const password = !me.has_password
    ? { done: true, text: 'You sign in through a proxy or with an API key: Hearth holds no password of yours to change.' }
    : me.password_changed
      ? { done: true, text: `Changed ${when(me.password_changed_at)}.` + (file && firstAdmin ? ` The password in ${file} no longer works: keep the API key from it, then delete the file.` : '') }
      : { done: false, text: ['You still sign in with the password you were given', file && firstAdmin ? ` (the first start also wrote it to ${file})` : '', '.'] };

  const endpoints = config?.docker?.endpoints ?? [];
  const containers = (services?.services ?? []).filter(s => s.runtime === 'docker');
  const unreached = containers.length > 0 && containers.every(s => s.status === 'unreachable');
  const count = `${containers.length} container service${containers.length === 1 ? '' : 's'}`;
  const docker = endpoints.length && unreached
    ? { done: false, text: `Hearth cannot reach ${endpoints.map(e => e.host).join(', ')}: is Docker running, and may the user Hearth runs as use its socket (the docker group, or a socket proxy)?` }
    : endpoints.length
    ? { done: true, text: `Watching ${endpoints.map(e => e.name).join(', ')}: ${count}.` }
    : local?.state === 'found'
    ? { done: true, text: `Found Docker at ${local.host} by itself (the endpoint local): ${count}.` }
    : local?.state === 'unreachable'
    ? { done: false, text: `Docker at ${local.host} cannot be used: ${local.message}. ${local.hint}` }
    : { done: false, text: ['No Docker engine found on this machine (no DOCKER_HOST, no /var/run/docker.sock). If it runs elsewhere, add ',
        code('docker: {endpoints: [{name: local, host: "unix:///var/run/docker.sock"}]}'),
        ' to hearth.yml and restart Hearth; the user it runs as must be in the docker group (or point it at a socket proxy).'] };

  const clientList = clients?.clients ?? [];
  const download = clientList.length
    ? { done: true, text: clientList.map(c => `${c.name} (${String(c.state).toLowerCase()})`).join(', ') + '.' }
    : { done: false, text: ['No download client yet. Hearth drives qBittorrent, Deluge, Transmission and aria2: add one to hearth.yml as a service with its ',
        code('url'), ', ', code('integration: qbittorrent'), ' (or deluge, transmission, aria2) and its credentials, then restart Hearth.'] };

  const channelList = channels?.channels ?? [];
  const channel = channelList.length
    ? { done: true, text: channelList.map(c => c.name ?? c.id).join(', ') + ': send a test from Settings.' }
    : { done: false, text: ['No notification channel yet: alerts and finished downloads reach nobody. Add one under ', code('notifications.channels'),
        ' in hearth.yml (Telegram, ntfy, Gotify, Discord, email or a webhook), restart Hearth, then send a test from Settings.'] };

  return [
    { id: 'password', title: 'Change the password you were given', href: '#/settings', link: 'Settings → Your password', ...password },
    { id: 'docker', title: 'Connect Docker', href: '#/services', link: 'Services', ...docker },
    { id: 'download-client', title: 'Add a download client', href: '#/downloads', link: 'Downloads → Clients', ...download },
    { id: 'channel', title: 'Add a notification channel', href: '#/settings', link: 'Settings → Notification channels', ...channel },
    { id: 'api', title: 'Your API key and the API docs', href: '/api/v1/docs/', link: 'API explorer', info: true,
      text: [file ? `${file} holds the admin API key the first start made (unless HEARTH_ADMIN_API_KEY gave one); ` : '', 'create more keys under Settings → API keys. ',
        'Send one as ', code('X-API-Key'), '; every route is described in the API explorer.'] },
  ];
}

/** Draws the card into {@code card} (hidden when there is nothing to show); resolves once drawn. */
export async function firstRunCard(card) {
  const list = await steps();
  if (!list) { card.hidden = true; return; }
  const tasks = list.filter(s => !s.info);
  const done = tasks.filter(s => s.done).length;
  const allDone = done === tasks.length;
  const hide = h('button', { type: 'button', class: 'small', id: 'first-run-dismiss' }, allDone ? 'Done' : 'Hide this checklist for good');
  hide.addEventListener('click', async () => { if (await act(hide, () => api('POST', '/api/v1/first-run/dismiss'))) card.hidden = true; });
  clear(card,
    h('div', { class: 'spread' }, h('h2', { id: 'first-run-title' }, allDone ? 'All set' : 'Getting started'),
      h('span', { class: 'small muted', id: 'first-run-progress' }, `${done} of ${tasks.length} done`)),
    h('ol', { class: 'checklist' }, list.map(s => h('li', { 'data-step': s.id, 'data-done': s.info ? null : String(s.done), class: s.info ? 'info' : s.done ? 'done' : '' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, s.info ? 'i' : s.done ? '✓' : ''),
      h('div', {}, h('strong', {}, s.title), s.info ? '' : h('span', { class: 'sr-only' }, s.done ? ' (done)' : ' (to do)'),
        h('div', { class: 'small muted' }, s.text), h('a', { href: s.href, class: 'small' }, s.link))))),
    h('div', { class: 'row' }, hide,
      h('span', { class: 'small muted' }, allDone ? 'Everything on this list is done: it will not show again.' : 'It goes away by itself once every step is done.')));
  card.hidden = false;
  // once every step is done the list has served: it is put away for good, and this last view says so
  if (allDone && has('POST /api/v1/first-run/dismiss')) api('POST', '/api/v1/first-run/dismiss').catch(() => { /* the Done button remains */ });
}

