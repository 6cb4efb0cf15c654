// The Speakers sheet of the XLSX template: SheetSpeaker's canonical columns, each header carrying
// its help, and two example speakers that the example sessions name (so the pair imports as is).
import { SPEAKER_FIELD_ORDER, SPEAKER_FIELDS, type SpeakerField } from '../map/speaker-fields.js';
import type { SheetCell } from '../sheet-cells/index.js';

export const SPEAKERS_SHEET = 'Speakers';

export interface SpeakerTemplateRows {
  headers: string[];
  help: string[];
  examples: SheetCell[][];
}

const EXAMPLES: ReadonlyArray<Partial<Record<SpeakerField, SheetCell>>> = [
  {
    import_id: 'SPK-001',
    name: 'Dr. Maya Chen',
    title: 'Program Chair',
    company: 'Northwind Research',
    bio: 'Maya leads the applied AI group at Northwind Research and chairs this year’s program.',
    email: 'maya.chen@example.org',
    role: 'Speaker',
    sessions: 'AG-001',
  },
  {
    import_id: 'SPK-002',
    name: 'Luis Ortega',
    title: 'Staff Engineer',
    company: 'Contoso Cloud',
    bio: '<p>Luis builds serverless platforms and teaches the <b>hands-on</b> workshops.</p>',
    role: 'Speaker',
    sessions: 'AG-002',
  },
];

export function buildSpeakerTemplateRows(): SpeakerTemplateRows {
  return {
    headers: SPEAKER_FIELD_ORDER.map((field) => SPEAKER_FIELDS[field].header),
    help: SPEAKER_FIELD_ORDER.map((field) => SPEAKER_FIELDS[field].help),
    examples: EXAMPLES.map((example) => SPEAKER_FIELD_ORDER.map((field) => example[field] ?? null)),
  };
}

/** The help sheet's section on speakers. */
export function speakerHelpRows(rows: SpeakerTemplateRows): string[][] {
  return [
    ['How to fill in the Speakers sheet'],
    [
      '',
      'One row per person; Name is required. A session names its speakers in the Agenda sheet’s Speakers column ' +
        '(by name, "Name <email>", or Import ID; several separated by ;) or a speaker lists the Import IDs of their sessions in ' +
        'Sessions. Each speaker becomes an item of the guide’s "Speakers" list, linked to their sessions both ways.',
    ],
    ['Column', 'What to write'],
    ...rows.headers.map((header, index) => [header, rows.help[index] ?? '']),
    [
      'Images',
      'Photo (speakers) and Image (sessions): a PNG or JPEG file, by a path relative to this workbook or an http(s) URL. ' +
        'An image is uploaded once; an unchanged one is never sent again.',
    ],
  ];
}

/**
 * The CSV form (`template --format csv` writes it as <name>-speakers.csv beside the agenda): the
 * help first, one cell per line as a CSV has no notes, then the header and the two examples. The
 * reader takes the row with the most known headers as the header, so the help rows are passed over.
 */
export function speakerCsvRows(rows: SpeakerTemplateRows): SheetCell[][] {
  return [
    ['How to fill in this Speakers file (these help lines above the header row are not read; delete them or keep them)'],
    [
      'One row per person; Name is required. Import it with the agenda: guidebook-import import agenda.csv --speakers this-file.csv. ' +
        'A session names its speakers in the agenda’s Speakers column (by name, "Name <email>", or Import ID; several separated by ;) ' +
        'or a speaker lists the Import IDs of their sessions in Sessions.',
    ],
    ...rows.headers.map((header, index) => [`${header}: ${rows.help[index] ?? ''}`]),
    [],
    rows.headers,
    ...rows.examples,
  ];
}
