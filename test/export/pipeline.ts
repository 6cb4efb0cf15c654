// The importer's real pipeline, as `import` runs it: read the file, map its columns, convert and
// validate the rows, plan them against a fresh listing of the guide.
import type { GuidebookClient } from '../../src/api/types.js';
import { buildColumnMap, mapRow, scoreHeaderRow } from '../../src/map/index.js';
import { planImport } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';
import { openSheet } from '../../src/read/index.js';
import type { ApiLocation, ApiScheduleTrack, ApiSession, ConvertedRow, MappedRow } from '../../src/types.js';
import { convertRows } from '../../src/validate/index.js';

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export interface ReadBack {
  headers: string[];
  mapped: MappedRow[];
  converted: ConvertedRow[];
  warnings: string[];
}

/** The file through read → map → convert/validate; `timezone` plays --timezone. */
export async function readBack(path: string, options: { timezone?: string; guideTimezone?: string } = {}): Promise<ReadBack> {
  const source = await openSheet(path, { scoreHeader: scoreHeaderRow });
  const map = buildColumnMap(source.header);
  const mapped: MappedRow[] = [];
  for await (const raw of source.rows) mapped.push(mapRow(raw, map));
  const { rows, warnings } = convertRows(mapped, { timezone: options.timezone, guideTimezone: options.guideTimezone });
  return { headers: source.header.headers, mapped, converted: rows, warnings };
}

/** The file planned against the guide as it is now on the server. */
export async function planFile(
  path: string,
  client: GuidebookClient,
  guideId: number,
  options: { timezone?: string } = {},
): Promise<{ plan: Plan; read: ReadBack; serverSessions: ApiSession[] }> {
  const before = client.requestCount;
  const guide = await client.getGuide(guideId);
  const [serverSessions, tracks, locations] = await Promise.all([
    collect(client.listSessions(guideId)),
    collect<ApiScheduleTrack>(client.listScheduleTracks(guideId)),
    collect<ApiLocation>(client.listLocations(guideId)),
  ]);
  const read = await readBack(path, { timezone: options.timezone, guideTimezone: guide.timezone ?? undefined });
  const plan = planImport({
    guideId,
    rows: read.converted,
    serverSessions,
    tracks,
    locations,
    readRequests: client.requestCount - before,
    options: { createMissing: false, prune: false, yes: 0 },
  });
  return { plan, read, serverSessions };
}
