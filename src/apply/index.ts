export { applyPlan } from './apply-plan.js';
export type { ApplyOptions, ApplyResult } from './apply-options.js';
export type { RowResult } from './types.js';
export { requestCapStop } from './request-cap.js';
