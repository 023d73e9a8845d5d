// The assistant's chat box: the same assistant as POST /api/v1/command, with the caller's own role and the
// conversation's history. Every text is set with textContent: names from upstreams are shown, never parsed as HTML.
import { api, has } from '../api.js';
import { h, clear, notAvailable } from '../ui.js';

const CONVERSATION = 'dashboard';

export function chatBox(card) {
  if (!has('POST /api/v1/command')) { card.append(notAvailable('The assistant', 'POST /api/v1/command')); return; }
  const log = h('div', { class: 'chat-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation with the assistant', id: 'chat-log' });
  const input = h('input', { type: 'text', id: 'chat-input', maxlength: 4000, autocomplete: 'off', placeholder: 'Ask: status, restart plex, what is downloading?',
    'aria-label': 'Message to the assistant' });
  const send = h('button', { type: 'submit', class: 'primary', id: 'chat-send' }, 'Send');
  const form = h('form', { class: 'row chat-form', onsubmit: (e) => { e.preventDefault(); say(input.value); } }, input, send);
  card.append(log, form);

  const add = (role, text, extra) => {
    log.querySelector('#chat-empty')?.remove();
    const m = h('div', { class: 'msg ' + role, 'data-role': role }, h('span', { class: 'sender small' }, role === 'user' ? 'You' : 'Hearth'),
      h('p', { text }));
    if (extra) m.append(extra);
    log.append(m);
    log.scrollTop = log.scrollHeight;
    return m;
  };

  async function say(text, confirm) {
    text = (text ?? '').trim();
    if (!text && !confirm) return;
    input.value = '';
    send.disabled = true;
    log.querySelectorAll('.choices button').forEach(b => { b.disabled = true; });
    add('user', text || 'yes');
    try {
      const body = { user_id: CONVERSATION, message: text };
      if (confirm) body.context = { confirm };
      const r = await api('POST', '/api/v1/command', body);
      const m = add('assistant', r.message);
      m.dataset.status = r.status;
      if (r.action) m.dataset.action = r.action;
      if (r.choices && r.choices.length) {
        const confirmId = r.confirmation ? r.confirmation.id : null;
        m.append(h('div', { class: 'row choices' }, r.choices.map(c => h('button', { type: 'button', class: 'small',
          onclick: () => (confirmId && c === 'yes') ? say('', confirmId) : say(c) }, c))));
      }
    } catch (e) {
      add('assistant', e.message).dataset.status = 'error';
    } finally {
      send.disabled = false;
      input.focus();
    }
  }

  (async () => {
    if (!has('GET /api/v1/command/history')) return;
    try {
      const hist = await api('GET', '/api/v1/command/history?user_id=' + CONVERSATION);
      for (const m of hist.messages ?? []) add(m.role, m.text);
      if (!log.childElementCount) log.append(h('p', { class: 'muted small', id: 'chat-empty' }, 'Say "help" to see what I understand.'));
    } catch { /* the box still works without its history */ }
  })();
}
