// Each test gets its own sandbox on 127.0.0.1 (real sockets) and a client pointed at it.
import { afterEach } from 'vitest';
import { createClient } from '../../src/api/client.js';
import type { ClientOptions, GuidebookClient } from '../../src/api/types.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { SandboxHandle, SandboxOptions } from '../../src/sandbox/types.js';
import type { SessionCreateBody } from '../../src/api/types.js';

export const API_KEY = 'sandbox-key-7c1e9a42d5';

const open: SandboxHandle[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

export async function sandbox(options: Omit<SandboxOptions, 'apiKey'> = {}): Promise<SandboxHandle> {
  const handle = await startSandbox({ port: 0, apiKey: API_KEY, seed: 1, ...options });
  open.push(handle);
  return handle;
}

/** A client that does not really wait between retries: it records the backoff delays instead. */
export function client(handle: SandboxHandle, options: Partial<ClientOptions> = {}): GuidebookClient & { backoffs: number[] } {
  const backoffs: number[] = [];
  const created = createClient({
    apiUrl: handle.apiUrl,
    apiKey: API_KEY,
    rate: 1000,
    concurrency: 4,
    sleep: async (ms) => {
      backoffs.push(ms);
    },
    ...options,
  });
  return Object.assign(created, { backoffs });
}

export function sessionBody(index: number, overrides: Partial<SessionCreateBody> = {}): SessionCreateBody {
  const hour = String(9 + (index % 8)).padStart(2, '0');
  return {
    guide: 1,
    name: `Talk ${index}`,
    description_html: `<p>About talk ${index}</p>`,
    start_time: `2027-05-10T${hour}:00:00+00:00`,
    end_time: `2027-05-10T${hour}:45:00+00:00`,
    import_id: `imp-${index}`,
    ...overrides,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The rejection of a promise, failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
