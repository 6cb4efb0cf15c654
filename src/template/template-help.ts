// The "How to fill this in" sheet of the XLSX template: each column, the accepted formats and the
// time-zone rule, in words an event planner can follow.
import { DURATION_EXAMPLES } from '../time/index.js';
import type { TemplateRows } from './template-rows.js';

export const HELP_SHEET = 'How to fill this in';

const REQUIRED: Readonly<Record<string, string>> = {
  'Import ID': 'strongly advised',
  Title: 'required',
  Date: 'required',
  Start: 'required',
  End: 'advised',
};

const FORMATS: ReadonlyArray<[string, string]> = [
  [
    'Dates',
    '2027-05-18 (safest), 18 May 2027, May 18, 2027, 18/05/2027 or 05/18/2027, or a date cell. ' +
      'The day/month order is detected from the whole column; when every day is 12 or less, set it with --date-format d/M/yyyy (or M/d/yyyy).',
  ],
  [
    'Times',
    '9:00 AM, 9:00am, 9 pm, 09:00, 21:30, 9.30, noon, or a time cell. An End earlier than the Start is an error, ' +
      'unless the session runs past midnight and you import with --overnight.',
  ],
  ['Date and time in one cell', 'Start may hold both (2027-05-18 9:00 AM) when there is no Date column; End likewise.'],
  ['Durations', `Instead of End you may add a Duration column: ${DURATION_EXAMPLES}.`],
  ['Yes/no', 'yes or no; also y/n, true/false, 1/0, on/off, or x. A blank cell means no.'],
  [
    'Lists',
    'Track(s) and Room/Location take several names separated by ; (AI; Cloud). A cell without ; may use commas instead. ' +
      "Names must match the guide's schedule tracks and locations; import with --create-missing to create the missing ones.",
  ],
  [
    'Description',
    'Plain text, where a blank line starts a new paragraph, or basic HTML: <p>, <b>, <i>, <a href="…">, <ul><li>, <br>. ' +
      'Other tags and scripts are removed.',
  ],
  [
    'Import ID',
    'Any text unique in the sheet, such as AG-001. Keep it when you edit the row: the next import finds the session by it and ' +
      'updates it instead of adding a copy. A row without one gets an id made from its title and start, so editing those later adds a duplicate.',
  ],
];

const TIME_ZONE_RULE: ReadonlyArray<[string, string]> = [
  ['Time zone', 'Times are local wall-clock times at the event. The zone they are read in is the first of these that applies:'],
  ['1.', 'An explicit offset in the value itself (2027-05-18T09:00-04:00, or Z for UTC) keeps that exact instant.'],
  ['2.', "The row's Time Zone column: an IANA zone name such as America/New_York or Europe/Berlin."],
  ['3.', 'The --timezone option of import and validate.'],
  ['4.', "The guide's own time zone, as set in Guidebook Builder."],
  ['', 'Summer-time changes are handled; a time that does not exist on its day (the hour skipped in spring) is reported, not moved.'],
];

const COMMANDS: ReadonlyArray<[string, string]> = [
  ['Check the sheet', 'guidebook-import validate agenda.xlsx --timezone America/New_York'],
  ['See what would change', 'guidebook-import import agenda.xlsx --guide <guide id> --dry-run'],
  ['Import', 'guidebook-import import agenda.xlsx --guide <guide id>'],
];

/** Rows of the help sheet, as text cells. */
export function buildHelpRows(template: TemplateRows): string[][] {
  return [
    ['How to fill in the Agenda sheet'],
    [
      '',
      'One row per session; keep the header row as it is. The two example rows are valid: replace them with your own sessions. ' +
        'A column you do not need can be deleted: what the sheet does not have is never changed in Guidebook. ' +
        'Import the same sheet again after editing it and only what changed is sent.',
    ],
    [],
    ['Column', 'What to write', 'Needed'],
    ...template.headers.map((header, index) => [header, template.help[index] ?? '', REQUIRED[header] ?? 'optional']),
    [],
    ['Formats', ''],
    ...FORMATS.map(([topic, text]) => [topic, text]),
    [],
    ...TIME_ZONE_RULE.map(([topic, text]) => [topic, text]),
    [],
    ['Commands', ''],
    ...COMMANDS.map(([topic, text]) => [topic, text]),
  ];
}
