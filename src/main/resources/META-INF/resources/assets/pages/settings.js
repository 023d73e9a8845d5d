// Settings: API keys (create, shown once, revoke), notification channels with a test button, and the configuration.
import { api, has, h, clear, toast } from './common.js';
import { notAvailable, failed, guard, act, actionButton, confirmAction, when } from '../ui.js';
import { denied } from '../api.js';

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Settings'));
  const keys = h('section', { class: 'card', 'aria-labelledby': 'st-keys', id: 'keys' }, h('h2', { id: 'st-keys' }, 'API keys'));
  const channels = h('section', { class: 'card', 'aria-labelledby': 'st-ch', id: 'channels', style: 'margin-top:1rem' }, h('h2', { id: 'st-ch' }, 'Notification channels'));
  const config = h('section', { class: 'card', 'aria-labelledby': 'st-cfg', id: 'config', style: 'margin-top:1rem' }, h('h2', { id: 'st-cfg' }, 'Configuration'));
  scope.el.append(keys, channels, config);
  await Promise.all([apiKeys(keys), notificationChannels(channels), configuration(config)]);
}

async function apiKeys(card) {
  const listRoute = 'GET /api/v1/keys';
  if (!has(listRoute)) { card.append(notAvailable('API keys', listRoute)); return; }
  const why = denied(listRoute);
  if (why) { card.append(h('p', { class: 'na' }, `API keys are for administrators. ${why}.`)); return; }
  const list = h('div', { id: 'key-list' });
  const once = h('div', { id: 'key-once', 'aria-live': 'polite' });
  const name = h('input', { id: 'key-name', required: true, autocomplete: 'off' });
  const role = h('select', { id: 'key-role' }, ['viewer', 'operator', 'admin'].map(r => h('option', { value: r }, r)));
  const create = guard(h('button', { type: 'submit', class: 'primary' }, 'Create key'), 'POST /api/v1/keys');
  const form = h('form', { class: 'row', style: 'align-items:end' }, h('label', { for: 'key-name' }, 'Name', name), h('label', { for: 'key-role' }, 'Role', role), create);
  const load = async () => {
    try {
      const d = await api('GET', '/api/v1/keys');
      const rows = d.keys ?? d;
      clear(list, rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Role'), h('th', { class: 'hide-narrow' }, 'Prefix'), h('th', { class: 'hide-narrow' }, 'Created'), h('th', {}, ''))),
        h('tbody', {}, rows.map(k => {
          const revoke = actionButton('Revoke', 'DELETE /api/v1/keys/{id}', async () => {
            if (!await confirmAction(`Revoke “${k.name}”?`, 'Programs using this key lose access at once.', 'Revoke')) return;
            if (await act(revoke, () => api('DELETE', `/api/v1/keys/${encodeURIComponent(k.id)}`), 'Key revoked') !== undefined) load();
          }, { class: 'small danger', 'aria-label': `revoke key ${k.name}` });
          return h('tr', { 'data-key': k.id }, h('td', {}, k.name), h('td', {}, k.role), h('td', { class: 'hide-narrow' }, h('code', {}, k.prefix ?? '')),
            h('td', { class: 'hide-narrow small' }, when(k.created_at)), h('td', {}, revoke));
        })))) : h('p', { class: 'muted' }, 'No keys yet.'));
    } catch (e) { clear(list, failed('API keys', e)); }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await act(create, () => api('POST', '/api/v1/keys', { name: name.value.trim(), role: role.value }));
    if (r === undefined) return;
    const secret = r.key ?? r.secret;
    clear(once, h('div', { class: 'card', style: 'margin:.75rem 0;background:var(--card2)' },
      h('p', {}, h('strong', {}, `Key “${r.name ?? name.value}” created.`), ' Copy it now: Hearth shows it only this once.'),
      h('div', { class: 'once', id: 'new-key' }, secret),
      h('div', { class: 'row', style: 'margin-top:.5rem' },
        h('button', { type: 'button', class: 'small', onclick: () => navigator.clipboard?.writeText(secret).then(() => toast('Copied', 'ok'), () => toast('Select the key and copy it', 'error')) }, 'Copy'),
        h('button', { type: 'button', class: 'small', onclick: () => clear(once) }, 'Done'))));
    form.reset();
    load();
  });
  card.append(form, once, list);
  await load();
}

async function notificationChannels(card) {
  const route = 'GET /api/v1/notifications/channels';
  if (!has(route)) { card.append(notAvailable('Notification channels', route)); return; }
  try {
    const d = await api('GET', '/api/v1/notifications/channels');
    const list = d.channels ?? d;
    if (!list.length) { card.append(h('p', { class: 'muted' }, 'No channels configured.')); return; }
    card.append(h('ul', { style: 'list-style:none;padding:0;margin:0' }, list.map(c => {
      const id = c.id ?? c.name;
      const test = actionButton('Send test', 'POST /api/v1/notifications/test', async () => {
        const r = await act(test, () => api('POST', '/api/v1/notifications/test', { channel: id }));
        if (r === undefined) return;
        // The answer says per destination whether it arrived: a 200 with ok=false is a failed test, not a success.
        const failedTo = (r.deliveries ?? []).filter(d => d.status !== 'delivered');
        if (r.ok === false || failedTo.length) toast(`Test to ${id} failed: ` + (failedTo.map(d => `${d.destination || id}: ${d.error || d.status}`).join('; ') || 'not delivered'), 'error');
        else toast(`Test sent to ${id}`, 'ok');
      }, { class: 'small', 'aria-label': `send a test to ${id}` });
      return h('li', { class: 'spread', style: 'padding:.35rem 0;border-bottom:1px solid var(--line)', 'data-channel': id },
        h('span', {}, h('strong', {}, c.display_name ?? c.name ?? id), ' ', h('span', { class: 'small muted' }, [c.type, c.min_level ? 'from ' + c.min_level : '', c.pending ? c.pending + ' pending' : ''].filter(Boolean).join(' · '))),
        test);
    })));
  } catch (e) { card.append(failed('Notification channels', e)); }
}

async function configuration(card) {
  if (!has('GET /api/v1/config')) { card.append(notAvailable('Configuration', 'GET /api/v1/config')); return; }
  let current;
  try { current = await api('GET', '/api/v1/config'); } catch (e) { card.append(failed('Configuration', e)); return; }
  const view = h('pre', { class: 'logs', style: 'height:260px', tabindex: '0', 'aria-label': 'Running configuration, secrets hidden' }, JSON.stringify(current, null, 2));
  const changes = h('textarea', { id: 'cfg-patch', rows: 4, style: 'width:100%;font-family:ui-monospace,monospace', placeholder: '{"logs": {"level": "debug"}}' });
  const apply = guard(h('button', { type: 'submit', class: 'primary' }, 'Apply changes'), 'PATCH /api/v1/config');
  if (apply.disabled) { changes.disabled = true; changes.title = apply.title; }
  const form = h('form', { class: 'stack', style: 'margin-top:.75rem' },
    h('label', { for: 'cfg-patch' }, 'Keys to change, nested as in hearth.yml (JSON)', changes), h('div', {}, apply));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let body;
    try { body = JSON.parse(changes.value); } catch (err) { toast('Not JSON: ' + err.message, 'error'); return; }
    const r = await act(apply, () => api('PATCH', '/api/v1/config', body), 'Configuration updated');
    if (r !== undefined) { view.textContent = JSON.stringify(await api('GET', '/api/v1/config'), null, 2); changes.value = ''; }
  });
  card.append(h('p', { class: 'small muted' }, 'The running configuration; secrets are hidden.'), view, form);
}
