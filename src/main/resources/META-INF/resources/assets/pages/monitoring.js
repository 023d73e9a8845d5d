// Monitoring: CPU, memory and disk history over 1 h, 24 h, 7 d or 30 d, drawn with uPlot; the 1 h view grows live.
import { api, has, h, clear, readings } from './common.js';
import { notAvailable, failed } from '../ui.js';
import { uplot, cssVar } from '../chart.js';

const RANGES = { '1h': [3600, '5m'], '24h': [86400, '5m'], '7d': [7 * 86400, '1h'], '30d': [30 * 86400, '1h'] };
const LABELS = { '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d' };

export async function render(scope) {
  scope.el.append(h('h1', {}, 'Monitoring'));
  const route = 'GET /api/v1/metrics/history';
  if (!has(route)) { scope.el.append(notAvailable('Metrics history', route)); return; }
  let range = '1h';
  const tabs = h('div', { class: 'tabs', role: 'group', 'aria-label': 'Range' });
  const chartBox = h('div', { class: 'chart', id: 'history-chart', role: 'img', 'aria-label': 'CPU, memory and disk usage over time' });
  const note = h('p', { class: 'small muted', id: 'history-note' });
  scope.el.append(h('section', { class: 'card' }, tabs, chartBox, note));
  const U = await uplot();
  let plot = null, data = [[], [], [], []];

  const draw = () => {
    plot?.destroy();
    const width = Math.max(280, chartBox.clientWidth || 600);
    const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--line'), width: 1 }, ticks: { stroke: cssVar('--line') } };
    plot = new U({
      width, height: 300,
      scales: { y: { range: [0, 100] } },
      axes: [{ ...axis, space: width < 600 ? 100 : 70 }, { ...axis, values: (u, v) => v.map(x => x + ' %') }],
      series: [{}, { label: 'CPU', stroke: cssVar('--accent'), width: 2 }, { label: 'Memory', stroke: cssVar('--info'), width: 2 },
        { label: 'Disk', stroke: cssVar('--ok'), width: 2 }],
    }, data, chartBox);
    chartBox.dataset.points = String(data[0].length);
  };
  const load = async () => {
    const [secs, resolution] = RANGES[range];
    const end = new Date(), start = new Date(end - secs * 1000);
    try {
      const r = await api('GET', `/api/v1/metrics/history?start=${start.toISOString()}&end=${end.toISOString()}&resolution=${resolution}`);
      const rows = (r.metrics ?? []).map(readings).filter(x => x.timestamp);
      data = [rows.map(x => Date.parse(x.timestamp) / 1000), rows.map(x => x.cpu ?? null), rows.map(x => x.memory ?? null), rows.map(x => x.disk ?? null)];
      note.textContent = `${rows.length} points, resolution ${r.resolution ?? resolution}.`;
      draw();
    } catch (e) { clear(chartBox, failed('History', e)); }
  };
  const drawTabs = () => clear(tabs, Object.keys(RANGES).map(k => h('button', { type: 'button', 'aria-pressed': String(k === range), 'data-range': k,
    onclick: () => { range = k; drawTabs(); load(); } }, LABELS[k])));
  drawTabs();
  await load();
  scope.live('system_metrics', (m) => {
    if (range !== '1h' || !plot) return;
    const x = readings(m);
    const t = x.timestamp ? Date.parse(x.timestamp) / 1000 : Date.now() / 1000;
    data = data.map((col, i) => col.concat([[t, x.cpu, x.memory, x.disk][i] ?? null]));
    plot.setData(data);
    chartBox.dataset.points = String(data[0].length);
  });
  const onResize = () => plot && plot.setSize({ width: Math.max(280, chartBox.clientWidth), height: 300 });
  window.addEventListener('resize', onResize);
  scope.onLeave(() => { window.removeEventListener('resize', onResize); plot?.destroy(); });
}
