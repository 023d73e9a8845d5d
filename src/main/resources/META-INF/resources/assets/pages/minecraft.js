// Minecraft: a card per server with players, version and start/stop; the status is a Server List Ping, so it is
// read again every 15 s while the page is open (a sample, not an event: no channel speaks of it).
import { api, has, h, clear } from './common.js';
import { notAvailable, failed, act, actionButton, tone } from '../ui.js';
import { post } from '../api.js';

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Minecraft'));
  if (!has('GET /api/v1/minecraft')) { scope.el.append(notAvailable('Minecraft', 'GET /api/v1/minecraft')); return; }
  const grid = h('div', { class: 'grid', id: 'minecraft-servers' });
  scope.el.append(grid);
  const load = async () => {
    let d;
    try { d = await api('GET', '/api/v1/minecraft'); } catch (e) { clear(grid, failed('Minecraft servers', e)); return; }
    const servers = d.servers ?? [];
    clear(grid, servers.length ? servers.map(s => card(s, load)) : h('p', { class: 'muted' }, 'No Minecraft servers. An admin creates one with POST /api/v1/minecraft/create.'));
  };
  await load();
  const timer = setInterval(load, 15000);
  scope.onLeave(() => clearInterval(timer));
}

function card(s, load) {
  const enc = encodeURIComponent(s.name);
  const running = s.state === 'running';
  const verb = running ? 'stop' : 'start';
  const toggle = actionButton(running ? 'Stop' : 'Start', `POST /api/v1/minecraft/{name}/${verb}`, async () => {
    if (await act(toggle, () => post(`/api/v1/minecraft/${enc}/${verb}`), `${s.name}: ${verb} requested`) !== undefined) await load();
  }, { class: 'small', 'data-action': verb, 'aria-label': `${verb} ${s.name}` });
  const st = s.status;
  return h('section', { class: 'card', 'data-server': s.name, 'aria-label': `Minecraft server ${s.name}` },
    h('div', { class: 'spread' }, h('h2', {}, s.name), h('span', { class: 'badge ' + tone(s.state), 'data-state': s.state }, s.state)),
    h('dl', { class: 'kv small' },
      h('dt', {}, 'Players'), h('dd', { 'data-field': 'players' }, st ? `${st.players_online} / ${st.players_max}` : '—'),
      h('dt', {}, 'Version'), h('dd', { 'data-field': 'version' }, st ? st.version : `${s.version} (${s.type})`),
      h('dt', {}, 'Address'), h('dd', {}, s.url)),
    st && st.sample?.length ? h('p', { class: 'small muted' }, 'Online: ' + st.sample.join(', ')) : null,
    !st && running && s.status_error ? h('p', { class: 'small muted' }, s.status_error) : null,
    h('div', { class: 'row' }, toggle));
}
