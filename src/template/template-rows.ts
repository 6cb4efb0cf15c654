// The blank agenda sheet `template` writes: every canonical column and two valid example rows.
import { CANONICAL_COLUMNS } from '../map/fields.js';
import type { MappedField } from '../types.js';
import { date, dateTime, time, type ClockStyle, type SheetCell } from '../sheet-cells/index.js';

/** Times as people type them in a sheet: "9:00 AM" text, `h:mm AM/PM` cells. */
export const TEMPLATE_CLOCK: ClockStyle = '12-hour';

export interface TemplateRows {
  /** The canonical headers, in order. */
  headers: string[];
  /** One line of help per header (same index). */
  help: string[];
  /** Example rows aligned with `headers`. */
  examples: SheetCell[][];
}

type ExampleRow = Partial<Record<MappedField, SheetCell>>;

// Both examples must pass `validate` as they are: the keynote shows the plain case, the workshop a
// multi-track session with registration (whose fields depend on each other).
const EXAMPLES: readonly ExampleRow[] = [
  {
    import_id: 'AG-001',
    name: 'Opening Keynote: The Year Ahead',
    date: date(2027, 5, 18),
    start: time(9, 0),
    end: time(10, 0),
    all_day: 'no',
    tracks: 'Keynote',
    locations: 'Main Hall',
    description:
      'Our program chair opens the conference with the themes of the year and the people behind them.\n\n' +
      'Doors open at 8:30 AM; arrive early for a seat near the front.',
    allow_rating: 'yes',
    add_to_schedule: 'yes',
    require_login: 'no',
    waitlist: 'no',
    speakers: 'Dr. Maya Chen',
  },
  {
    import_id: 'AG-002',
    name: 'Hands-on: Serverless AI Pipelines',
    date: date(2027, 5, 18),
    start: time(10, 30),
    end: time(12, 0),
    all_day: 'no',
    tracks: 'AI; Cloud',
    locations: 'Room 201',
    description:
      '<p>Build a small document-summarising pipeline with managed functions and a hosted model.</p>' +
      '<ul><li>Bring a laptop with Node.js 20</li><li>Cloud credits are provided</li></ul>',
    allow_rating: 'yes',
    add_to_schedule: 'yes',
    rank: 1,
    require_login: 'yes',
    max_capacity: 40,
    waitlist: 'yes',
    registration_start_date: dateTime(2027, 5, 1, 9, 0),
    registration_end_date: dateTime(2027, 5, 17, 17, 0),
    speakers: 'Luis Ortega; Dr. Maya Chen',
  },
];

export function buildTemplateRows(): TemplateRows {
  return {
    headers: CANONICAL_COLUMNS.map((column) => column.header),
    help: CANONICAL_COLUMNS.map((column) => column.help),
    examples: EXAMPLES.map((example) => CANONICAL_COLUMNS.map((column) => example[column.field] ?? null)),
  };
}
