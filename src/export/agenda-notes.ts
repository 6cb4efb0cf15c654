import { CANONICAL_COLUMNS } from '../map/fields.js';
import { SPEAKER_FIELD_ORDER, SPEAKER_FIELDS } from '../map/speaker-fields.js';
import type { ExportedAgenda } from './types.js';

/** What importing the file will write for the sessions that had no import_id. */
export function assignedImportIdsNote(count: number): string {
  const sessions = count === 1 ? '1 session has' : `${count} sessions have`;
  const each = count === 1 ? 'it' : 'each';
  return (
    `${sessions} no import_id in Guidebook: this file gives ${each} "gb-session-<its Guidebook id>". ` +
    `Importing the file writes ${count === 1 ? 'that id' : 'those ids'} to Guidebook (one PATCH per session, ` +
    `${count} in all); from then on ${count === 1 ? 'the session is' : 'those sessions are'} matched by ${count === 1 ? 'it' : 'them'}.`
  );
}

/** Custom list items the export leaves out: without an import id the importer never touches them. */
export function unmarkedSpeakersNote(count: number): string {
  const items = count === 1 ? '1 custom list item has' : `${count} custom list items have`;
  return `${items} no import id (made in Builder, not by this importer): left out of the Speakers sheet, and never changed by an import.`;
}

/** Why some rows' "Time Zone" is not the zone asked for. */
export function allDayZoneNote(count: number, guideZone: string): string {
  const rows = count === 1 ? '1 all-day session is' : `${count} all-day sessions are`;
  return `${rows} dated in the guide's zone, ${guideZone} (their "Time Zone" cell says so): they start at midnight there, not in the zone asked for.`;
}

/** The "Notes" sheet: what the file is, how to import it again, and each column. */
export function notesRows(agenda: ExportedAgenda): string[][] {
  const rows: string[][] = [
    [`Sessions of Guidebook guide ${agenda.guideId} (${agenda.guideName}), exported by guidebook-import.`],
    [`${agenda.rows.length} sessions, sorted by start time, then title.`],
    [
      `Times are local wall-clock times in ${agenda.timezone}, the zone in each row's "Time Zone" column; ` +
        'an import reads them in that zone whatever --timezone says.',
    ],
    [
      `Edit the Agenda sheet and import it again: guidebook-import import <this file> --guide ${agenda.guideId} ` +
        '(add --dry-run first to see what would change). Rows are matched by Import ID: changed rows are updated, ' +
        'unchanged rows cost no request, new rows are created.',
    ],
    [
      'An End on a later day than the Date is written as a full date and time; a time marked with an offset ' +
        '(e.g. 01:30-05:00) is the second of two equal clock times when clocks go back.',
    ],
    ['Descriptions are the HTML Guidebook holds; plain text is accepted too (a blank line starts a new paragraph).'],
    ['Tracks and locations are given by name; several in one cell are separated by ";".'],
    [
      "Speakers: the Speakers column names each session's speakers in the order the app shows them (an import id " +
        'where two speakers share a name); their details are in the Speakers sheet (the "-speakers.csv" file beside a CSV: ' +
        "import it with --speakers). Image and Photo are the stored images' URLs: unchanged, nothing is uploaded again.",
    ],
  ];
  for (const note of agenda.notes) rows.push([note]);
  for (const warning of agenda.warnings) rows.push([`Warning: ${warning}`]);
  rows.push([]);
  rows.push(['Column', 'What it holds']);
  for (const column of CANONICAL_COLUMNS) rows.push([column.header, column.help]);
  if (agenda.speakerRows.length > 0) {
    rows.push([]);
    rows.push(['Speakers sheet column', 'What it holds']);
    for (const field of SPEAKER_FIELD_ORDER) rows.push([SPEAKER_FIELDS[field].header, SPEAKER_FIELDS[field].help]);
  }
  return rows;
}
