// What `export` hands from the API side (exportGuide) to the file side (writeAgenda): the guide's
// sessions as rows of the importer's own canonical columns, already in local time.

import type { SheetCell } from '../sheet-cells/index.js';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * One cell of the exported agenda. Dates and times stay typed so the XLSX writer makes real date
 * and time cells of them and the CSV writer prints them the way the importer reads them back; no
 * zone: the zone is in the row's "Time Zone" column.
 */
export type ExportCell = SheetCell;

export interface ExportGuideOptions {
  guideId: number;
  /** IANA zone to write local times in; default the guide's own. */
  timezone?: string;
  /** The custom list speakers are in by default (its items get no Role); default "Speakers". */
  speakerList?: string;
}

export interface ExportedAgenda {
  guideId: number;
  guideName: string;
  /** The zone every local time is written in (also in each row's "Time Zone" column). */
  timezone: string;
  /** CANONICAL_COLUMNS headers, in that order. */
  headers: readonly string[];
  /** One row per session, sorted by start, then name; cells aligned with `headers`. */
  rows: ExportCell[][];
  /** Sessions that had no import_id and were given `gb-session-<id>` in the file. */
  assignedImportIds: number;
  /** What importing the file will do beyond the obvious (for stderr and the Notes sheet). */
  notes: string[];
  /** Things in the guide the file cannot carry exactly (for stderr and the Notes sheet). */
  warnings: string[];
  /** API requests the export spent. */
  requests: number;
  /** The Speakers sheet: SheetSpeaker's canonical headers and one row per speaker (none: no sheet). */
  speakerHeaders: readonly string[];
  speakerRows: ExportCell[][];
}
