import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
import { convertFile, view } from './layout-helpers.js';

// A grid per day sheet, shaped as the MODELS 2016 programme (test/fixtures/layouts/make-layouts.ts).
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/layouts/models2016-grid.xlsx');
const ALL = ['Bouvet 1', 'Bouvet 2', 'Charcot', 'Vauban 1'];

describe('one time grid per day sheet (MODELS 2016 shape)', () => {
  it('reads both day sheets, skips Speakers, dates each by its name (2016-10-02 is a Sunday; Europe/Paris, UTC+2)', async () => {
    const { sessions, invalid, warnings } = await convertFile({ file }, { timezone: 'Europe/Paris', firstDay: '2016-10-02' });
    expect(invalid).toEqual([]);
    const at = (sheet: string, row: number, name: string, day: string, start: string, end: string, rooms: string[]) => ({
      sheet,
      row,
      name,
      start: `2016-10-${day}T${start}:00.000Z`,
      end: `2016-10-${day}T${end}:00.000Z`,
      rooms,
    });
    expect(sessions.map(view)).toEqual([
      at('Sunday!B2', 2, 'Doctoral Symposium', '02', '07:00', '08:30', ['Bouvet 1']),
      at('Sunday!C2', 2, 'Advanced Model Management with Epsilon', '02', '07:00', '08:30', ['Bouvet 2']),
      at('Sunday!D2', 2, 'ARCADIA in a Nutshell', '02', '07:00', '08:30', ['Charcot']),
      at('Sunday!B3', 3, 'Coffee break', '02', '08:30', '09:00', ALL),
      at('Sunday!C4', 4, 'Advanced Model Management with Epsilon', '02', '09:00', '10:30', ['Bouvet 2']),
      at('Sunday!D4', 4, 'ARCADIA in a Nutshell', '02', '09:00', '10:30', ['Charcot']),
      at('Sunday!E4', 4, 'MDE for bulls', '02', '09:00', '09:45', ['Vauban 1']),
      at('Sunday!B5', 5, 'Lunch', '02', '10:30', '12:00', ALL),
      at('Monday!B2', 2, 'Keynote: Modeling at scale', '03', '07:00', '08:00', ALL),
      at('Monday!B3', 3, 'MDE for cows', '03', '08:00', '08:30', ['Bouvet 1']),
      at('Monday!C3', 3, 'MDE or not MDE?', '03', '08:00', '08:30', ['Bouvet 2']),
      at('Monday!E3', 3, 'Farming session 1', '03', '08:00', '09:00', ['Vauban 1']),
    ]);
    expect(sessions.at(-1)?.fields.description_html).toBe('<p>Richard Paige, Dimitris Kolovos</p>');
    expect(warnings).toContain(
      'read 2 agenda sheets: "Sunday", "Monday"; skipped "Speakers" (no agenda header: a title and a start column, or a time grid)',
    );
  });

  it('validates with no invalid row and reports each session by its cell', async () => {
    const { document } = await validateFile(file, { timezone: 'Europe/Paris', firstDay: '2016-10-02' });
    expect(document.summary.invalid).toBe(0);
    expect(document.rows.map((row) => row.sheet)).toEqual([
      'Sunday!B2',
      'Sunday!C2',
      'Sunday!D2',
      'Sunday!B3',
      'Sunday!C4',
      'Sunday!D4',
      'Sunday!E4',
      'Sunday!B5',
      'Monday!B2',
      'Monday!B3',
      'Monday!C3',
      'Monday!E3',
    ]);
  });
});
