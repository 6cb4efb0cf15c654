// Plans made by the real planner (src/plan/) from a fresh listing of the sandbox, as `import` does.
import type { GuidebookClient } from '../../src/api/types.js';
import { planImport, type PlanOptions } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';
import type { ApiLocation, ApiScheduleTrack, ConvertedRow, SessionFields } from '../../src/types.js';
import { listAll } from './sandbox-fixture.js';
import type { SheetRow } from './hand-plan.js';

export interface SheetLine {
  fields: SheetRow;
  tracks?: string[];
  locations?: string[];
}

/** Sheet rows as the convert stage hands them over (valid rows, times already UTC). */
export function converted(lines: SheetLine[]): ConvertedRow[] {
  return lines.map((line, index) => {
    const mapped: Array<keyof SessionFields | 'schedule_tracks' | 'locations'> = [
      'import_id',
      'name',
      'description_html',
      'start_time',
      'end_time',
    ];
    if (line.tracks) mapped.push('schedule_tracks');
    if (line.locations) mapped.push('locations');
    return {
      ok: true,
      session: {
        sheet: 'Agenda',
        row: index + 2,
        fields: line.fields as SessionFields,
        ...(line.tracks && { tracks: line.tracks }),
        ...(line.locations && { locations: line.locations }),
        mapped,
        zone: 'America/New_York',
        derivedImportId: false,
        warnings: [],
      },
    };
  });
}

export async function planAgainstServer(
  client: GuidebookClient,
  guideId: number,
  lines: SheetLine[],
  options: Partial<PlanOptions> = {},
): Promise<Plan> {
  const before = client.requestCount;
  const serverSessions = await listAll(client, guideId);
  const tracks: ApiScheduleTrack[] = [];
  for await (const track of client.listScheduleTracks(guideId)) tracks.push(track);
  const locations: ApiLocation[] = [];
  for await (const location of client.listLocations(guideId)) locations.push(location);
  return planImport({
    guideId,
    rows: converted(lines),
    serverSessions,
    tracks,
    locations,
    readRequests: client.requestCount - before,
    options: { createMissing: false, prune: false, yes: 0, ...options },
  });
}
