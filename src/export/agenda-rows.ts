import { CANONICAL_COLUMNS } from '../map/fields.js';
import { assignedImportId } from '../plan/import-ids.js';
import { parseInstant } from '../time/index.js';
import type { ApiLocation, ApiScheduleTrack, ApiSession } from '../types.js';
import { referenceCellWriter } from './reference-cell.js';
import { sessionCells, type SessionCellContext } from './session-cells.js';
import type { ExportCell } from './types.js';

export interface AgendaInput {
  sessions: readonly ApiSession[];
  tracks: readonly ApiScheduleTrack[];
  locations: readonly ApiLocation[];
  /** IANA zone to write local times in, already normalised. */
  zone: string;
  /** The guide's own zone (normalised), if it has one. */
  guideZone?: string | null;
  /** Session id → its Speakers cell (see speaker-rows.ts). */
  speakers?: ReadonlyMap<number, string>;
}

export interface AgendaRows {
  rows: ExportCell[][];
  assignedImportIds: number;
  /** How many all-day sessions were written in the guide's zone rather than `zone`. */
  allDayInGuideZone: number;
  warnings: string[];
}

export const AGENDA_HEADERS: readonly string[] = CANONICAL_COLUMNS.map((column) => column.header);

/**
 * The guide's sessions as rows of the canonical columns, sorted by start, then name (then id, so
 * the order never depends on the listing). A session without an import_id gets
 * `gb-session-<id>`, which the planner matches back to it.
 */
export function buildAgendaRows(input: AgendaInput): AgendaRows {
  const warnings = new Set<string>();
  let allDayInGuideZone = 0;
  const context: SessionCellContext = {
    zone: input.zone,
    guideZone: input.guideZone ?? null,
    onGuideZone: () => allDayInGuideZone++,
    warnings,
    tracks: referenceCellWriter('track', input.tracks, warnings),
    locations: referenceCellWriter('location', input.locations, warnings),
    speakers: input.speakers,
  };
  const holders = new Map<string, number>();
  for (const session of input.sessions) if (session.import_id) holders.set(session.import_id, session.id);

  let assigned = 0;
  const rows = sortedByStart(input.sessions).map((session) => {
    let importId = session.import_id;
    if (!importId) {
      importId = assignedImportId(session.id);
      assigned++;
      const holder = holders.get(importId);
      if (holder !== undefined) {
        warnings.add(
          `Session ${session.id} has no import_id, and "${importId}" is already held by session ${holder}: ` +
            'importing this file reports both rows as a conflict until one of them gets another Import ID.',
        );
      }
    }
    const byField = sessionCells(session, importId, context);
    return CANONICAL_COLUMNS.map((column) => byField[column.field] ?? null);
  });
  return { rows, assignedImportIds: assigned, allDayInGuideZone, warnings: [...warnings] };
}

function sortedByStart(sessions: readonly ApiSession[]): ApiSession[] {
  const keyed = sessions.map((session) => ({ session, start: parseInstant(session.start_time) ?? Number.POSITIVE_INFINITY }));
  // Code-point order for names: the machine's locale must not change the file.
  keyed.sort(
    (a, b) =>
      a.start - b.start || (a.session.name < b.session.name ? -1 : a.session.name > b.session.name ? 1 : 0) || a.session.id - b.session.id,
  );
  return keyed.map((entry) => entry.session);
}
