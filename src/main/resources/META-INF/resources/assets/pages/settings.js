// Settings: your password, browser users (admins), API keys (create, shown once, revoke), notification channels
// with a test button, and the configuration.
import { api, has, h, clear, toast } from './common.js';
import { notAvailable, failed, guard, act, actionButton, confirmAction, when } from '../ui.js';
import { denied, whoami } from '../api.js';
import { emptyChannels } from './empty.js';
import { downloadCategories } from './categories.js';

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Settings'));
  const password = h('section', { class: 'card', 'aria-labelledby': 'st-pw', id: 'password' }, h('h2', { id: 'st-pw' }, 'Your password'));
  const users = h('section', { class: 'card', 'aria-labelledby': 'st-users', id: 'users', style: 'margin-top:1rem' }, h('h2', { id: 'st-users' }, 'Users'));
  const keys = h('section', { class: 'card', 'aria-labelledby': 'st-keys', id: 'keys', style: 'margin-top:1rem' }, h('h2', { id: 'st-keys' }, 'API keys'));
  const channels = h('section', { class: 'card', 'aria-labelledby': 'st-ch', id: 'channels', style: 'margin-top:1rem' }, h('h2', { id: 'st-ch' }, 'Notification channels'));
  const bot = h('section', { class: 'card', 'aria-labelledby': 'st-bot', id: 'telegram-bot', style: 'margin-top:1rem' }, h('h2', { id: 'st-bot' }, 'Telegram bot'));
  const categories = h('section', { class: 'card', 'aria-labelledby': 'st-cat', id: 'categories', style: 'margin-top:1rem' }, h('h2', { id: 'st-cat' }, 'Download categories'));
  const config = h('section', { class: 'card', 'aria-labelledby': 'st-cfg', id: 'config', style: 'margin-top:1rem' }, h('h2', { id: 'st-cfg' }, 'Configuration'));
  scope.el.append(password, users, keys, channels, categories, bot, config);
  ownPassword(password);
  await Promise.all([accounts(users), apiKeys(keys), notificationChannels(channels), telegramBot(bot), downloadCategories(categories), configuration(config)]);
}

const ROLES = ['viewer', 'operator', 'admin'];

function ownPassword(card) {
  const route = 'POST /api/v1/auth/password';
  if (!has(route)) { card.append(notAvailable('Changing your password', route)); return; }
  const me = whoami();
  if (me.method && me.method !== 'session') {
    card.append(h('p', { class: 'na' }, me.method === 'forward_auth'
      ? 'You signed in through your reverse proxy: change your password there.'
      : 'You are using an API key, which has no password: revoke it and create another instead.'));
    return;
  }
  const current = h('input', { id: 'pw-current', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'pw-new', type: 'password', autocomplete: 'new-password', required: true, minlength: '8' });
  const again = h('input', { id: 'pw-confirm', type: 'password', autocomplete: 'new-password', required: true, minlength: '8' });
  const change = guard(h('button', { type: 'submit', class: 'primary' }, 'Change password'), route);
  const form = h('form', { class: 'row', style: 'align-items:end' },
    h('label', { for: 'pw-current' }, 'Current password', current), h('label', { for: 'pw-new' }, 'New password', next),
    h('label', { for: 'pw-confirm' }, 'New password again', again), change);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (next.value !== again.value) { toast('The new passwords differ', 'error'); return; }
    const r = await act(change, () => api('POST', '/api/v1/auth/password', { current_password: current.value, new_password: next.value }),
      'Password changed; your other sessions were signed out');
    if (r !== undefined) form.reset();
  });
  card.append(h('p', { class: 'small muted' }, 'At least 8 characters. Your other signed-in browsers are signed out.'), form);
}

async function accounts(card) {
  const listRoute = 'GET /api/v1/accounts';
  if (!has(listRoute)) { card.append(notAvailable('Users', listRoute)); return; }
  const name = h('input', { id: 'user-name', required: true, autocomplete: 'off' });
  const secret = h('input', { id: 'user-password', type: 'password', required: true, autocomplete: 'new-password', minlength: '8' });
  const role = h('select', { id: 'user-role' }, ROLES.map(r => h('option', { value: r }, r)));
  const create = guard(h('button', { type: 'submit', class: 'primary' }, 'Add user'), 'POST /api/v1/accounts');
  const form = h('form', { class: 'row', style: 'align-items:end' }, h('label', { for: 'user-name' }, 'User name', name),
    h('label', { for: 'user-password' }, 'Password', secret), h('label', { for: 'user-role' }, 'Role', role), create);
  const why = denied(listRoute);
  if (why) {
    // what an admin could do here, shown disabled with the reason, like every other control
    for (const el of [name, secret, role]) { el.disabled = true; el.title = why; }
    card.append(h('p', { class: 'na' }, `Users are for administrators. ${why}.`), form);
    return;
  }
  const list = h('div', { id: 'user-list' });
  const load = async () => {
    try {
      const d = await api('GET', '/api/v1/accounts');
      clear(list, h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'User'), h('th', {}, 'Role'), h('th', { class: 'hide-narrow' }, 'Added'), h('th', {}, ''))),
        h('tbody', {}, d.accounts.map(u => userRow(u, load))))));
    } catch (e) { clear(list, failed('Users', e)); }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await act(create, () => api('POST', '/api/v1/accounts', { username: name.value.trim(), password: secret.value, role: role.value }),
      'User added');
    if (r !== undefined) { form.reset(); load(); }
  });
  card.append(h('p', { class: 'small muted' }, 'People who sign in to this dashboard. A change of role or password signs that user out everywhere.'),
    form, list);
  await load();
}

function userRow(u, reload) {
  const path = `/api/v1/accounts/${encodeURIComponent(u.username)}`;
  const pick = guard(h('select', { 'aria-label': `role of ${u.username}`, 'data-role-of': u.username },
    ROLES.map(r => h('option', { value: r, selected: r === u.role }, r))), 'PATCH /api/v1/accounts/{username}');
  pick.addEventListener('change', async () => {
    const r = await act(pick, () => api('PATCH', path, { role: pick.value }), `${u.username} is now ${pick.value}`);
    if (r === undefined) pick.value = u.role; else u.role = pick.value;
  });
  const reset = actionButton('Reset password', 'POST /api/v1/accounts/{username}/password', async () => {
    const input = h('input', { id: 'reset-password', type: 'password', autocomplete: 'new-password', minlength: '8' });
    if (!await confirmAction(`New password for “${u.username}”`, 'Their open sessions end; tell them the new password.', 'Set password',
      h('label', { for: 'reset-password' }, 'New password', input))) return;
    await act(reset, () => api('POST', path + '/password', { password: input.value }), `Password of ${u.username} reset`);
  }, { class: 'small', 'aria-label': `reset the password of ${u.username}` });
  const remove = actionButton('Remove', 'DELETE /api/v1/accounts/{username}', async () => {
    if (!await confirmAction(`Remove “${u.username}”?`, 'They are signed out at once and can no longer sign in.', 'Remove')) return;
    if (await act(remove, () => api('DELETE', path), `${u.username} removed`) !== undefined) reload();
  }, { class: 'small danger', 'aria-label': `remove ${u.username}` });
  const me = whoami();
  if (me.method === 'session' && me.name === u.username) {
    // Hearth refuses it (409): someone must always be left to manage the rest
    for (const el of [pick, remove]) { el.disabled = true; el.title = 'Your own account: another admin can change its role or remove it'; }
  }
  return h('tr', { 'data-user': u.username }, h('td', {}, u.username), h('td', {}, pick), h('td', { class: 'hide-narrow small' }, when(u.created_at)),
    h('td', {}, h('div', { class: 'row' }, reset, remove)));
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
        })))) : h('p', { class: 'muted', 'data-empty': 'keys' }, 'No API keys: scripts, apps and agents (MCP) need one to reach Hearth. '
          + 'Create one above with the least role that will do; Hearth shows it once.'));
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

// The chat bot's state: how updates arrive, when the last one came, and who may talk to it with which role.
async function telegramBot(card) {
  const route = 'GET /api/v1/telegram/bot';
  if (!has(route)) { card.append(notAvailable('The Telegram bot', route)); return; }
  const why = denied(route);
  if (why) { card.append(h('p', { class: 'na' }, `The bot's settings are for administrators. ${why}.`)); return; }
  try {
    const b = await api('GET', '/api/v1/telegram/bot');
    if (!b.enabled) {
      card.append(h('p', { class: 'muted', id: 'bot-state' }, 'Off. Set telegram_bot in hearth.yml (see docs/configuration.md, "Telegram bot").'));
      return;
    }
    const state = b.running ? (b.mode === 'webhook' ? 'Webhook' : 'Long polling') : 'Stopped';
    const members = (list, kind) => list.map(m => h('li', {}, `${kind} ${m.id}: ${m.role}`));
    card.append(
      h('p', { id: 'bot-state' }, h('strong', {}, state),
        ` · last update ${b.last_update_at ? when(b.last_update_at) : 'none yet'} · ${b.updates_handled} handled · ${b.strangers_ignored} from strangers ignored`),
      b.last_error ? h('p', { class: 'error', id: 'bot-error' }, b.last_error) : null,
      h('ul', { id: 'bot-members', class: 'small' }, [...members(b.users, 'user'), ...members(b.chats, 'chat')]));
  } catch (e) { card.append(failed('The Telegram bot', e)); }
}

async function notificationChannels(card) {
  const route = 'GET /api/v1/notifications/channels';
  if (!has(route)) { card.append(notAvailable('Notification channels', route)); return; }
  const body = h('div', { id: 'channel-list' });
  card.append(body);
  const load = async () => {
    try {
      const d = await api('GET', '/api/v1/notifications/channels');
      const list = d.channels ?? d;
      if (!list.length) { clear(body, emptyChannels()); return; }
      clear(body, h('ul', { style: 'list-style:none;padding:0;margin:0' }, list.map(c => {
        const id = c.id ?? c.name;
        const test = actionButton('Send test', 'POST /api/v1/notifications/test', async () => {
          const r = await act(test, () => api('POST', '/api/v1/notifications/test', { channel: id }));
          if (r === undefined) return;
          // The answer says per destination whether it arrived: a 200 with ok=false is a failed test, not a success.
          const failedTo = (r.deliveries ?? []).filter(d => d.status !== 'delivered');
          if (r.ok === false || failedTo.length) toast(`Test to ${id} failed: ` + (failedTo.map(d => `${d.destination || id}: ${d.error || d.status}`).join('; ') || 'not delivered'), 'error');
          else toast(`Test sent to ${id}`, 'ok');
        }, { class: 'small', 'aria-label': `send a test to ${id}` });
        const remove = c.source === 'api' ? actionButton('Remove', 'DELETE /api/v1/notifications/channels/{name}', async () => {
          if (!confirm(`Remove the channel ${id}?`)) return;
          const r = await act(remove, () => api('DELETE', `/api/v1/notifications/channels/${encodeURIComponent(id)}`), `${id} removed`);
          if (r !== undefined) load();
        }, { class: 'small' }) : null;
        const origin = c.source === 'api' ? 'added here' : c.source === 'config' ? 'from hearth.yml (read-only here)' : '';
        return h('li', { class: 'spread', style: 'padding:.35rem 0;border-bottom:1px solid var(--line)', 'data-channel': id },
          h('span', {}, h('strong', {}, c.display_name ?? c.name ?? id), ' ', h('span', { class: 'small muted' }, [c.type, c.min_level ? 'from ' + c.min_level : '', c.pending ? c.pending + ' pending' : '', origin].filter(Boolean).join(' · '))),
          h('span', { class: 'row' }, test, remove));
      })));
    } catch (e) { clear(body, failed('Notification channels', e)); }
  };
  await load();
  const addRoute = 'POST /api/v1/notifications/channels';
  if (!has(addRoute)) return;
  const name = h('input', { id: 'ch-name', required: true, pattern: '[a-z0-9][a-z0-9_\\-]{0,62}', placeholder: 'phone' });
  const url = h('input', { id: 'ch-url', required: true, type: 'password', autocomplete: 'off', placeholder: 'ntfys://ntfy.sh/my-topic' });
  const error = h('p', { class: 'err-text', id: 'ch-error', role: 'alert', hidden: true });
  const save = guard(h('button', { type: 'submit', class: 'primary', id: 'ch-save' }, 'Send a test and save'), addRoute);
  const form = h('form', { class: 'row', style: 'align-items:end', id: 'add-channel' },
    h('label', { for: 'ch-name' }, 'Name', name), h('label', { for: 'ch-url' }, 'Channel URL', url), save);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    save.disabled = true;
    try {
      await api('POST', '/api/v1/notifications/channels', { name: name.value.trim(), url: url.value.trim() });
      toast(`The test reached ${name.value.trim()}; the channel was saved`, 'ok');
      form.reset();
      load();
    } catch (err) { error.textContent = err.message; error.hidden = false; }
    finally { save.disabled = false; guard(save, addRoute); }
  });
  card.append(h('h3', {}, 'Add a channel'), h('p', { class: 'small muted' },
    'One URL, as Apprise writes it: tgram://<bot token>/<chat id>, ntfys://ntfy.sh/<topic>, gotify://<host>/<token>, discord://<id>/<token>, ',
    'json://<host>/<path> for a webhook (jsons:// over HTTPS)… Hearth sends it a test and keeps it only if the test arrives.'), form, error);
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
