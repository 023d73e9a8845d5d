// Small DOM helpers shared by the pages: element builder, toasts, confirmation, formatting, gauges, sparklines.
import { denied } from './api.js';

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'style') el.style.cssText = v;  // through the CSSOM: the Content-Security-Policy refuses inline style attributes
    else if (k === 'text') el.textContent = v;
    else if (k in el && k !== 'list' && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function clear(el, ...children) { el.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false)); return el; }

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const t = h('div', { class: 'toast ' + kind, role: kind === 'error' ? 'alert' : 'status' }, message);
  box.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 8000 : 4000);
}

/** Runs an action from a button: disables it meanwhile, toasts the outcome or the API's error message. */
export async function act(button, work, done) {
  button.disabled = true;
  try { const r = await work(); if (done) toast(done, 'ok'); return r; }
  catch (e) { toast(e.message, 'error'); return undefined; }
  finally { button.disabled = false; guard(button, button.dataset.route); }
}

/** A button for a route: disabled, with the reason as its title, when the caller may not use it. */
export function actionButton(label, route, onclick, attrs = {}) {
  const b = h('button', { type: 'button', ...attrs, onclick }, label);
  return guard(b, route);
}

export function guard(el, route) {
  if (!route) return el;
  el.dataset.route = route;
  const why = denied(route);
  if (why) { el.disabled = true; el.title = why; el.setAttribute('aria-disabled', 'true'); }
  return el;
}

let dialog;
/** A modal confirmation; resolves true when confirmed. Optional extra form content (e.g. a checkbox). */
export function confirmAction(title, text, confirmLabel = 'Confirm', extra = null) {
  dialog ??= document.body.appendChild(h('dialog', { 'aria-labelledby': 'confirm-title' }));
  return new Promise(resolve => {
    const yes = h('button', { class: 'primary', type: 'submit', value: 'yes' }, confirmLabel);
    const form = h('form', { method: 'dialog', class: 'stack' },
      h('h2', { id: 'confirm-title' }, title), h('p', {}, text), extra,
      h('div', { class: 'row' }, yes, h('button', { type: 'submit', value: 'no' }, 'Cancel')));
    clear(dialog, form);
    dialog.onclose = () => resolve(dialog.returnValue === 'yes');
    dialog.returnValue = '';
    dialog.showModal();
    yes.focus();
  });
}

export function notAvailable(what, route) {
  return h('p', { class: 'na', 'data-na': route }, `${what}: not available on this Hearth yet (${route} does not exist).`);
}

export function failed(what, e) {
  return h('p', { class: 'na err-text', role: 'status' }, `${what}: ${e.message}`);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
export function bytes(n) {
  if (typeof n === 'string') return n;
  if (n === null || n === undefined || isNaN(n) || n < 0) return '—';
  let i = 0; while (n >= 1024 && i < UNITS.length - 1) { n /= 1024; i++; }
  return (i === 0 ? n : n.toFixed(n < 10 ? 1 : 0)) + ' ' + UNITS[i];
}
export const rate = (n) => typeof n === 'string' ? n : bytes(n) + '/s';
export function duration(s) {
  if (typeof s === 'string') return s;
  if (s === null || s === undefined || s < 0 || !isFinite(s) || s >= 8640000) return '∞';
  s = Math.round(s);
  const d = Math.floor(s / 86400), hh = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
  return d ? `${d}d ${hh}h` : hh ? `${hh}h ${m}m` : m ? `${m}m ${sec}s` : `${sec}s`;
}
export function when(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  return isNaN(d) ? String(ts) : d.toLocaleString();
}
export const pct = (v) => (v === null || v === undefined || isNaN(v)) ? '—' : Number(v).toFixed(1) + ' %';

/** A status word mapped to ok / warn / err for colour; the word itself is always shown too. */
export function tone(status) {
  const s = String(status ?? '').toLowerCase();
  if (/^(running|healthy|online|ok|active|downloading|seeding|completed|up|live|info)$/.test(s)) return 's-ok';
  if (/^(warning|warn|paused|queued|starting|restarting|degraded|unknown|stopping|checking|pending)$/.test(s)) return 's-warn';
  if (/^(stopped|exited|dead|error|failed|critical|offline|unhealthy|down)$/.test(s)) return 's-err';
  return '';
}

export function meterClass(v, warn = 80, crit = 90) { return v >= crit ? 'meter err' : v >= warn ? 'meter warn' : 'meter'; }

const NS = 'http://www.w3.org/2000/svg';
/** A tiny SVG sparkline of 0–100 values: no library needed on the overview. */
export function sparkline(values, label) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'spark'); svg.setAttribute('viewBox', '0 0 100 40'); svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', label);
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('vector-effect', 'non-scaling-stroke');
  svg.append(line);
  svg.update = (vals) => {
    const n = vals.length;
    line.setAttribute('points', vals.map((v, i) => `${n < 2 ? 0 : (i * 100 / (n - 1)).toFixed(2)},${(38 - Math.max(0, Math.min(100, v)) * .36).toFixed(2)}`).join(' '));
  };
  svg.update(values);
  return svg;
}
