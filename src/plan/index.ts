// What other folders import from the planner.
export { planImport, createRowPlanner, indexImportIds, type PlanInput, type PlanOptions, type RowPlanner } from './plan-import.js';
export { diffSession } from './session-diff.js';
export { formatPlanTotals } from './format-plan-totals.js';
export { missingReferencesMessage, nearNamesMessage } from './references.js';
export type * from './types.js';
export { isWriteEntry } from './types.js';
