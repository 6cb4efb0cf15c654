// A flaky server: 20 % of requests answer 500/502/503, 10 % of writes are done and then cut off
// before the answer. Repeated runs (at most 3) converge to exactly the sheet, with no duplicate
// session, track or location.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport } from '../support/report-file.js';
import type { CliResult } from '../support/cli-process.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld({ failRate: 0.2, dropRate: 0.1, seed: 2027 });
});
afterAll(cleanUp);

describe('import against a flaky sandbox', () => {
  it('converges to exactly the sheet within three runs, with zero duplicates', async () => {
    const rows = agendaRows(30, { tracks: ['Keynote', 'AI; Cloud', 'Data'], rooms: ['Main Hall', 'Room 201', 'Room 202'] });
    const sheet = join(world.dir, 'agenda.csv');
    writeAgendaCsv(sheet, rows);

    const runs: CliResult[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const run = await world.importCli(sheet, ['--create-missing', '--json']);
      runs.push(run);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      if (run.code === 0) break;
      expect(run.code).toBe(1); // failed rows, reported; the next run picks them up
    }
    expect(runs.at(-1)!.code).toBe(0);
    // The faults really happened: some answers were errors, some writes were cut off.
    const requests = world.sandbox.requests();
    expect(requests.some((r) => r.status >= 500)).toBe(true);
    expect(requests.some((r) => r.dropped)).toBe(true);

    const state = await world.sandbox.state();
    const byImportId = sessionsByImportId(state);
    expect([...byImportId.keys()].sort()).toEqual(rows.map((r) => r.id));
    expect([...byImportId.values()].filter((group) => group.length > 1)).toEqual([]);
    expect(state.sessions).toHaveLength(30);
    expect(state.schedule_tracks.map((t) => t.name).sort()).toEqual(['AI', 'Cloud', 'Data', 'Keynote']);
    expect(state.locations.map((l) => l.name).sort()).toEqual(['Main Hall', 'Room 201', 'Room 202']);
    const track = new Map(state.schedule_tracks.map((t) => [t.id, t.name]));
    const room = new Map(state.locations.map((l) => [l.id, l.name]));
    for (const row of rows) {
      const session = byImportId.get(row.id)![0]!;
      expect(session.name).toBe(row.title);
      expect(session.schedule_tracks.map((id) => track.get(id)).sort()).toEqual(row.tracks!.split(/;\s*/).sort());
      expect(session.locations.map((id) => room.get(id))).toEqual([row.room]);
    }
    // The last report accounts for every row, and nothing is left to do.
    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(report).toHaveLength(30);
    expect(report.every((r) => r.outcome === 'done')).toBe(true);
  });
});
