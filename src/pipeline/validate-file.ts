// `validate`: read, map, convert and validate offline. There is no server to compare against, so
// every valid row is a planned create; the planner still decides invalid and conflict rows, so
// validate and import can never disagree about a row.
import { createRowPlanner, indexImportIds, type RowPlanner } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { createRowTally, entryToReportRow, reportDocument, summarize, type RowTally } from '../report/index.js';
import type { ReportDocument } from '../report/types.js';
import type { TimeOptions } from '../time/index.js';
import type { ConvertedRow, ReportRow, Summary } from '../types.js';
import type { ConvertedSheetRows } from '../validate/index.js';
import { createExplainer, type Explainer } from '../map/explain.js';
import { feedSpeakersSheet } from '../sources/feed-sheet.js';
import { prepareSpeakerCheck, readSpeakers, validateSpeakers, type RosterSession, type SpeakerCheck } from '../speakers/index.js';
import { imageBaseDir } from './plan-file.js';
import { readSheet, type ReadSheet, type SheetInput } from './sheet-rows.js';

export interface ValidateFileOptions extends SheetInput {
  timezone?: string;
  dateFormat?: string;
  overnight?: boolean;
  /** validate --explain: the report document says, per field, its column, format and three samples. */
  explain?: boolean;
  /** The date of day 1 (--first-day); on import the guide's start date otherwise. */
  firstDay?: string;
  /** --locale: the language of month and weekday names that languages read differently. */
  locale?: string;
  /** --speakers FILE: the speakers in a file of their own (else the workbook's Speakers sheet). */
  speakersFile?: string;
  /** The custom list speakers go in (default "Speakers"); with speakerListsByRole, one per role. */
  speakerList?: string;
  speakerListsByRole?: boolean;
  /**
   * The caller shows no session's field values (a CSV report: its columns are the decision and the
   * messages): values that cannot raise an issue are not worked out (a short plain-text
   * description is not converted to HTML; the rows' `fields` then lack it). Ignored with explain,
   * whose samples show what each cell became.
   */
  checkOnly?: boolean;
}

export interface ValidatedFile {
  /** Its `rows` are the sessions' (one per session); its summary counts the speakers' apart. */
  document: ReportDocument;
  plan: Plan;
  /** The speakers' rows (record 'speaker'), as import's report lists them after the sessions'. */
  speakerRows: ReportRow[];
}

/** Validates a sheet without any network. Never prints or exits; run-level problems throw. */
export async function validateFile(file: string, options: Omit<ValidateFileOptions, 'file'> = {}): Promise<ValidatedFile> {
  const checked = await checkSheet(file, options);
  const planner = offlinePlanner(checked);
  const entries = [...plannedEntries(checked, (row) => planner.planRow(row))];
  const plan = planner.assemble(entries, 0);
  const rows = entries.map((entry) => entryToReportRow(entry, 'planned'));
  for (const row of rows) checked.explainer?.addResult(row);
  const speakers = speakerRows(checked);
  const summary = summarize([...rows, ...speakers], 0);
  return { document: validationDocument(file, options, checked, rows, summary), plan, speakerRows: speakers };
}

/** validateFile for a caller that takes the report rows one at a time (the validate command). */
export interface ValidationRows {
  /**
   * The rows validateFile's document holds, in the same order, each converted, planned and
   * reported when it is asked for and then let go: a 100k-row sheet is held only as read, and
   * less of it with every row. Iterate once, to the end.
   */
  readonly rows: IterableIterator<ReportRow>;
  /**
   * Once the rows have been read: the report document (its `rows` left empty), the speakers' rows
   * (validateFile's speakerRows: for the report after the sessions'), and the tally of both.
   */
  finish(): { document: ReportDocument; tally: RowTally; speakerRows: ReportRow[] };
}

/**
 * Reads the whole sheet and settles what every row depends on (date formats, x-mark columns,
 * import_ids) before handing out a row; the sheet-wide problems throw here. The rows are then
 * converted, planned and reported as `rows` is read. A run-level problem only a row's conversion
 * finds (no time zone for it at all) is thrown by `rows`, before the row it concerns.
 */
export async function validateFileRows(file: string, options: Omit<ValidateFileOptions, 'file'> = {}): Promise<ValidationRows> {
  const checked = await checkSheet(file, options);
  const planner = offlinePlanner(checked);
  const tally = createRowTally(0);
  function* reportRows(): Generator<ReportRow> {
    // Only checked: the report shows no create's request body, so none is built.
    for (const entry of plannedEntries(checked, (row) => planner.checkRow(row))) {
      const row = entryToReportRow(entry, 'planned');
      tally.add(row);
      checked.explainer?.addResult(row);
      yield row;
    }
  }
  return {
    rows: reportRows(),
    finish: () => {
      // The speakers' rows follow the sessions', counted apart (summary.speakers).
      const speakers = speakerRows(checked);
      for (const row of speakers) tally.add(row);
      return { document: validationDocument(file, options, checked, [], tally.summary), tally, speakerRows: speakers };
    },
  };
}

interface CheckedSheet {
  startedAt: string;
  time: TimeOptions;
  sheet: ReadSheet;
  converted: ConvertedSheetRows;
  explainer?: Explainer;
  /** The Speakers sheet (or --speakers file, or a feed's speakers) with its photo files checked. */
  speakers: SpeakerCheck;
  /** What the speakers' check needs of each valid session row, gathered as the rows go by. */
  sessions: RosterSession[];
  /** The speakers' warnings, once their rows are made. */
  speakerWarnings: string[];
}

/** read → map, and the sheet-wide part of convert (sheet-rows.ts, the driver import uses too). */
async function checkSheet(file: string, options: Omit<ValidateFileOptions, 'file'>): Promise<CheckedSheet> {
  const startedAt = new Date().toISOString();
  const time: TimeOptions = {
    timezone: options.timezone,
    dateFormat: options.dateFormat,
    overnight: options.overnight,
    firstDay: options.firstDay,
    locale: options.locale,
  };
  // Known before the read: what convert() learns from every row is learnt as the rows are read.
  const sheet = await readSheet({ file, sheet: options.sheet, mapping: options.mapping, source: options.source, time });
  // The speakers as import reads them (plan-file.ts): a feed's own, else --speakers, else the Speakers sheet.
  const speakersSheet =
    sheet.feedSpeakers && !options.speakersFile
      ? feedSpeakersSheet(sheet.sheet, sheet.feedSpeakers)
      : await readSpeakers({ file: sheet.workbook.path, label: sheet.workbook.label, speakersFile: options.speakersFile });
  // Sampled before convert() lets the rows go.
  const explainer = options.explain ? explainSheet(sheet) : undefined;
  return {
    startedAt,
    time,
    sheet,
    converted: sheet.convert(time, { checkOnly: options.checkOnly === true && !options.explain }),
    ...(explainer ? { explainer } : {}),
    speakers: await prepareSpeakerCheck(speakersSheet, {
      photoBaseDir: imageBaseDir(options.speakersFile ?? file),
      speakerList: options.speakerList,
      speakerListsByRole: options.speakerListsByRole,
    }),
    sessions: [],
    speakerWarnings: [],
  };
}

function offlinePlanner({ sheet, converted }: CheckedSheet): RowPlanner {
  return createRowPlanner(
    {
      guideId: 0,
      serverSessions: [],
      tracks: [],
      locations: [],
      // Offline, track and location names cannot be checked against a guide: count them as new.
      options: { createMissing: true, prune: false, yes: 0 },
    },
    // Built before any row is converted and let go, while every row is still there to name.
    indexImportIds(sheet.count, (index) => converted.importIds[index], sheet.placeOf, converted.importIdIndex),
  );
}

/** Each row's plan entry, in sheet order, converted and planned (by `plan`) as it is asked for. */
function* plannedEntries<E>(checked: CheckedSheet, plan: (row: ConvertedRow) => E): Generator<E> {
  for (const row of checked.converted.rows) {
    // Only what the speakers' check reads is kept of a row (its import id and speaker cells), and
    // without a Speakers sheet only of the rows that name speakers: the roster reads no other.
    if (row.ok && (row.session.speakers !== undefined || checked.speakers.speakersSheet !== null)) {
      const { sheet, row: at, speakers, fields } = row.session;
      checked.sessions.push({ sheet, row: at, speakers, fields: { import_id: fields.import_id } });
    }
    yield plan(row);
  }
}

/** The speakers' report rows (record 'speaker', counted apart in summary.speakers), after the sessions'. */
function speakerRows(checked: CheckedSheet): ReportRow[] {
  const validated = validateSpeakers(checked.speakers, checked.sessions);
  checked.sessions = [];
  if (validated === null) return [];
  checked.speakerWarnings = validated.warnings;
  return validated.rows;
}

function validationDocument(
  file: string,
  options: Omit<ValidateFileOptions, 'file'>,
  checked: CheckedSheet,
  rows: ReportRow[],
  summary: Summary,
): ReportDocument {
  const document = reportDocument({
    command: 'validate',
    file,
    guideId: null,
    dryRun: true,
    startedAt: checked.startedAt,
    options: {
      sheet: options.sheet,
      mapping: typeof options.mapping === 'string' ? options.mapping : options.mapping?.source,
      ...checked.time,
    },
    summary,
    warnings: [...checked.sheet.warnings, ...checked.converted.warnings(), ...checked.speakerWarnings],
    rows,
  });
  if (checked.explainer) document.explain = checked.explainer.finish(checked.converted.formats.detected);
  return document;
}

/** validate --explain: each field's first filled cells, sampled while the rows are held as read. */
function explainSheet(sheet: ReadSheet): Explainer {
  const explainer = createExplainer(sheet.columnMap, sheet.header.row, sheet.mapping ?? sheet.parts[0]?.layoutMapping);
  for (let index = 0; index < sheet.count; index++) {
    const row = sheet.mappedRow(index);
    if (row) explainer.addMapped(row);
  }
  return explainer;
}
