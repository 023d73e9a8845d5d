// The one way the dashboard talks to Hearth: same-origin fetch with the session cookie, the CSRF echo on
// every unsafe request, and the error shape turned into an Error a page can show.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status; this.code = code; this.details = details;
  }
}

export function csrfToken() {
  // Over HTTPS the cookie is named __Host-hearth_csrf (kept to this host and HTTPS by the browser).
  const m = document.cookie.match(/(?:^|;\s*)(?:__Host-)?hearth_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : '';
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (!SAFE.has(method)) headers['X-CSRF-Token'] = csrfToken();
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', 'Hearth did not answer: ' + e.message);
  }
  if (res.status === 401) { location.href = '/login'; throw new ApiError(401, 'UNAUTHORIZED', 'Signed out'); }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!res.ok) {
    const e = data && data.error;
    throw new ApiError(res.status, e ? e.code : 'HTTP_' + res.status, e ? e.message : `${method} ${path} answered ${res.status}`, e && e.details);
  }
  return data;
}

export const get = (p) => api('GET', p);
export const post = (p, b) => api('POST', p, b === undefined ? {} : b);
export const del = (p) => api('DELETE', p);
export const patch = (p, b) => api('PATCH', p, b);

// The route table the server put into the shell: {"POST /api/v1/services/{name}/restart": "operator", ...}.
const table = JSON.parse(document.getElementById('routes')?.textContent || '{}');
const RANK = { public: 0, viewer: 1, operator: 2, admin: 3 };
let me = { role: 'viewer', name: '' };
export function setMe(m) { me = m; }
export function whoami() { return me; }

/** Whether this Hearth has the route (method + template as written in the resource, e.g. "GET /api/v1/services"). */
export function has(route) { return Object.prototype.hasOwnProperty.call(table, route); }

/** Why the caller may not use a route, or '' when they may. */
export function denied(route) {
  if (!has(route)) return 'Not available on this Hearth (no ' + route + ')';
  const need = table[route];
  if ((RANK[me.role] ?? 0) < (RANK[need] ?? 3)) return `Needs the ${need} role; you are ${me.role}`;
  return '';
}
