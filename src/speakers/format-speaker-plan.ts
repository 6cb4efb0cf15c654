// The speakers' line of the plan's totals, printed before a run writes anything.
import type { SpeakerPlan } from './plan-speakers.js';

export function formatSpeakerPlan(plan: SpeakerPlan): string {
  const totals = { create: 0, update: 0, unchanged: 0, delete: 0, invalid: 0, conflict: 0 };
  for (const entry of plan.entries) totals[entry.action]++;
  const lists =
    plan.listsToCreate.length > 0
      ? `; first creates the list${plan.listsToCreate.length === 1 ? '' : 's'} ${plan.listsToCreate.map((name) => JSON.stringify(name)).join(', ')}`
      : '';
  return (
    `Speakers: ${totals.create} to create, ${totals.update} to update, ${totals.unchanged} unchanged, ${totals.delete} to delete, ` +
    `${totals.invalid} invalid, ${totals.conflict} ${totals.conflict === 1 ? 'conflict' : 'conflicts'}${lists}; ` +
    `${plan.writeRequests} more write ${plan.writeRequests === 1 ? 'request' : 'requests'} (items, relations, links, photos) after the sessions.`
  );
}
