// Admin console: the server's shell, a Python worker with its variables, files inside the allowed roots and
// background jobs (remote administration: admin only, and off unless hearth.yml turns it on).
import { api, has, h, clear, toast } from './common.js';
import { failed, when, bytes, tone, act, guard, confirmAction } from '../ui.js';

const A = '/api/v1/admin';

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Admin console'));
  if (!has(`POST ${A}/shell`)) { scope.el.append(offNotice()); return; }
  const status = h('section', { class: 'card', id: 'admin-status', 'aria-label': 'Remote administration settings' });
  const shell = card('admin-shell', 'Shell');
  const python = card('admin-python', 'Python');
  const files = card('admin-files', 'Files');
  const jobs = card('admin-jobs', 'Jobs');
  scope.el.append(status, h('div', { class: 'cols' }, shell, python), h('div', { class: 'cols' }, files, jobs));
  await Promise.all([statusCard(status), shellPane(shell), pythonPane(python), filePane(files), jobPane(jobs, scope)]);
}

function card(id, title) {
  return h('section', { class: 'card', id, 'aria-labelledby': id + '-title' }, h('h2', { id: id + '-title' }, title));
}

function offNotice() {
  return h('section', { class: 'card', id: 'admin-off' },
    h('p', {}, h('strong', {}, 'Remote administration is off.'), ' It runs commands and Python on this server, so it starts off and only ',
      h('code', {}, 'hearth.yml'), ' can turn it on — not the API, not this page.'),
    h('p', {}, 'To turn it on, add this to hearth.yml and restart Hearth:'),
    h('pre', { class: 'once', id: 'admin-howto' }, 'remote_admin:\n  enabled: true\n  workspace: /srv/hearth-workspace   # where commands start\n  run_as: nobody                      # when Hearth runs as root'),
    h('p', { class: 'small muted' }, 'Every setting is described in docs/configuration.md, under “Remote administration”.'));
}

async function statusCard(el) {
  try {
    const s = await api('GET', `${A}/status`);
    el.append(h('p', { class: 'small', style: 'margin:0' },
      `Runs as ${s.run_as} in `, h('code', {}, s.workspace), ` · shell ${s.shell ? 'on (sh -c)' : 'off (no shell: words only)'} · `,
      `time limit ${s.limits.timeout_seconds} s (at most ${s.limits.max_timeout_seconds} s) · output kept ${bytes(s.limits.max_output_bytes)} · `,
      `files in ${s.roots.join(', ')}`));
  } catch (e) { el.append(failed('Status', e)); }
}

function line(text, cls) { return h('span', { class: cls }, text.endsWith('\n') || !text ? text : text + '\n'); }

async function shellPane(el) {
  const out = h('pre', { class: 'logs term', id: 'shell-output', tabindex: '0', 'aria-label': 'Shell output', 'aria-live': 'polite' });
  const input = h('input', { id: 'shell-command', class: 'mono', autocomplete: 'off', spellcheck: 'false', style: 'flex:1;min-width:12rem', placeholder: 'ls -la' });
  const timeout = h('input', { id: 'shell-timeout', type: 'number', min: 1, style: 'width:5.5rem', 'aria-label': 'Time limit in seconds', placeholder: 'secs' });
  const run = guard(h('button', { type: 'submit', class: 'primary' }, 'Run'), `POST ${A}/shell`);
  const typed = [];
  let back = 0;
  try {
    const d = await api('GET', `${A}/history?limit=50`);
    d.history.filter(x => x.type === 'shell').reverse().forEach(x => typed.push(x.input));
    if (typed.length) out.append(line(`${typed.length} earlier command(s): ↑ and ↓ recall them`, 'note-line'));
  } catch (e) { out.append(line('History: ' + e.message, 'err-line')); }
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowUp' && back < typed.length) { back++; input.value = typed[typed.length - back]; e.preventDefault(); }
    if (e.key === 'ArrowDown' && back > 0) { back--; input.value = back ? typed[typed.length - back] : ''; e.preventDefault(); }
  });
  const form = h('form', { class: 'row', style: 'margin-top:.5rem' },
    h('label', { for: 'shell-command', class: 'inline', style: 'flex:1' }, '$', input), timeout, run);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const command = input.value.trim();
    if (!command) return;
    typed.push(command); back = 0;
    out.append(line('$ ' + command, 'cmd-line'));
    const body = { command };
    if (timeout.value) body.timeout = Number(timeout.value);
    const r = await act(run, () => api('POST', `${A}/shell`, body));
    if (r === undefined) { out.append(line('refused (see the message)', 'err-line')); }
    else {
      if (r.stdout) out.append(line(r.stdout, ''));
      if (r.stderr) out.append(line(r.stderr, 'err-line'));
      const notes = [r.timed_out ? 'timed out: killed with everything it started' : `exit ${r.code}`, r.truncated ? 'output cut at the limit' : '', `${r.duration_ms} ms`];
      out.append(line('[' + notes.filter(Boolean).join(' · ') + ']', 'note-line'));
      input.value = '';
    }
    out.scrollTop = out.scrollHeight;
  });
  el.append(out, form);
}

async function pythonPane(el) {
  const code = h('textarea', { id: 'py-code', class: 'code', rows: 5, spellcheck: 'false', placeholder: "x = 41 + 1\nprint('hello')" });
  const run = guard(h('button', { type: 'submit', class: 'primary' }, 'Run'), `POST ${A}/python/execute`);
  const restart = guard(h('button', { type: 'button' }, 'Restart worker'), `POST ${A}/python/restart`);
  const out = h('pre', { class: 'logs term', id: 'py-output', style: 'height:160px', tabindex: '0', 'aria-label': 'Python output' });
  const vars = h('div', { id: 'py-vars' });
  const showVars = (v) => {
    const names = Object.keys(v || {}).sort();
    clear(vars, names.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Variable'), h('th', {}, 'Type'), h('th', {}, 'Value'), h('th', {}, ''))),
      h('tbody', {}, names.map(n => {
        const del = guard(h('button', { type: 'button', class: 'small danger', 'aria-label': `delete variable ${n}` }, 'Delete'), `DELETE ${A}/python/variables/{name}`);
        del.onclick = async () => { if (await act(del, () => api('DELETE', `${A}/python/variables/${encodeURIComponent(n)}`), `${n} deleted`) !== undefined) load(); };
        const value = v[n].representable ? JSON.stringify(v[n].value) : '—';
        return h('tr', { 'data-var': n }, h('td', { class: 'mono' }, n), h('td', { class: 'small muted' }, v[n].type),
          h('td', { class: 'mono small', style: 'overflow-wrap:anywhere' }, value.length > 200 ? value.slice(0, 200) + '…' : value), h('td', {}, del));
      })))) : h('p', { class: 'muted small' }, 'No variables yet.'));
  };
  const load = async () => { try { showVars((await api('GET', `${A}/python/variables`)).variables); } catch (e) { clear(vars, failed('Variables', e)); } };
  const form = h('form', { class: 'stack' }, h('label', { for: 'py-code' }, 'Code (Ctrl+Enter runs it)', code), h('div', { class: 'row' }, run, restart));
  code.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); } });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await act(run, () => api('POST', `${A}/python/execute`, { code: code.value }));
    if (r === undefined) return;
    clear(out, r.output ? line(r.output, '') : null, r.error ? line(r.error, 'err-line') : null,
      r.worker_restarted ? line('The worker was restarted: its variables are lost.', 'note-line') : null,
      r.truncated ? line('[output cut at the limit]', 'note-line') : null);
    showVars(r.variables);
  });
  restart.onclick = async () => {
    if (!await confirmAction('Restart the Python worker?', 'Its variables are lost.', 'Restart')) return;
    if (await act(restart, () => api('POST', `${A}/python/restart`), 'Worker stopped') !== undefined) load();
  };
  el.append(form, out, h('h3', { style: 'margin-top:.75rem' }, 'Variables'), vars);
  await load();
}

async function filePane(el) {
  const path = h('input', { id: 'files-path', class: 'mono', style: 'flex:1;min-width:10rem', 'aria-label': 'Directory' });
  const up = h('button', { type: 'button', class: 'small' }, 'Up');
  const go = h('button', { type: 'submit', class: 'small' }, 'Open');
  const list = h('div', { id: 'files-list' });
  const file = h('input', { type: 'file', id: 'upload-file' });
  const send = guard(h('button', { type: 'submit', class: 'primary' }, 'Upload here'), `POST ${A}/files`);
  let current = '';
  const load = async (dir) => {
    try {
      const d = await api('GET', `${A}/files?path=${encodeURIComponent(dir)}`);
      current = d.path; path.value = d.path; up.disabled = d.path === d.root;
      clear(list, d.items.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Size'), h('th', { class: 'hide-narrow' }, 'Modified'))),
        h('tbody', {}, d.items.map(f => h('tr', { 'data-file': f.name },
          h('td', {}, f.type === 'dir' ? h('button', { type: 'button', class: 'small', onclick: () => load(f.path) }, f.name + '/')
            : f.type === 'file' ? h('a', { href: `${A}/files/content?path=${encodeURIComponent(f.path)}`, download: f.name }, f.name)
              : h('span', { class: 'muted' }, `${f.name} (${f.type})`)),
          h('td', { class: 'small' }, f.type === 'file' ? bytes(f.size) : ''),
          h('td', { class: 'small muted hide-narrow' }, when(f.modified))))))) : h('p', { class: 'muted small' }, 'Empty.'),
        d.has_more ? h('p', { class: 'small muted' }, `${d.total - d.items.length} more not shown`) : null);
    } catch (e) { clear(list, failed('Files', e)); }
  };
  up.onclick = () => load(current.replace(/\/[^/]+$/, '') || '/');
  const nav = h('form', { class: 'row' }, path, go, up);
  nav.addEventListener('submit', (e) => { e.preventDefault(); load(path.value.trim()); });
  const upload = h('form', { class: 'row', style: 'margin-top:.5rem' }, h('label', { for: 'upload-file', class: 'inline' }, 'File', file), send);
  upload.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!file.files.length) { toast('Choose a file first', 'error'); return; }
    const body = new FormData();
    body.append('file', file.files[0]);
    body.append('path', current);
    const r = await act(send, () => api('POST', `${A}/files`, body));
    if (r !== undefined) { toast(`Uploaded ${r.filename} (${bytes(r.size)})`, 'ok'); upload.reset(); load(current); }
  });
  el.append(nav, list, upload);
  await load('');
}

async function jobPane(el, scope) {
  const kind = h('select', { id: 'job-kind', 'aria-label': 'Kind of job' }, h('option', { value: 'python' }, 'Python'), h('option', { value: 'shell' }, 'Command'));
  const text = h('textarea', { id: 'job-input', class: 'code', rows: 3, spellcheck: 'false', placeholder: "import time\ntime.sleep(10)\nprint('Done')" });
  const start = guard(h('button', { type: 'submit', class: 'primary' }, 'Start job'), `POST ${A}/jobs`);
  const table = h('div', { id: 'job-list' });
  let timer = null;
  const load = async () => {
    try {
      const d = await api('GET', `${A}/jobs?limit=20`);
      clear(table, d.jobs.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Job'), h('th', {}, 'Status'), h('th', {}, 'Result'), h('th', {}, ''))),
        h('tbody', {}, d.jobs.map(j => {
          const cancel = guard(h('button', { type: 'button', class: 'small danger', 'aria-label': `cancel job ${j.id}` }, 'Cancel'), `POST ${A}/jobs/{id}/cancel`);
          cancel.onclick = async () => { if (await act(cancel, () => api('POST', `${A}/jobs/${j.id}/cancel`), 'Job cancelled') !== undefined) load(); };
          const result = (j.result || j.error || '').trim();
          return h('tr', { 'data-job': j.id, 'data-status': j.status },
            h('td', {}, h('div', { class: 'mono small' }, j.kind + ': ' + (j.input.length > 60 ? j.input.slice(0, 60) + '…' : j.input)),
              h('span', { class: 'small muted' }, when(j.created_at) + (j.finished_at ? ' → ' + when(j.finished_at) : ''))),
            h('td', {}, h('span', { class: 'badge ' + tone(j.status === 'done' ? 'ok' : j.status) }, j.status)),
            h('td', { class: 'mono small', style: 'overflow-wrap:anywhere' }, result.length > 120 ? result.slice(0, 120) + '…' : result),
            h('td', {}, j.status === 'queued' || j.status === 'running' ? cancel : null));
        })))) : h('p', { class: 'muted small' }, 'No jobs yet.'));
      const active = d.jobs.some(j => j.status === 'queued' || j.status === 'running');
      clearTimeout(timer);
      if (active) timer = setTimeout(load, 1500);
    } catch (e) { clear(table, failed('Jobs', e)); }
  };
  scope.onLeave(() => clearTimeout(timer));
  const form = h('form', { class: 'stack' }, h('div', { class: 'row' }, kind), h('label', { for: 'job-input' }, 'Code or command', text), h('div', {}, start));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = kind.value === 'python' ? { kind: 'python', code: text.value } : { kind: 'shell', command: text.value };
    const r = await act(start, () => api('POST', `${A}/jobs`, body));
    if (r !== undefined) { toast(`Job ${r.id} ${r.status}`, 'ok'); load(); }
  });
  el.append(form, h('h3', { style: 'margin-top:.75rem' }, 'Recent jobs'), table);
  await load();
}
