// The desk's one way to editorial's API: the session cookie goes along by itself; every call carries the desk's
// header (the API refuses a change made with the cookie without it), a problem+json answer becomes a Problem the
// page shows, and a 401 sends the editor to sign in again.
export const SIGN_IN = '/desk/session/login';

export class Problem extends Error {
  constructor(status, body) {
    const problem = typeof body === 'object' && body !== null ? body : { title: String(body || '') };
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body, etag, contentType = 'application/json' } = {}) {
  const headers = { 'X-Newsroom-Desk': '1', Accept: 'application/json, application/problem+json' };
  if (etag) {
    headers['If-Match'] = etag;
  }
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign(SIGN_IN);
    throw new Problem(401, { title: 'Your session has ended: sign in again' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new Problem(response.status, data);
  }
  return { data, etag: response.headers.get('ETag'), next: response.headers.get('X-Next-Cursor') };
}

let signedIn;
/** The signed-in editor ({name, roles}), asked once per page. */
export async function me() {
  signedIn ??= api('/api/me').then((answer) => answer.data);
  return signedIn;
}

export async function isChief() {
  return (await me()).roles.includes('chief-editor');
}
