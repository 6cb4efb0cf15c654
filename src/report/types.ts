import type { MappingExplanation } from '../map/explain.js';
import type { ReportRow, Summary } from '../types.js';

/** Everything a finished report holds (JSON and HTML forms); the CSV form holds only the rows. */
export interface ReportDocument {
  version: 1;
  command: 'import' | 'validate' | 'export' | 'dedupe';
  file: string | null;
  guideId: number | null;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** The run's options, never the API key. */
  options: Record<string, unknown>;
  summary: Summary;
  /** Run-level warnings (unmapped columns, derived ids, ...). */
  warnings: string[];
  /** validate --explain: per field, its column, format and sample values with their result. */
  explain?: MappingExplanation;
  rows: ReportRow[];
}
