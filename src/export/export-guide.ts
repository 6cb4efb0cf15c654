import type { GuidebookClient } from '../api/types.js';
import { GuidebookImportError } from '../errors.js';
import { normaliseZoneName } from '../time/index.js';
import { AGENDA_HEADERS, buildAgendaRows } from './agenda-rows.js';
import { allDayZoneNote, assignedImportIdsNote, unmarkedSpeakersNote } from './agenda-notes.js';
import { assignedImportId } from '../plan/import-ids.js';
import { buildSpeakerRows, SPEAKER_HEADERS } from './speaker-rows.js';
import type { ExportGuideOptions, ExportedAgenda } from './types.js';

/**
 * Reads a guide's sessions, tracks, locations and speakers (custom lists, their items, relations
 * and links; each list once, paginated) and turns them into the agenda and Speakers sheets the
 * importer reads back unchanged. No printing, no files.
 */
export async function exportGuide(client: GuidebookClient, options: ExportGuideOptions): Promise<ExportedAgenda> {
  const before = client.requestCount;
  const asked = options.timezone === undefined ? null : zoneOption(options.timezone);
  const guide = await client.getGuide(options.guideId);
  const ownZone = guide.timezone ? normaliseZoneName(guide.timezone) : null;
  const zone = asked ?? guideZone(options.guideId, guide.timezone);
  const [sessions, tracks, locations, lists, items, links] = await Promise.all([
    collect(client.listSessions(options.guideId)),
    collect(client.listScheduleTracks(options.guideId)),
    collect(client.listLocations(options.guideId)),
    collect(client.listCustomLists(options.guideId)),
    collect(client.listCustomListItems(options.guideId)),
    collect(client.listLinks(options.guideId)),
  ]);
  const relations = await collect(client.listCustomListItemRelations(options.guideId, new Set(lists.map((list) => list.id))));
  const speakers = buildSpeakerRows({
    lists,
    items,
    relations,
    links,
    sessionImportIds: new Map(sessions.map((session) => [session.id, session.import_id || assignedImportId(session.id)])),
    speakerList: options.speakerList ?? 'Speakers',
  });
  const agenda = buildAgendaRows({ sessions, tracks, locations, zone, guideZone: ownZone, speakers: speakers.sessionCells });
  const notes: string[] = [];
  if (speakers.withoutImportId > 0) notes.push(unmarkedSpeakersNote(speakers.withoutImportId));
  if (agenda.assignedImportIds > 0) notes.push(assignedImportIdsNote(agenda.assignedImportIds));
  if (agenda.allDayInGuideZone > 0 && ownZone) notes.push(allDayZoneNote(agenda.allDayInGuideZone, ownZone));
  return {
    guideId: options.guideId,
    guideName: guide.name,
    timezone: zone,
    headers: AGENDA_HEADERS,
    rows: agenda.rows,
    assignedImportIds: agenda.assignedImportIds,
    notes,
    warnings: agenda.warnings,
    requests: client.requestCount - before,
    speakerHeaders: SPEAKER_HEADERS,
    speakerRows: speakers.rows,
  };
}

function zoneOption(name: string): string {
  const zone = normaliseZoneName(name);
  if (zone === null) {
    throw new GuidebookImportError(
      'timezone',
      `--timezone ${JSON.stringify(name)} is not a known IANA time zone (for example America/New_York, Europe/Berlin or UTC)`,
    );
  }
  return zone;
}

function guideZone(guideId: number, timezone: string | null): string {
  const zone = timezone ? normaliseZoneName(timezone) : null;
  if (zone !== null) return zone;
  const what = timezone ? `has the time zone ${JSON.stringify(timezone)}, which is not an IANA zone` : 'has no time zone';
  throw new GuidebookImportError(
    'timezone',
    `Guide ${guideId} ${what}: pass --timezone with the zone to write local times in (e.g. --timezone America/New_York)`,
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
