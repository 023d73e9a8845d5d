// Media: now playing, recently added, what Sonarr/Radarr imported (their webhooks), requests to approve, the *arr queues and calendar (Lidarr's albums and Readarr's books too); find a title and download it.
import { api, has, h, clear } from './common.js';
import { notAvailable, failed, toast, act, actionButton, bytes, when } from '../ui.js';

// An episode names its series, season and number; an album or a book (Lidarr, Readarr) its artist or author.
const itemName = (i) => !i ? '—' : i.series_title && i.season != null
  ? `${i.series_title} S${String(i.season ?? 0).padStart(2, '0')}E${String(i.episode ?? 0).padStart(2, '0')} · ${i.title}`
  : (i.series_title ? `${i.series_title} – ` : '') + i.title + (i.year ? ` (${i.year})` : '');

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Media'));
  if (!has('GET /api/v1/media')) { scope.el.append(notAvailable('Media', 'GET /api/v1/media')); return; }

  const title = h('input', { id: 'media-title', type: 'text', placeholder: 'Title, e.g. Inception', 'aria-label': 'Title', required: true, maxlength: 200 });
  const year = h('input', { id: 'media-year', type: 'number', min: 1870, max: 2200, placeholder: 'Year', 'aria-label': 'Year (optional)', style: 'width:6rem' });
  const kind = h('select', { id: 'media-kind', 'aria-label': 'Kind' }, h('option', { value: 'movie' }, 'Movie'), h('option', { value: 'series' }, 'Series'));
  const result = h('div', { id: 'media-result', 'aria-live': 'polite' });
  const download = actionButton('Download', 'POST /api/v1/media/download', async () => {
    if (!title.value.trim()) { toast('Type a title first', 'error'); return; }
    const body = { title: title.value.trim(), kind: kind.value };
    if (year.value) body.year = Number(year.value);
    const answer = await act(download, () => api('POST', '/api/v1/media/download', body));
    if (answer) showAnswer(result, answer, (y) => { year.value = y; download.click(); });
  }, { id: 'media-download', class: 'primary' });
  // Search: every release the indexers offer for the title (the links stay on the server), each with its own
  // Download; the form's Download lets Hearth pick by the rules instead.
  const releases = h('div', { id: 'media-releases' });
  const searched = () => {
    const q = { title: title.value.trim(), kind: kind.value };
    if (year.value) q.year = Number(year.value);
    return q;
  };
  const search = actionButton('Search', 'GET /api/v1/media/search', async () => {
    if (!title.value.trim()) { toast('Type a title first', 'error'); return; }
    const q = searched();
    const term = q.year ? `${q.title} ${q.year}` : q.title;
    const found = await act(search, () => api('GET', `/api/v1/media/search?title=${encodeURIComponent(term)}&kind=${q.kind === 'series' ? 'series' : 'movie'}`));
    if (found) showReleases(releases, found, q, result);
  }, { id: 'media-search' });
  const form = h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); download.click(); } }, title, year, kind, download, search);

  const playing = h('div', { id: 'now-playing' });
  const recent = h('div', { id: 'recently-added' });
  const imported = h('div', { id: 'recently-imported' });
  const requests = h('div', { id: 'media-requests' });
  const queue = h('div', { id: 'media-queue' });
  const calendar = h('div', { id: 'media-calendar' });
  const problems = h('div', { id: 'media-problems' });
  const card = (label, body) => h('section', { class: 'card', 'aria-label': label }, h('h2', {}, label), body);
  scope.el.append(
    card('Find and download', h('div', {}, form, result, releases)), problems,
    h('div', { class: 'grid' }, card('Now playing', playing), card('Recently added', recent)),
    card('Recently imported', imported),
    card('Requests to approve', requests),
    h('div', { class: 'grid' }, card('Queue', queue), card('Calendar', calendar)));

  const load = async () => {
    let o;
    try { o = await api('GET', '/api/v1/media'); } catch (e) { clear(problems, failed('Media', e)); return; }
    clear(problems, o.problems.map(p => h('p', { class: 'small err', 'data-problem': p.service }, `${p.service}: ${p.message}`)));
    clear(playing, list(o.now_playing, s => h('li', { 'data-session': s.item.session_id },
      h('strong', {}, itemName(s.item.item)), ' ', h('span', { class: 'small muted' }, `${s.item.user} on ${s.item.player} · ${String(s.item.state).toLowerCase()} · ${s.service}`)), 'Nothing is playing.'));
    clear(recent, list(o.recently_added, r => h('li', {}, itemName(r.item.item), ' ', h('span', { class: 'small muted' }, `${r.item.library} · ${when(r.item.added_at)}`)), 'Nothing new.'));
    clear(imported, list(o.recently_imported, i => h('li', { 'data-app': i.app }, i.title, ' ', h('span', { class: 'small muted' },
      `${i.upgrade ? 'upgraded' : 'imported'} by ${i.instance} · ${when(i.imported_at)}`)), 'No imports told yet (Sonarr/Radarr → Connect → Webhook).'));
    clear(requests, list(o.requests, r => requestRow(r, load), 'No requests waiting.'));
    clear(queue, list(o.queue, q => h('li', {}, q.item.release, ' ', h('span', { class: 'small muted' }, `${q.item.status} · ${bytes(q.item.size - q.item.size_left)} of ${bytes(q.item.size)} · ${q.service}`)), 'The queue is empty.'));
    clear(calendar, list(o.calendar, c => h('li', {}, itemName(c.item.item), ' ', h('span', { class: 'small muted' }, `${when(c.item.when)} · ${c.service}`)), 'Nothing due this week.'));
  };
  await load();
  const timer = setInterval(load, 30000);
  scope.onLeave(() => clearInterval(timer));
}

function list(items, row, empty) {
  return items.length ? h('ul', { class: 'plain' }, items.map(row)) : h('p', { class: 'muted' }, empty);
}

function requestRow(r, refresh) {
  const m = r.item;
  const base = `/api/v1/media/requests/${encodeURIComponent(r.service)}/${m.id}`;
  const decide = (verb, label) => {
    const b = actionButton(label, `POST /api/v1/media/requests/{service}/{id}/${verb}`, async () => {
      if (await act(b, () => api('POST', `${base}/${verb}`), `${m.title}: ${verb}d`) !== undefined) refresh();
    }, { class: 'small', 'data-action': verb, 'aria-label': `${verb} ${m.title}` });
    return b;
  };
  return h('li', { 'data-request': m.id }, h('strong', {}, m.title), ' ',
    h('span', { class: 'small muted' }, `asked by ${m.requested_by} · ${r.service}`), ' ',
    h('span', { class: 'row' }, decide('approve', 'Approve'), decide('decline', 'Decline')));
}

function showAnswer(box, a, pickYear) {
  const candidates = (a.candidates ?? []).map(c => h('li', {},
    h('button', { type: 'button', class: 'small', 'data-year': c.year ?? '', onclick: () => c.year && pickYear(c.year) },
      c.title + (c.year ? ` (${c.year})` : '')), ' ', h('span', { class: 'small muted' }, c.detail ?? '')));
  clear(box, h('div', { class: 'card', 'data-outcome': a.outcome },
    h('p', {}, h('strong', {}, a.outcome.replace('_', ' ')), ' — ', a.reason),
    candidates.length ? h('ul', { class: 'plain', id: 'media-candidates' }, candidates) : null));
}

function showReleases(box, found, q, result) {
  const kindWord = q.kind === 'series' ? 'series' : 'movie';
  const row = (r) => {
    const b = actionButton('Download', 'POST /api/v1/media/download/release', async () => {
      const body = { title: q.title, kind: kindWord, release: r.title, indexer: r.indexer };
      if (q.year) body.year = q.year;
      const answer = await act(b, () => api('POST', '/api/v1/media/download/release', body));
      if (answer) showAnswer(result, answer, () => {});
    }, { class: 'small', 'aria-label': `Download ${r.title}` });
    return h('tr', { 'data-release': r.title },
      h('td', {}, r.title), h('td', { class: 'num' }, bytes(r.size)), h('td', { class: 'num' }, String(r.seeders)),
      h('td', {}, r.indexer), h('td', {}, b));
  };
  const failed = found.failed.length ? h('p', { class: 'small err' }, `No answer from ${found.failed.join(', ')}`) : null;
  clear(box, found.releases.length
    ? h('table', { class: 'table', 'aria-label': `Releases of ${found.title}` },
        h('thead', {}, h('tr', {}, h('th', {}, 'Release'), h('th', {}, 'Size'), h('th', {}, 'Seeders'), h('th', {}, 'Indexer'), h('th', {}, ''))),
        h('tbody', {}, found.releases.map(row)))
    : h('p', { class: 'muted' }, `No release of ${found.title} found.`), failed);
}
