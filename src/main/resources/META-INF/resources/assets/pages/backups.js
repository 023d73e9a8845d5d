// Backups: make one, the list (download, verify, delete), and restore with the backup's name typed out.
import { api, has, h, clear } from './common.js';
import { notAvailable, failed, guard, act, actionButton, confirmAction, toast, tone, when } from '../ui.js';
import { post, del, denied } from '../api.js';

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Backups'));
  if (!has('GET /api/v1/backups')) { scope.el.append(notAvailable('Backups', 'GET /api/v1/backups')); return; }
  const banner = h('div', { id: 'backup-banner' });
  const make = h('section', { class: 'card', 'aria-labelledby': 'bk-make' }, h('h2', { id: 'bk-make' }, 'Make a backup'));
  const listCard = h('section', { class: 'card', 'aria-labelledby': 'bk-list', style: 'margin-top:1rem' }, h('h2', { id: 'bk-list' }, 'Backups'));
  const list = h('div', { id: 'backup-list' });
  listCard.append(list);
  scope.el.append(banner, make, listCard);

  const load = async () => {
    let d;
    try { d = await api('GET', '/api/v1/backups?limit=1000'); } catch (e) { clear(list, failed('Backups', e)); return; }
    const notes = [];
    if (d.last_restore) notes.push(h('p', { class: 'card ' + tone(d.last_restore.outcome === 'completed' ? 'ok' : 'error'), id: 'last-restore' },
      `Last restore: ${d.last_restore.backup} ${d.last_restore.outcome}. ${d.last_restore.message}`));
    if (d.next_scheduled) notes.push(h('p', { class: 'small muted' }, 'Next scheduled backup: ' + when(d.next_scheduled)));
    clear(banner, notes);
    const rows = d.backups ?? [];
    clear(list, rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'File'), h('th', {}, 'Size'), h('th', { class: 'hide-narrow' }, 'Made'),
        h('th', { class: 'hide-narrow' }, 'Description'), h('th', {}, 'Status'), h('th', {}, 'Actions'))),
      h('tbody', {}, rows.map(b => row(b, load))))) : h('p', { class: 'muted' }, 'No backups yet.'));
    if (d.has_more) list.append(h('p', { class: 'small muted', id: 'backup-more' }, `The newest ${rows.length} of ${d.total} backups are shown.`));
  };

  const name = h('input', { id: 'backup-name', value: 'backup', pattern: '[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}', required: true, 'aria-describedby': 'backup-name-help' });
  const description = h('input', { id: 'backup-description', maxlength: 500, placeholder: 'e.g. before the upgrade' });
  const submit = guard(h('button', { type: 'submit', class: 'primary', id: 'backup-create' }, 'Make backup'), 'POST /api/v1/backups');
  name.disabled = description.disabled = submit.disabled;
  const form = h('form', { class: 'stack' },
    h('label', { for: 'backup-name' }, 'Name'), name,
    h('span', { class: 'small muted', id: 'backup-name-help' }, 'Letters, digits, - and _; the file is <name>_<date>_<time>.tar.gz'),
    h('label', { for: 'backup-description' }, 'Description'), description, h('div', {}, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await act(submit, () => post('/api/v1/backups', { name: name.value.trim(), description: description.value }), 'Backup made');
    if (r !== undefined) { description.value = ''; await load(); }
  });
  make.append(form);
  await load();
  scope.fallback(load);
}

function row(b, load) {
  const enc = encodeURIComponent(b.id);
  const downloadRoute = 'GET /api/v1/backups/{id}/download';
  const download = denied(downloadRoute) || b.status !== 'completed'
    ? guard(h('button', { type: 'button', class: 'small', disabled: b.status !== 'completed', 'data-action': 'download' }, 'Download'), downloadRoute)
    : h('a', { class: 'btn small', href: `/api/v1/backups/${enc}/download`, download: b.filename, 'data-action': 'download' }, 'Download');
  const verify = actionButton('Verify', 'POST /api/v1/backups/{id}/verify', async () => {
    const r = await act(verify, () => post(`/api/v1/backups/${enc}/verify`));
    if (r === undefined) return;
    if (r.ok) toast(`${b.filename}: all ${r.files_checked} files match their checksums`, 'ok');
    else toast(`${b.filename} is damaged: ${r.problems[0]}`, 'error');
    await load();
  }, { class: 'small', 'data-action': 'verify', 'aria-label': `verify ${b.filename}` });
  const restore = actionButton('Restore', 'POST /api/v1/backups/{id}/restore', () => restoreDialog(b, restore),
    { class: 'small danger', 'data-action': 'restore', 'aria-label': `restore ${b.filename}` });
  const remove = actionButton('Delete', 'DELETE /api/v1/backups/{id}', async () => {
    if (!await confirmAction(`Delete ${b.filename}?`, 'The file, its remote copy and its entry are deleted.', 'Delete')) return;
    if (await act(remove, () => del(`/api/v1/backups/${enc}`), `${b.filename} deleted`) !== undefined) await load();
  }, { class: 'small danger', 'data-action': 'delete', 'aria-label': `delete ${b.filename}` });
  if (b.status !== 'completed') for (const x of [verify, restore]) { x.disabled = true; x.title = `This backup is ${b.status}`; }
  return h('tr', { 'data-backup': b.id, 'data-name': b.name },
    h('td', {}, h('div', { class: 'name' }, b.filename), b.encrypted ? h('span', { class: 'small muted' }, 'encrypted') : null,
      b.error ? h('div', { class: 'small err-text' }, b.error) : null),
    h('td', { class: 'small' }, b.size),
    h('td', { class: 'small hide-narrow' }, when(b.timestamp)),
    h('td', { class: 'small hide-narrow' }, b.description),
    h('td', {}, h('span', { class: 'badge ' + tone(b.status === 'completed' ? 'ok' : b.status), 'data-state': b.status }, b.status),
      b.verify_result ? h('div', { class: 'small ' + (b.verify_result === 'ok' ? 's-ok' : 's-err') }, 'verified: ' + (b.verify_result === 'ok' ? 'ok' : 'damaged')) : null),
    h('td', {}, h('div', { class: 'row' }, download, verify, restore, remove)));
}

let dialog;
/** The restore asks for the backup's name, typed out: the confirm button stays disabled until it matches. */
function restoreDialog(b, button) {
  dialog ??= document.body.appendChild(h('dialog', { 'aria-labelledby': 'restore-title', id: 'restore-dialog' }));
  const typed = h('input', { id: 'restore-confirm', autocomplete: 'off', 'aria-describedby': 'restore-text' });
  const yes = h('button', { class: 'primary', type: 'submit', value: 'yes', id: 'restore-yes', disabled: true }, 'Restore');
  typed.addEventListener('input', () => { yes.disabled = typed.value !== b.name; });
  const form = h('form', { method: 'dialog', class: 'stack' },
    h('h2', { id: 'restore-title' }, `Restore ${b.filename}?`),
    h('p', { id: 'restore-text' }, `Hearth goes back to ${new Date(b.timestamp).toLocaleString()}: everything done since then is lost. `
      + 'It checks the backup, stops, swaps it in and starts again by itself.'),
    h('label', { for: 'restore-confirm' }, `Type the backup's name, “${b.name}”, to confirm`), typed,
    h('div', { class: 'row' }, yes, h('button', { type: 'submit', value: 'no' }, 'Cancel')));
  clear(dialog, form);
  dialog.returnValue = '';
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'yes' || typed.value !== b.name) return;
    const r = await act(button, () => post(`/api/v1/backups/${encodeURIComponent(b.id)}/restore`, { confirm: typed.value }));
    if (r === undefined) return;
    toast(r.message, 'ok');
    const main = document.getElementById('main');
    main.prepend(h('p', { class: 'card', role: 'status', id: 'restoring' }, 'Restoring: Hearth is restarting; this page reloads when it is back.'));
    await waitForRestart();
  };
  dialog.showModal();
  typed.focus();
}

async function waitForRestart() {
  let wentDown = false;
  for (let i = 0; i < 240; i++) {
    await new Promise(r => setTimeout(r, 1000));
    try {
      const res = await fetch('/health', { cache: 'no-store' });
      if (res.ok && wentDown) { location.reload(); return; }
      if (!res.ok) wentDown = true;
    } catch { wentDown = true; }
  }
}
