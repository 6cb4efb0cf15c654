// The report document of every command that reports rows (validate, import, dedupe), built in one
// place: the same fields in the same shape, a stop always among the warnings.
import type { GuidebookImportError } from '../errors.js';
import type { ReportDocument } from './types.js';

export type ReportDocumentInit = Omit<ReportDocument, 'version' | 'finishedAt'> & {
  /** Why the run stopped early: its message ends the warnings. */
  stoppedBy?: GuidebookImportError | null;
};

/** The document as of now (its finishedAt); `rows` may be empty when they were streamed out. */
export function reportDocument(init: ReportDocumentInit): ReportDocument {
  // Spelled out in the order the JSON report shows them.
  return {
    version: 1,
    command: init.command,
    file: init.file,
    guideId: init.guideId,
    dryRun: init.dryRun,
    startedAt: init.startedAt,
    finishedAt: new Date().toISOString(),
    options: init.options,
    summary: init.summary,
    warnings: init.stoppedBy ? [...init.warnings, init.stoppedBy.message] : init.warnings,
    rows: init.rows,
  };
}
