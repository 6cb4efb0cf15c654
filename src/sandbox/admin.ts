// Paths for tests and checks, outside the API: they are not counted, not faulted, not logged.
//   GET  /__sandbox/state         the whole state: guides, sessions, tracks, locations, custom lists,
//                                 items, relations, links, images (base64) and accepted publishes
//   POST /__sandbox/reset-budget  today's request count back to 0
//   GET|POST /__sandbox/faults    read or change the FaultSettings: latencyMs, failRate, dropRate,
//                                 dailyBudget and the hostile switches (pageSizeCap, revokeAfter,
//                                 refusePublish, ...)
import { GuidebookImportError } from '../errors.js';
import type { Answer } from './api-handler.js';
import type { FaultSettings, SandboxState } from './types.js';

export const ADMIN_PREFIX = '/__sandbox/';

export interface AdminControls {
  state(): SandboxState;
  resetBudget(): void;
  faults(): FaultSettings;
  setFaults(update: Partial<FaultSettings>): void;
}

/** `text` is the raw body: read as JSON whatever the content type, so `curl -d '{...}'` works. */
export function handleAdminRequest(method: string, pathname: string, text: string, controls: AdminControls): Answer {
  const name = pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
  if (name === 'state' && method === 'GET') return { status: 200, body: controls.state() };
  if (name === 'reset-budget' && method === 'POST') {
    controls.resetBudget();
    return { status: 200, body: { budget: controls.state().budget } };
  }
  if (name === 'faults' && method === 'GET') return { status: 200, body: controls.faults() };
  if (name === 'faults' && method === 'POST') {
    const update = parseSettings(text);
    if (update === null || typeof update !== 'object' || Array.isArray(update)) {
      return { status: 400, body: { detail: 'Send the fault settings as a JSON object.' } };
    }
    try {
      controls.setFaults(update as Partial<FaultSettings>);
    } catch (error) {
      if (error instanceof GuidebookImportError) return { status: 400, body: { detail: error.message } };
      throw error;
    }
    return { status: 200, body: controls.faults() };
  }
  if (['state', 'reset-budget', 'faults'].includes(name)) return { status: 405, body: { detail: `Method "${method}" not allowed.` } };
  return { status: 404, body: { detail: 'Not found.' } };
}

function parseSettings(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
