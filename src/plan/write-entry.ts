import type { PlanEntry } from './types.js';

/** An entry that sends a request when applied: a create, an update, or a delete confirmed by --yes. */
export function isWriteEntry(entry: PlanEntry): boolean {
  return entry.action === 'create' || entry.action === 'update' || (entry.action === 'delete' && entry.confirmed);
}
