// A real sandbox on 127.0.0.1 and a real client pointed at it, for each apply test.
import { createClient } from '../../src/api/client.js';
import type { ClientOptions, GuidebookClient } from '../../src/api/types.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { SandboxHandle, SandboxOptions, SandboxSession } from '../../src/sandbox/types.js';
import type { ApiSession } from '../../src/types.js';

export const API_KEY = 'apply-test-key-0123456789';
export const GUIDE = 1;

export async function withSandbox(options: Omit<SandboxOptions, 'apiKey' | 'port'> = {}): Promise<SandboxHandle> {
  return startSandbox({ port: 0, apiKey: API_KEY, seed: 7, ...options });
}

/** A client that never really sleeps between retries (backoff delays are not what is tested here). */
export function clientFor(sandbox: SandboxHandle, options: Partial<ClientOptions> = {}): GuidebookClient {
  return createClient({
    apiUrl: sandbox.apiUrl,
    apiKey: API_KEY,
    concurrency: 4,
    rate: 1000,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    ...options,
  });
}

export async function listAll(client: GuidebookClient, guideId = GUIDE): Promise<ApiSession[]> {
  const all: ApiSession[] = [];
  for await (const session of client.listSessions(guideId)) all.push(session);
  return all;
}

export function sessionsOf(sandbox: SandboxHandle, guideId = GUIDE): SandboxSession[] {
  return sandbox.state().sessions.filter((session) => session.guide === guideId);
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** "POST sessions", "PATCH sessions", "GET schedule-tracks", ... */
export function kindOf(request: { method: string; path: string }): string {
  const resource = request.path.replace(/^\/open-api\/v1(\.1)?\//, '').split('/')[0];
  return `${request.method} ${resource}`;
}
