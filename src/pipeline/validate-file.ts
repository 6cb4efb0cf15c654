// `validate`: read, map, convert and validate offline. There is no server to compare against, so
// every valid row is a planned create; the planner still decides invalid and conflict rows, so
// validate and import can never disagree about a row.
import { mapRow } from '../map/index.js';
import { createRowPlanner, indexSheetImportIds, type RowPlanner } from '../plan/index.js';
import type { Plan, PlanEntry } from '../plan/types.js';
import { createRowTally, entryToReportRow, summarize, type RowTally } from '../report/index.js';
import type { ReportDocument } from '../report/types.js';
import type { TimeOptions } from '../time/index.js';
import type { ConvertedRow, RawRow, ReportRow, Summary } from '../types.js';
import { collectSheetFacts, convertOptionsFor, convertSheetRows } from '../validate/index.js';
import { openMappedSheet, type SheetInput } from './load-sheet.js';

export interface ValidateFileOptions extends SheetInput {
  timezone?: string;
  dateFormat?: string;
  overnight?: boolean;
}

export interface ValidatedFile {
  document: ReportDocument;
  plan: Plan;
}

/** Validates a sheet without any network. Never prints or exits; run-level problems throw. */
export async function validateFile(file: string, options: Omit<ValidateFileOptions, 'file'> = {}): Promise<ValidatedFile> {
  const checked = await checkSheet(file, options);
  const planner = offlinePlanner(checked.rows);
  const entries = [...plannedEntries(checked.rows, planner)];
  const plan = planner.assemble(entries, 0);
  const rows = entries.map((entry) => entryToReportRow(entry, 'planned'));
  return { document: validationDocument(file, options, checked, rows, summarize(rows, 0)), plan };
}

/** validateFile for a caller that takes the report rows one at a time (the validate command). */
export interface ValidationRows {
  /** Run-level warnings (unmapped columns, derived ids, ...): known before any row. */
  readonly warnings: readonly string[];
  /**
   * The rows validateFile's document holds, in the same order, each planned when it is asked
   * for and then let go, so a 100k-row sheet is never held as plan entries and report rows.
   * Iterate once.
   */
  readonly rows: IterableIterator<ReportRow>;
  /** Once the rows have been read: the report document (its `rows` left empty) and their tally. */
  finish(): { document: ReportDocument; tally: RowTally };
}

/**
 * Reads, converts and checks the whole sheet (every run-level problem throws here, before any
 * row is handed out), then plans and reports one row at a time as `rows` is read.
 */
export async function validateFileRows(file: string, options: Omit<ValidateFileOptions, 'file'> = {}): Promise<ValidationRows> {
  const checked = await checkSheet(file, options);
  const planner = offlinePlanner(checked.rows);
  const tally = createRowTally(0);
  function* reportRows(): Generator<ReportRow> {
    for (const entry of plannedEntries(checked.rows, planner)) {
      const row = entryToReportRow(entry, 'planned');
      tally.add(row);
      yield row;
    }
  }
  return {
    warnings: checked.warnings,
    rows: reportRows(),
    finish: () => ({ document: validationDocument(file, options, checked, [], tally.summary), tally }),
  };
}

interface CheckedSheet {
  startedAt: string;
  time: TimeOptions;
  /** Converted rows in sheet order; each slot is emptied once the row is planned. */
  rows: Array<ConvertedRow | undefined>;
  warnings: string[];
}

/**
 * read → map → convert. The column-wide decisions (date formats, x-mark columns) need every row
 * before the first is converted, so the rows are held meanwhile, as read: a RawRow is a fraction
 * of a MappedRow's size, and mapping a row again to convert it costs less than keeping it mapped.
 */
async function checkSheet(file: string, options: Omit<ValidateFileOptions, 'file'>): Promise<CheckedSheet> {
  const startedAt = new Date().toISOString();
  const sheet = await openMappedSheet({ file, sheet: options.sheet, mapping: options.mapping });
  const time: TimeOptions = { timezone: options.timezone, dateFormat: options.dateFormat, overnight: options.overnight };
  const facts = collectSheetFacts(convertOptionsFor(time, sheet.mapping));
  const read: RawRow[] = [];
  for await (const raw of sheet.rows) {
    facts.add(mapRow(raw, sheet.columnMap));
    read.push(raw);
  }
  const readWarnings = sheet.warnings();
  const converted = convertSheetRows(read.length, (index) => mapRow(read[index]!, sheet.columnMap), facts.settle());
  return { startedAt, time, rows: converted.rows, warnings: [...readWarnings, ...converted.warnings] };
}

function offlinePlanner(rows: ReadonlyArray<ConvertedRow | undefined>): RowPlanner {
  return createRowPlanner(
    {
      guideId: 0,
      serverSessions: [],
      tracks: [],
      locations: [],
      // Offline, track and location names cannot be checked against a guide: count them as new.
      options: { createMissing: true, prune: false, yes: 0 },
    },
    indexSheetImportIds(rows as readonly ConvertedRow[]),
  );
}

/** Each converted row's plan entry, in sheet order; the converted row is let go once planned. */
function* plannedEntries(rows: Array<ConvertedRow | undefined>, planner: RowPlanner): Generator<PlanEntry> {
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    rows[index] = undefined;
    yield planner.planRow(row);
  }
}

function validationDocument(
  file: string,
  options: Omit<ValidateFileOptions, 'file'>,
  checked: CheckedSheet,
  rows: ReportRow[],
  summary: Summary,
): ReportDocument {
  return {
    version: 1,
    command: 'validate',
    file,
    guideId: null,
    dryRun: true,
    startedAt: checked.startedAt,
    finishedAt: new Date().toISOString(),
    options: { sheet: options.sheet, mapping: typeof options.mapping === 'string' ? options.mapping : options.mapping?.source, ...checked.time },
    summary,
    warnings: [...checked.warnings],
    rows,
  };
}
