// A seeded sandbox on 127.0.0.1 (real sockets) and a real client for it, plus a scratch folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src/api/index.js';
import type { GuidebookClient } from '../../src/api/types.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { SandboxHandle, SandboxState } from '../../src/sandbox/types.js';
import { seededState } from './seed.js';

export const API_KEY = 'export-test-key-5f0c2b9e71';

export async function seededSandbox(state: SandboxState = seededState()): Promise<SandboxHandle> {
  return startSandbox({ port: 0, apiKey: API_KEY, initialState: state });
}

export function clientFor(sandbox: SandboxHandle): GuidebookClient {
  return createClient({ apiUrl: sandbox.apiUrl, apiKey: API_KEY, rate: 1000, sleep: () => Promise.resolve() });
}

export function scratchFolder(): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gbi-export-'));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Requests the sandbox answered since `from` that change something. */
export function writesSince(sandbox: SandboxHandle, from: number) {
  return sandbox.requestLog.slice(from).filter((entry) => entry.method !== 'GET');
}
