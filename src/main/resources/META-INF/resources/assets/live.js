// One WebSocket for the whole dashboard: subscribe to channels, reconnect with backoff, and, only while
// the socket is down (or this Hearth has no /ws), a visible fallback that refreshes pages on a timer.
import { has } from './api.js';

const CHANNEL_OF_TYPE = { metrics: 'system_metrics', system_metrics: 'system_metrics', alert: 'alerts', alerts: 'alerts',
  status: 'service_status', service_status: 'service_status', task: 'task_updates', task_update: 'task_updates', task_updates: 'task_updates' };
const FALLBACK_MS = 10000;
const CONTROL = new Set(['welcome', 'subscribed', 'unsubscribed', 'error', 'pong']);

class Live {
  constructor() {
    this.handlers = new Map();   // channel -> Set(fn)
    this.fallbacks = new Set();  // fn run every FALLBACK_MS while not live
    this.stateListeners = new Set();
    this.state = 'connecting';
    this.attempt = 0;
    this.socket = null;
    this.timer = null;
  }

  start() {
    if (!has('WS /ws')) { this.setState('unavailable'); return; }
    this.connect();
  }

  connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    this.socket = ws;
    ws.onopen = () => {
      this.attempt = 0;
      for (const ch of this.handlers.keys()) this.send({ type: 'subscribe', channel: ch });
      this.setState('live');
    };
    ws.onmessage = (ev) => {
      let msg; try { msg = JSON.parse(ev.data); } catch { return; }
      if (CONTROL.has(msg.type)) return;  // welcome, subscribed, unsubscribed, error: the hub talking about itself
      const channel = msg.channel || CHANNEL_OF_TYPE[msg.type];
      if (!channel || !this.handlers.has(channel)) return;
      const data = msg.data ?? msg.payload ?? msg;
      for (const fn of this.handlers.get(channel)) { try { fn(data, msg); } catch (e) { console.warn('live handler', e); } }
    };
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.setState('down');
      const delay = Math.min(30000, 1000 * 2 ** this.attempt++) * (0.8 + Math.random() * 0.4);
      setTimeout(() => this.connect(), delay);
    };
  }

  send(obj) { if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(obj)); }

  /** Calls fn(data) for each message on a channel; returns the unsubscribe function. */
  on(channel, fn) {
    if (!this.handlers.has(channel)) { this.handlers.set(channel, new Set()); this.send({ type: 'subscribe', channel }); }
    this.handlers.get(channel).add(fn);
    return () => this.handlers.get(channel)?.delete(fn);
  }

  /** Runs fn on a timer only while live updates are not flowing; returns the stop function. */
  whileDown(fn) { this.fallbacks.add(fn); this.tick(); return () => this.fallbacks.delete(fn); }

  tick() {
    const needed = this.state !== 'live' && this.fallbacks.size > 0;
    if (needed && !this.timer) this.timer = setInterval(() => this.fallbacks.forEach(f => f()), FALLBACK_MS);
    if (!needed && this.timer) { clearInterval(this.timer); this.timer = null; }
  }

  setState(s) { this.state = s; this.tick(); this.stateListeners.forEach(f => f(s)); }
  onState(fn) { this.stateListeners.add(fn); fn(this.state); }
}

export const live = new Live();

export function describe(state) {
  return { live: ['Live', 'Live updates over the WebSocket'],
    connecting: ['Connecting…', 'Opening the live connection'],
    down: ['Reconnecting…', 'The live connection dropped; pages refresh every 10 s until it is back'],
    unavailable: ['Refresh every 10 s', 'This Hearth has no /ws endpoint yet; pages refresh every 10 s'] }[state];
}
