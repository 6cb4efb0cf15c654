export { planImport, createRowPlanner, indexSheetImportIds, indexImportIds, type PlanInput, type PlanOptions, type RowPlanner, type SheetImportIds } from './plan-import.js';
export { diffSession, sameValue, type SessionDiff } from './diff-session.js';
export { desiredFields, type ApiVersion } from './desired-fields.js';
export { formatPlanTotals } from './format-plan-totals.js';
export { createdImportId } from './reference-index.js';
export { assignedImportId, sessionIdOfAssignedImportId } from './assigned-import-id.js';
export type * from './types.js';
export { isWriteEntry } from './write-entry.js';
