// A minimal fetch wrapper for talking to a sandbox in tests: real HTTP, JSON in and out.
// biome-ignore lint/suspicious/noExplicitAny: tests read answers of many shapes; each test narrows what it asserts.
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;

/** Calls paths relative to the API base (or absolute URLs), with `JWT <key>` unless overridden. */
export function apiClient(sandbox: { apiUrl: string }, key = 'test-key', base = sandbox.apiUrl): Call {
  return async (method, path, body, headers = {}) => {
    const url = /^https?:/.test(path) ? path : `${base}${path}`;
    const init: RequestInit = { method, headers: { Authorization: `JWT ${key}`, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(url, init);
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text), headers: response.headers };
  };
}

export const validSession = (overrides: Record<string, unknown> = {}) => ({
  guide: 1,
  name: 'Opening Keynote',
  start_time: '2027-05-10T13:00:00Z',
  end_time: '2027-05-10T14:00:00Z',
  ...overrides,
});
