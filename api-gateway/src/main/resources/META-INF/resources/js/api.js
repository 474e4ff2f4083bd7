// Keys and calls to /api/v1. A key lives in sessionStorage (this tab, until it closes) and travels only in the
// X-API-Key header: never in a URL, where it would end up in logs and history.
const STORE = 'georisk.keys';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The keys signed in, by role: { ANALYST: '…', OPS: '…' }. */
export function keys() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE)) || {};
  } catch {
    return {};
  }
}

export function hasRole(role) {
  return Boolean(keys()[role]);
}

function saveKey(role, key) {
  sessionStorage.setItem(STORE, JSON.stringify({ ...keys(), [role]: key }));
}

export function signOut() {
  sessionStorage.removeItem(STORE);
}

/** What a refused call means to a person. */
export function explain(status, problem) {
  if (status === 401) return 'This key is not valid: it is unknown or has been revoked. Check it and try again.';
  if (status === 403) return 'This key may not open this view (wrong role).';
  if (status === 429) return 'Too many requests or failed sign-ins from here: wait a moment and try again.';
  if (status >= 500) return 'The gateway cannot answer right now (' + status + '). Try again shortly.';
  const text = (problem && (problem.detail || problem.title)) || ('Request failed (' + status + ').');
  const fields = (problem && problem.errors) || [];
  return fields.length ? text + ': ' + fields.map(f => f.field + ' ' + f.reason).join('; ') : text;
}

async function call(role, method, path, body) {
  const key = keys()[role];
  if (!key) throw new ApiError(401, 'Sign in with ' + (role === 'OPS' ? 'an ops' : 'an analyst') + ' key.');
  const headers = { 'X-API-Key': key, 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch('/api/v1' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The gateway is unreachable.');
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, explain(response.status, data));
  return data;
}

export const analyst = {
  get: path => call('ANALYST', 'GET', path),
  post: (path, body) => call('ANALYST', 'POST', path, body),
  del: path => call('ANALYST', 'DELETE', path),
};

export const ops = {
  get: path => call('OPS', 'GET', path),
  post: (path, body) => call('OPS', 'POST', path, body),
};

async function status(key, path) {
  const response = await fetch('/api/v1' + path, { headers: { 'X-API-Key': key, 'Accept': 'application/json' } });
  return { status: response.status, problem: await response.json().catch(() => null) };
}

/**
 * Finds the key's role by asking for something each role may read, stores the key under it and returns the role.
 * Throws an ApiError with a message for a person when the key is refused.
 */
export async function signIn(key) {
  let first;
  try {
    first = await status(key, '/assessments?minLevel=SEVERE');
  } catch {
    throw new ApiError(0, 'The gateway is unreachable.');
  }
  if (first.status === 200) {
    saveKey('ANALYST', key);
    return 'ANALYST';
  }
  if (first.status !== 403) throw new ApiError(first.status, explain(first.status, first.problem));
  const second = await status(key, '/ops/topics');
  if (second.status === 200) {
    saveKey('OPS', key);
    return 'OPS';
  }
  if (second.status === 403) {
    throw new ApiError(403, 'This is a feed key: the dashboard needs an analyst or an ops key.');
  }
  throw new ApiError(second.status, explain(second.status, second.problem));
}
