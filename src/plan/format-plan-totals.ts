import type { Plan } from './types.js';

const count = (n: number) => n.toLocaleString('en-US');

/** A short block for stderr before a run writes anything: what the plan does and what it costs. */
export function formatPlanTotals(
  plan: Plan,
  budget = 10_000,
  /**
   * Sessions whose own fields are unchanged but whose speaker links or image the run changes:
   * their report rows are updates, so they are counted as updates here too (one count per run).
   */
  alsoUpdated?: ReadonlySet<string>,
): string {
  const totals = { create: 0, update: 0, unchanged: 0, delete: 0, unconfirmed: 0, invalid: 0, conflict: 0 };
  for (const entry of plan.entries) {
    totals[entry.action === 'unchanged' && alsoUpdated?.has(entry.importId) ? 'update' : entry.action]++;
    if (entry.action === 'delete' && !entry.confirmed) totals.unconfirmed++;
  }
  const lines = [
    `Plan for guide ${plan.guideId}: ${count(totals.create)} to create, ${count(totals.update)} to update, ` +
      `${count(totals.unchanged)} unchanged, ${count(totals.delete)} to delete, ${count(totals.invalid)} invalid, ` +
      `${count(totals.conflict)} ${totals.conflict === 1 ? 'conflict' : 'conflicts'}.`,
  ];
  if (totals.unconfirmed > 0) {
    lines.push(
      `${count(totals.unconfirmed)} ${totals.unconfirmed === 1 ? 'delete is' : 'deletes are'} only planned: add --yes to carry them out.`,
    );
  }
  const made = [
    plural(plan.tracksToCreate.length, 'schedule track', 'schedule tracks'),
    plural(plan.locationsToCreate.length, 'location', 'locations'),
  ].filter(Boolean);
  if (made.length > 0) lines.push(`First creates ${made.join(' and ')} (--create-missing).`);
  lines.push(
    `This run will send ${count(plan.writeRequests)} write ${plan.writeRequests === 1 ? 'request' : 'requests'} ` +
      `(${count(plan.readRequests)} already spent reading) of the ${count(budget)}-a-day budget.`,
  );
  const total = plan.writeRequests + plan.readRequests;
  if (total > budget) {
    lines.push(
      `That is ${count(total)} in all, more than the daily budget: the run will stop when it is spent; run it again tomorrow to finish.`,
    );
  }
  return lines.join('\n');
}

function plural(n: number, one: string, many: string): string {
  return n === 0 ? '' : `${count(n)} ${n === 1 ? one : many}`;
}
