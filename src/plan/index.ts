export {
  planImport,
  createRowPlanner,
  indexSheetImportIds,
  indexImportIds,
  type PlanInput,
  type PlanOptions,
  type RowPlanner,
  type SheetImportIds,
} from './plan-import.js';
export { diffSession, sameValue, type SessionDiff } from './session-diff.js';
export { desiredFields, type ApiVersion } from './session-diff.js';
export { formatPlanTotals } from './format-plan-totals.js';
export { createdImportId } from './references.js';
export { assignedImportId, sessionIdOfAssignedImportId } from './import-ids.js';
export type * from './types.js';
export { isWriteEntry } from './types.js';
