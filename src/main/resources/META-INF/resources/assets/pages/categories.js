// Download categories on the Settings page: each with where it comes from. One from hearth.yml (or the environment)
// is shown read-only, saying so; one added here can be edited or removed. Every change is a PATCH /api/v1/config
// (the config.update action), which checks the save path against the download roots before anything is saved.
import { api, has, h, clear, toast } from './common.js';
import { notAvailable, failed, guard, act, actionButton, confirmAction } from '../ui.js';

const PATCH = 'PATCH /api/v1/config';

/** The layer a category comes from: the highest of its keys' (environment over file over run-time). */
export function originOf(origins, prefix) {
  const rank = { runtime: 1, file: 2, environment: 3 };
  let best = 'default';
  for (const o of origins.keys ?? []) {
    if ((o.key === prefix || o.key.startsWith(prefix + '.')) && (rank[o.source] ?? 0) > (rank[best] ?? 0)) best = o.source;
  }
  return best;
}

export function originText(source, file) {
  return source === 'file' ? `from ${file || 'hearth.yml'} (read-only here: change it in the file)`
    : source === 'environment' ? 'from the environment (read-only here)'
      : source === 'runtime' ? 'added here' : 'default';
}

function errorText(err) {
  const roots = err.details?.allowed_roots;
  return err.message + (Array.isArray(roots) && roots.length ? ` — the download roots: ${roots.join(', ')}` : '');
}

export async function downloadCategories(card) {
  if (!has('GET /api/v1/config') || !has('GET /api/v1/config/origins')) {
    card.append(notAvailable('Download categories', 'GET /api/v1/config/origins')); return;
  }
  const body = h('div', { id: 'category-list' });
  const error = h('p', { class: 'err-text', id: 'cat-error', role: 'alert', hidden: true });
  const showError = (err) => { error.textContent = errorText(err); error.hidden = false; };
  const patch = (name, value) => api('PATCH', '/api/v1/config', { downloads: { categories: { [name]: value } } });
  const load = async () => {
    try {
      const [cfg, origins] = await Promise.all([api('GET', '/api/v1/config'), api('GET', '/api/v1/config/origins')]);
      const cats = cfg.downloads?.categories ?? {};
      const names = Object.keys(cats).sort();
      if (!names.length) {
        clear(body, h('p', { class: 'muted', 'data-empty': 'categories' }, 'No download categories: a category gives downloads of one kind '
          + '(movies, tv) their own folder inside the download directories and, with a library path, a library to be linked into. Add one below.'));
        return;
      }
      clear(body, h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Category'), h('th', {}, 'Save path'), h('th', {}, 'Library path'), h('th', {}, 'From'), h('th', {}, ''))),
        h('tbody', {}, names.map(n => row(n, cats[n], originOf(origins, `downloads.categories.${n}`), origins.file))))));
    } catch (e) { clear(body, failed('Download categories', e)); }
  };
  const row = (name, c, source, file) => {
    const from = h('td', { class: 'small muted', 'data-origin': source }, originText(source, file));
    if (source !== 'runtime') {
      return h('tr', { 'data-category': name, 'data-readonly': 'true' }, h('td', {}, name), h('td', {}, h('code', {}, c.save_path || '—')),
        h('td', {}, h('code', {}, c.library_path || '—')), from, h('td', {}));
    }
    const save = h('input', { value: c.save_path ?? '', 'aria-label': `save path of ${name}`, 'data-field': 'save_path' });
    const library = h('input', { value: c.library_path ?? '', 'aria-label': `library path of ${name}`, 'data-field': 'library_path' });
    const apply = actionButton('Save', PATCH, async () => {
      error.hidden = true;
      try { await patch(name, { save_path: save.value.trim(), library_path: library.value.trim() }); toast(`${name} saved`, 'ok'); load(); }
      catch (err) { showError(err); }
    }, { class: 'small', 'aria-label': `save ${name}` });
    const remove = actionButton('Remove', PATCH, async () => {
      if (!await confirmAction(`Remove the category “${name}”?`, 'Downloads already made keep their files; new ones cannot use it.', 'Remove')) return;
      if (await act(remove, () => patch(name, null), `${name} removed`) !== undefined) load();
    }, { class: 'small danger', 'aria-label': `remove ${name}` });
    return h('tr', { 'data-category': name }, h('td', {}, name), h('td', {}, save), h('td', {}, library), from,
      h('td', {}, h('div', { class: 'row' }, apply, remove)));
  };
  card.append(body);
  await load();
  const name = h('input', { id: 'cat-name', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9 _.\\-]{0,63}', placeholder: 'movies', autocomplete: 'off' });
  const savePath = h('input', { id: 'cat-save', required: true, placeholder: '/srv/downloads/movies', autocomplete: 'off' });
  const libraryPath = h('input', { id: 'cat-library', placeholder: '/srv/media/movies (optional)', autocomplete: 'off' });
  const add = guard(h('button', { type: 'submit', class: 'primary', id: 'cat-add' }, 'Add category'), PATCH);
  if (add.disabled) for (const el of [name, savePath, libraryPath]) { el.disabled = true; el.title = add.title; }
  const form = h('form', { class: 'row', style: 'align-items:end', id: 'add-category' },
    h('label', { for: 'cat-name' }, 'Name', name), h('label', { for: 'cat-save' }, 'Save path', savePath),
    h('label', { for: 'cat-library' }, 'Library path', libraryPath), add);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    add.disabled = true;
    try {
      await patch(name.value.trim(), { save_path: savePath.value.trim(), library_path: libraryPath.value.trim() });
      toast(`Category ${name.value.trim()} added`, 'ok');
      form.reset();
      load();
    } catch (err) { showError(err); }
    finally { add.disabled = false; guard(add, PATCH); }
  });
  card.append(h('h3', {}, 'Add a category'), h('p', { class: 'small muted' },
    'The save path must lie inside the download directories (downloads_dir, downloads.allowed_roots or another category\'s save path); '
    + 'Hearth checks it before saving. Finished downloads are linked or moved into the library path.'), form, error);
}
