// The library: the same functions the CLI calls. Nothing here prints or exits; run-level
// problems throw GuidebookImportError, row problems come back as data.
export * from './types.js';
export * from './errors.js';

// The whole jobs.
export {
  validateFile,
  validateFileRows,
  type ValidateFileOptions,
  type ValidatedFile,
  type ValidationRows,
} from './pipeline/validate-file.js';
export { planImport, type PlanImportOptions, type PlannedImport } from './pipeline/plan-file.js';
export { runImport, type RunImportOptions, type ImportRun } from './pipeline/run-import.js';
export { applyPlan, type ApplyOptions, type ApplyResult, type RowResult } from './apply/index.js';

// The API. Its local stand-in, startSandbox, is the subpath 'guidebook-import/sandbox'
// (src/sandbox/index.ts): a program that imports the library does not load a server it never runs.
export { createClient, resolveApiKey, resolveApiUrl, DEFAULT_API_URL } from './api/index.js';
export type { GuidebookClient, ClientOptions, SessionCreateBody, SessionWriteBody, CreateOutcome } from './api/types.js';

// The stages, for callers who assemble their own pipeline.
export { openSheet, type OpenSheetOptions, type SheetSource } from './read/index.js';
export { buildColumnMap, mapRow, scoreHeaderRow, CANONICAL_COLUMNS, type ColumnMap, type MappingConfig } from './map/index.js';
export { loadMappingFile, parseMappingConfig } from './options/mapping-file.js';
export { convertRows, convertOptionsFor, type ConvertOptions } from './validate/index.js';
export { isValidZone, formatLocal, type TimeOptions } from './time/index.js';
export { planImport as buildPlan, diffSession, formatPlanTotals, type PlanInput } from './plan/index.js';
export type { Plan, PlanEntry, FieldChange } from './plan/types.js';
export {
  createReportWriter,
  summarize,
  createRowTally,
  toReportRow,
  entryToReportRow,
  formatSummaryText,
  type ReportWriter,
  type RowTally,
} from './report/index.js';
export type { ReportDocument } from './report/types.js';

// export and template, as the commands of those names do them.
export { exportGuide, writeAgenda, type ExportedAgenda, type ExportGuideOptions } from './export/index.js';
export { writeTemplate, buildTemplateRows } from './template/index.js';
export { renderHtmlReport } from './report/html/render.js';
