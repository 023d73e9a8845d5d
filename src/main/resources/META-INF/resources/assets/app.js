// The dashboard shell: who is signed in, the theme, the live indicator, and a hash router with one module per page.
import { get, post, setMe, whoami } from './api.js';
import { h, clear, toast } from './ui.js';
import { live, describe } from './live.js';
import { startDesktopAlerts } from './desktop.js';

const PAGES = {
  overview: ['Overview', () => import('./pages/overview.js')],
  services: ['Services', () => import('./pages/services.js')],
  downloads: ['Downloads', () => import('./pages/downloads.js')],
  media: ['Media', () => import('./pages/media.js')],
  monitoring: ['Monitoring', () => import('./pages/monitoring.js')],
  alerts: ['Alerts', () => import('./pages/alerts.js')],
  backups: ['Backups', () => import('./pages/backups.js')],
  minecraft: ['Minecraft', () => import('./pages/minecraft.js')],
  plugins: ['Plugins', () => import('./pages/plugins.js')],
  settings: ['Settings', () => import('./pages/settings.js')],
  admin: ['Admin console', () => import('./pages/admin.js'), 'admin'],
};
const RANK = { viewer: 1, operator: 2, admin: 3 };
/** A page that needs a role (the Admin console) exists only for callers who have it: no link, and its address shows the overview. */
const allowed = (name) => !PAGES[name][2] || (RANK[whoami().role] ?? 0) >= RANK[PAGES[name][2]];

const main = document.getElementById('main');
let cleanups = [];

/** What a page gets: where to draw, and a way to register what to undo when the user leaves it. */
function scope() {
  const own = [];
  cleanups = own;
  return { el: main, onLeave: (fn) => own.push(fn), live: (ch, fn) => own.push(live.on(ch, fn)), fallback: (fn) => own.push(live.whileDown(fn)) };
}

async function route() {
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'overview').split('/');
  const page = PAGES[name] && allowed(name) ? name : 'overview';
  cleanups.forEach(f => { try { f(); } catch { /* leaving anyway */ } });
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.title = PAGES[page][0] + ' · Hearth';
  clear(main, h('p', { class: 'muted' }, 'Loading…'));
  const mod = await PAGES[page][1]();
  const s = scope();
  clear(main);
  main.dataset.page = page;
  await mod.render(s, rest.map(decodeURIComponent));
  main.dataset.ready = page;
  if (!performance.getEntriesByName('hearth-ready').length) performance.mark('hearth-ready');  // first page drawn, for bench/dashboard.sh
}

function theme() {
  const btn = document.getElementById('theme');
  const show = () => { const t = document.documentElement.dataset.theme; btn.textContent = t === 'dark' ? 'Light theme' : 'Dark theme'; btn.setAttribute('aria-pressed', String(t === 'light')); };
  btn.onclick = () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    localStorage.setItem('hearth-theme', next);
    show();
  };
  show();
}

async function boot() {
  theme();
  const me = await get('/api/v1/auth/me');
  setMe(me);
  document.getElementById('me').textContent = `${me.name} (${me.role})`;
  const nav = document.querySelector('.nav');
  for (const [name, [title, , role]] of Object.entries(PAGES)) {
    if (!role || !allowed(name)) continue;
    const link = Object.assign(document.createElement('a'), { href: '#/' + name, textContent: title });
    link.dataset.page = name;
    nav.append(link);
  }
  document.getElementById('logout').onclick = async () => {
    try { await post('/api/v1/auth/logout'); } catch (e) { toast(e.message, 'error'); return; }
    location.href = '/login';
  };
  const badge = document.getElementById('live');
  live.onState(s => { const [text, title] = describe(s); badge.textContent = text; badge.title = title; badge.dataset.state = s; });
  startDesktopAlerts(live);
  live.start();
  window.addEventListener('hashchange', route);
  await route();
}

boot().catch(e => { clear(main, h('p', { class: 'na err-text', role: 'alert' }, 'The dashboard could not start: ' + e.message)); });
export { whoami };
