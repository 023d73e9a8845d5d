// A service's API (issue 14): what detection found, "Re-detect", a write-only credentials form with "Test connection"
// before saving, and a small explorer over the proxy. No credential value ever comes back to the browser.
import { api, has, h, clear } from './common.js';
import { toast, failed } from '../ui.js';
import { denied, csrfToken } from '../api.js';

export async function hubPanel(box, name) {
  const enc = encodeURIComponent(name);
  const detected = h('div', { id: 'hub-detected', class: 'small' });
  const creds = h('div', { id: 'hub-credentials' });
  const explorer = h('div', { id: 'hub-explorer' });
  clear(box, h('h3', {}, 'API'), detected, h('h3', {}, 'Credentials'), creds, h('h3', {}, 'API explorer'), explorer);

  const showDetection = (d) => {
    if (!d || d.method === 'not_detected') { clear(detected, h('p', { class: 'muted', id: 'hub-type' }, 'Not detected yet.')); return; }
    clear(detected, d.found
      ? h('p', {}, h('strong', { id: 'hub-type' }, d.type ?? 'unknown type'), ' at ', h('code', { id: 'hub-base' }, d.api_base),
          ` · auth ${d.auth_style ?? 'unknown'}`, d.version ? ` · version ${d.version}` : '', ` · found by ${d.method}`,
          d.offer ? h('span', { id: 'hub-offer' }, ` · Hearth's ${d.offer.kind} integration fits (${d.offer.fields.join(', ')})`) : '')
      : h('p', { class: 'muted', id: 'hub-type' }, 'No API found at this address.'));
  };
  const redetect = h('button', { type: 'button', id: 'hub-redetect' }, 'Re-detect');
  const redetectRoute = 'POST /api/v1/services/{name}/detect';
  if (denied(redetectRoute)) { redetect.disabled = true; redetect.title = denied(redetectRoute); }
  redetect.onclick = async () => {
    redetect.disabled = true;
    try { const r = await api('POST', `/api/v1/services/${enc}/detect?force=true`); showDetection(r.services[0]); toast('Detected', 'ok'); }
    catch (e) { toast(e.message, 'error'); }
    finally { redetect.disabled = false; }
  };
  box.insertBefore(h('div', { class: 'row' }, redetect), detected.nextSibling);
  if (has('GET /api/v1/services/{name}/api')) {
    try { showDetection(await api('GET', `/api/v1/services/${enc}/api`)); }
    catch (e) { clear(detected, failed('API', e)); }
  }

  // Credentials: the fields are never filled from the server; only "set" and when.
  const setRoute = 'PUT /api/v1/services/{name}/credentials';
  const status = h('ul', { id: 'hub-credential-status', class: 'small' });
  const field = (id, label, type) => h('label', { for: id }, label, h('input', { id, type, autocomplete: 'off' }));
  const form = h('form', { id: 'hub-credentials-form', class: 'stack', autocomplete: 'off' },
    field('hub-username', 'User name', 'text'), field('hub-password', 'Password', 'password'),
    field('hub-api-key', 'API key', 'password'), field('hub-token', 'Token', 'password'),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'hub-test' }, 'Test connection'),
      h('button', { type: 'submit', id: 'hub-save' }, 'Save')),
    h('p', { id: 'hub-test-result', class: 'small', role: 'status' }));
  const values = () => {
    const v = {};
    for (const [id, key] of [['hub-username', 'username'], ['hub-password', 'password'], ['hub-api-key', 'api_key'], ['hub-token', 'token']]) {
      const x = form.querySelector('#' + id).value;
      if (x) v[key] = x;
    }
    return v;
  };
  const loadStatus = async () => {
    try {
      const c = await api('GET', `/api/v1/services/${enc}/credentials`);
      clear(status, c.fields.length ? c.fields.map(f => h('li', { 'data-field': f.field },
        `${f.field}: set (${f.source}${f.set_at ? ', ' + new Date(f.set_at).toLocaleString() : ''})`)) : [h('li', { class: 'muted' }, 'None set.')]);
    } catch (e) { clear(status, h('li', {}, failed('Credentials', e))); }
  };
  form.querySelector('#hub-test').onclick = async () => {
    const out = form.querySelector('#hub-test-result');
    try {
      const r = await api('POST', `/api/v1/services/${enc}/credentials/test`, { credentials: values() });
      out.textContent = (r.ok ? 'Connected: ' : 'Failed: ') + r.message + ` (${r.path})`;
      out.dataset.ok = String(r.ok);
    } catch (e) { out.textContent = 'Failed: ' + e.message; out.dataset.ok = 'false'; }
  };
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const v = values();
    if (!Object.keys(v).length) { toast('Nothing to save', 'error'); return; }
    try {
      await api('PUT', `/api/v1/services/${enc}/credentials`, v);
      form.reset();
      toast('Credentials saved', 'ok');
      await loadStatus();
    } catch (e) { toast(e.message, 'error'); }
  };
  if (denied('GET /api/v1/services/{name}/credentials')) clear(creds, h('p', { class: 'na' }, 'Credentials: ' + denied('GET /api/v1/services/{name}/credentials') + '.'));
  else {
    clear(creds, status, denied(setRoute) ? h('p', { class: 'na' }, 'Setting credentials: ' + denied(setRoute) + '.') : form);
    await loadStatus();
  }

  // The explorer answers whatever the proxy says (the seed's {success, data} / {success: false, error}), any status.
  const method = h('select', { id: 'hub-method' }, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map(m => h('option', { value: m }, m)));
  const path = h('input', { id: 'hub-path', type: 'text', value: '/', 'aria-label': 'Path' });
  const body = h('textarea', { id: 'hub-body', rows: '3', 'aria-label': 'Body (JSON)', placeholder: 'Body (JSON), for POST/PUT/PATCH' });
  const result = h('pre', { id: 'hub-result', class: 'logs', tabindex: '0' });
  // Bytes that are not text come as base64; an image is shown, anything else offered as a download (?raw=true).
  const preview = h('div', { id: 'hub-preview' });
  const send = h('button', { type: 'button', id: 'hub-send' }, 'Send');
  send.onclick = async () => {
    const m = method.value;
    const headers = { Accept: 'application/json' };
    if (m !== 'GET') headers['X-CSRF-Token'] = csrfToken();
    let payload;
    if (m !== 'GET' && m !== 'DELETE' && body.value) { headers['Content-Type'] = 'application/json'; payload = body.value; }
    const res = await fetch(`/api/v1/services/${enc}/proxy?path=${encodeURIComponent(path.value)}`,
      { method: m, headers, body: payload, credentials: 'same-origin' });
    const text = await res.text();
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON: shown as it came */ }
    result.dataset.status = String(res.status);
    result.textContent = `HTTP ${res.status}\n` + shown;
    clear(preview);
    let answer = null;
    try { answer = JSON.parse(text); } catch { /* not JSON */ }
    if (m === 'GET' && answer && answer.success && answer.encoding === 'base64') {
      const raw = `/api/v1/services/${enc}/proxy?path=${encodeURIComponent(path.value)}&raw=true`;
      clear(preview, /^image\/(png|jpeg|gif|webp|avif|bmp)/.test(answer.content_type || '')
        ? h('img', { id: 'hub-image', src: raw, alt: 'The answer, as an image' })
        : h('a', { id: 'hub-download', href: raw, download: '' }, 'Download the answer'));
    }
  };
  if (denied('GET /api/v1/services/{name}/proxy')) clear(explorer, h('p', { class: 'na' }, 'Explorer: ' + denied('GET /api/v1/services/{name}/proxy') + '.'));
  else clear(explorer, h('div', { class: 'row' }, method, path, send), body, result, preview);
}
