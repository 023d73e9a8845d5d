// Monitoring: CPU, memory and disk over the last 1 h, 24 h, 7 d or 30 d, drawn with uPlot. The chosen window is the
// x axis, now at its right edge; each point is one bucket of the resolution asked for (1 min for the last hour), a
// stretch without buckets is drawn as a gap, and live samples fold into the newest bucket as they arrive.
import { api, has, h, clear, readings } from './common.js';
import { notAvailable, failed } from '../ui.js';
import { uplot, cssVar } from '../chart.js';

/** window in seconds, bucket in seconds, and how the API spells that bucket */
const RANGES = { '1h': [3600, 60, '1m'], '24h': [86400, 300, '5m'], '7d': [7 * 86400, 3600, '1h'], '30d': [30 * 86400, 3600, '1h'] };
const LABELS = { '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d' };
const BUCKET_WORDS = { 60: '1 min', 300: '5 min', 3600: '1 h' };
const KEYS = ['cpu', 'memory', 'disk'];

const nowSec = () => Date.now() / 1000;

/**
 * The spacing points are expected at: the bucket, or what the points themselves show when Hearth samples less
 * often than once a bucket (the median gap between neighbours, so one outage does not set it).
 */
export function expectedStep(points, bucket) {
  const gaps = [];
  for (let i = 1; i < points.length; i++) gaps.push(points[i].t - points[i - 1].t);
  if (!gaps.length) return bucket;
  gaps.sort((a, b) => a - b);
  return Math.max(bucket, gaps[Math.floor(gaps.length / 2)]);
}

/** uPlot's columns, with a null row wherever neighbours lie further apart than 1.5 steps: a gap stays a gap. */
export function columns(points, bucket) {
  const step = expectedStep(points, bucket);
  const out = [[], [], [], []];
  let gaps = 0;
  points.forEach((p, i) => {
    if (i > 0 && p.t - points[i - 1].t > 1.5 * step) {
      out[0].push(points[i - 1].t + step); out[1].push(null); out[2].push(null); out[3].push(null);
      gaps++;
    }
    out[0].push(p.t); out[1].push(p.cpu ?? null); out[2].push(p.memory ?? null); out[3].push(p.disk ?? null);
  });
  return { data: out, gaps };
}

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Monitoring'));
  const route = 'GET /api/v1/metrics/history';
  if (!has(route)) { scope.el.append(notAvailable('Metrics history', route)); return; }
  let range = '1h';
  const tabs = h('div', { class: 'tabs', role: 'group', 'aria-label': 'Range' });
  const chartBox = h('div', { class: 'chart', id: 'history-chart', role: 'img', 'aria-label': 'CPU, memory and disk usage over time' });
  const note = h('p', { class: 'small muted', id: 'history-note', 'aria-live': 'polite' });
  scope.el.append(h('section', { class: 'card' }, tabs, chartBox, note));
  const U = await uplot();
  let plot = null;
  let points = [];     // {t, cpu, memory, disk, n}: one per bucket, oldest first
  let seenUntil = 0;   // live samples up to here are in the history answer already
  let loading = 0;

  const chartWidth = () => chartBox.clientWidth || 600;   // the card's width, whatever the screen: never wider
  const window_ = () => RANGES[range][0];
  const bucket = () => RANGES[range][1];

  const describe = (gaps) => {
    const span = window_(), step = bucket();
    if (!points.length) {
      chartBox.dataset.history = 'empty';
      return 'No history yet: Hearth samples this host every few seconds and keeps what it saw, so the first point appears within a minute.';
    }
    const first = points[0].t;
    const recorded = nowSec() - first;
    const words = `${points.length} point${points.length === 1 ? '' : 's'} of ${BUCKET_WORDS[step]} each`
      + (gaps ? `; ${gaps} gap${gaps === 1 ? '' : 's'} where Hearth recorded nothing (it was not running)` : '') + '.';
    if (first > nowSec() - span + 2 * step) {
      chartBox.dataset.history = 'young';
      return `History starts at ${new Date(first * 1000).toLocaleString()}: Hearth has recorded for ${ago(recorded)} of this ${LABELS[range]} window, `
        + `and the chart fills in as it goes on. ${words}`;
    }
    chartBox.dataset.history = 'full';
    return words;
  };

  const redraw = () => {
    const { data, gaps } = columns(points, bucket());
    note.textContent = describe(gaps);
    chartBox.dataset.points = String(points.length);
    if (plot) { plot.setData(data); return; }
    const width = chartWidth();
    const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--line'), width: 1 }, ticks: { stroke: cssVar('--line') } };
    plot = new U({
      width, height: 300,
      // the window is the axis: now at the right edge, however little history there is
      scales: { x: { time: true, range: () => { const now = nowSec(); return [now - window_(), now]; } }, y: { range: [0, 100] } },
      axes: [{ ...axis, space: width < 600 ? 90 : 70 }, { ...axis, size: 56, values: (u, v) => v.map(x => x + ' %') }],
      series: [{}, { label: 'CPU', stroke: cssVar('--accent'), width: 2 }, { label: 'Memory', stroke: cssVar('--info'), width: 2 },
        { label: 'Disk', stroke: cssVar('--ok'), width: 2 }],
    }, data, chartBox);
  };

  const load = async () => {
    const ticket = ++loading;
    const [secs, , resolution] = RANGES[range];
    const end = new Date(), start = new Date(end - secs * 1000);
    try {
      const r = await api('GET', `/api/v1/metrics/history?start=${start.toISOString()}&end=${end.toISOString()}&resolution=${resolution}`);
      if (ticket !== loading) return;   // another range was chosen meanwhile
      points = (r.metrics ?? []).map(m => ({ m, x: readings(m) })).filter(({ x }) => x.timestamp)
        .map(({ m, x }) => ({ t: Date.parse(x.timestamp) / 1000, cpu: x.cpu, memory: x.memory, disk: x.disk, n: m.samples || 1 }));
      seenUntil = Date.parse(r.end ?? end.toISOString()) / 1000;
      plot?.destroy();
      plot = null;
      redraw();
    } catch (e) { plot?.destroy(); plot = null; clear(chartBox, failed('History', e)); }
  };

  /** A live sample joins the newest bucket (a weighted mean, as the server's rollups are) or opens the next one. */
  const fold = (m) => {
    const x = readings(m);
    const t = x.timestamp ? Date.parse(x.timestamp) / 1000 : nowSec();
    if (t <= seenUntil) return;
    const at = Math.floor(t / bucket()) * bucket();
    const last = points[points.length - 1];
    if (last && last.t === at) {
      for (const k of KEYS) if (x[k] != null) last[k] = last[k] == null ? x[k] : (last[k] * last.n + x[k]) / (last.n + 1);
      last.n++;
    } else {
      points.push({ t: at, cpu: x.cpu ?? null, memory: x.memory ?? null, disk: x.disk ?? null, n: 1 });
    }
    const from = nowSec() - window_();
    while (points.length && points[0].t < from) points.shift();
  };

  const drawTabs = () => clear(tabs, Object.keys(RANGES).map(k => h('button', { type: 'button', 'aria-pressed': String(k === range), 'data-range': k,
    onclick: () => { range = k; drawTabs(); load(); } }, LABELS[k])));
  drawTabs();
  await load();
  scope.live('system_metrics', (m) => { if (!plot) return; fold(m); redraw(); });
  scope.fallback(load);
  const onResize = () => plot && plot.setSize({ width: chartWidth(), height: 300 });
  window.addEventListener('resize', onResize);
  scope.onLeave(() => { window.removeEventListener('resize', onResize); plot?.destroy(); });
}

function ago(seconds) {
  const m = Math.round(seconds / 60);
  if (m < 1) return 'less than a minute';
  if (m < 120) return `${m} minute${m === 1 ? '' : 's'}`;
  const hours = Math.round(m / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}
