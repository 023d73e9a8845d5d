// Adding a service from the browser (Homarr's and Uptime Kuma's way): name, URL, its kind and the kind's settings as
// its settings record lists them (secret ones as password fields, never shown again). Hearth asks the service before
// it saves anything: a refusal is shown here with its reason, and nothing is saved.
import { api, has } from '../api.js';
import { h, clear, guard, toast } from '../ui.js';

const ROUTE = 'POST /api/v1/services';

export async function addServiceCard(onAdded) {
  if (!has(ROUTE) || !has('GET /api/v1/integrations')) return null;
  let kinds = [];
  try { kinds = (await api('GET', '/api/v1/integrations')).integrations ?? []; } catch { return null; }
  const name = h('input', { id: 'add-name', required: true, pattern: '[a-z0-9][a-z0-9_\\-]{0,62}', placeholder: 'qbittorrent' });
  const url = h('input', { id: 'add-url', type: 'url', required: true, placeholder: 'http://192.168.1.10:8080' });
  const kind = h('select', { id: 'add-kind' }, kinds.map(k => h('option', { value: k.id }, `${k.name} (${k.id})`)));
  const group = h('input', { id: 'add-group', placeholder: 'Downloads' });
  const fields = h('div', { class: 'row', id: 'add-fields' });
  const error = h('p', { class: 'err-text', id: 'add-error', role: 'alert', hidden: true });
  const drawFields = () => {
    const k = kinds.find(x => x.id === kind.value);
    clear(fields, (k?.fields ?? []).map(f => h('label', { for: 'add-field-' + f.name }, f.name,
      h('input', { id: 'add-field-' + f.name, 'data-field': f.name, 'data-type': f.type,
        type: f.secret ? 'password' : 'text', autocomplete: f.secret ? 'new-password' : 'off' }))));
  };
  kind.value = kinds.some(k => k.id === 'qbittorrent') ? 'qbittorrent' : kinds[0]?.id ?? '';
  kind.addEventListener('change', drawFields);
  drawFields();
  const save = guard(h('button', { type: 'submit', class: 'primary', id: 'add-save' }, 'Test and save'), ROUTE);
  const form = h('form', { class: 'row', style: 'align-items:end', id: 'add-service' },
    h('label', { for: 'add-name' }, 'Name', name), h('label', { for: 'add-url' }, 'URL', url),
    h('label', { for: 'add-kind' }, 'Kind', kind), h('label', { for: 'add-group' }, 'Group', group), fields, save);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    const credentials = {};
    for (const input of fields.querySelectorAll('input[data-field]')) {
      if (input.value === '') continue;
      credentials[input.dataset.field] = input.dataset.type === 'int' || input.dataset.type === 'integer' ? Number(input.value) : input.value;
    }
    const body = { name: name.value.trim(), url: url.value.trim(), integration: kind.value, credentials };
    if (group.value.trim()) body.group = group.value.trim();
    save.disabled = true;
    try {
      await api('POST', '/api/v1/services', body);
      toast(`${body.name} answered and was saved`, 'ok');
      form.reset(); drawFields();
      onAdded();
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    } finally { save.disabled = false; guard(save, ROUTE); }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'add-svc' }, h('h2', { id: 'add-svc' }, 'Add a service'),
    h('p', { class: 'small muted' }, 'Hearth asks the service with these settings first and saves it only if it answers. ',
      'Services from hearth.yml are shown with their origin and are changed there.'), form, error);
}
