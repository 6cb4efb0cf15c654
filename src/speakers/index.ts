// What other folders use of the speakers: reading the Speakers sheet, planning against one listing,
// applying after the sessions, and the report rows.
import type { GuidebookClient } from '../api/types.js';
import type { ApiSession, ConvertedRow, SheetSession } from '../types.js';
import { ImageLoader, type ImageMemory } from '../images/index.js';
import { isSpeakerWrite } from './apply-speakers.js';
import { formatSpeakerPlan } from './format-speaker-plan.js';
import { listSpeakerResources } from './list-speakers.js';
import { checkSpeakerPhotos } from './speaker-photos.js';
import { planSpeakers, speakerWriteRequests, type SpeakerPlan } from './plan-speakers.js';
import type { SpeakersSheet } from './read-speakers.js';
import { buildRoster } from './speaker-roster.js';

export { readSpeakers, type SpeakersSheet } from './read-speakers.js';
export { applySpeakers, isSpeakerWrite } from './apply-speakers.js';
export { speakerReportRow } from './speaker-report.js';
export { prepareSpeakerCheck, validateSpeakers, type SpeakerCheck } from './validate-speakers.js';
export type { RosterSession } from './speaker-roster.js';
export type { SpeakerPlan } from './plan-speakers.js';

export interface PlannedSpeakers {
  plan: SpeakerPlan;
  /** Session import id → id of the guide's sessions (import ids held by one session only). */
  sessionIds: Map<string, number>;
  /** The plan's speaker totals and their cost in requests, one line for the terminal. */
  totals: string;
  /**
   * The write requests of each speaker whose entry sends any, by its import id: a speaker is
   * many requests (item, relations, links, photo), so progress counts it by them.
   */
  writeRequests: ReadonlyMap<string, number>;
}

/**
 * The speakers' plan, or null when the sheet names no speakers and has no Speakers sheet (then not
 * one request is spent on custom lists). Lists the guide's speaker resources once.
 */
export async function planSpeakerImport(
  client: GuidebookClient,
  guideId: number,
  rows: readonly ConvertedRow[],
  speakersSheet: SpeakersSheet | null,
  serverSessions: readonly ApiSession[],
  options: {
    speakerList?: string;
    speakerListsByRole?: boolean;
    prune?: boolean;
    yes?: number;
    maxDeletes?: number;
    /** The folder relative photo paths start from. */
    photoBaseDir: string;
    imageMemory?: ImageMemory;
    refreshImages?: boolean;
  },
): Promise<PlannedSpeakers | null> {
  const sessions: SheetSession[] = rows.flatMap((row) => (row.ok ? [row.session] : []));
  if (speakersSheet === null && !sessions.some((session) => session.speakers !== undefined)) return null;
  const listing = await listSpeakerResources(client, guideId);
  const roster = buildRoster({ speakersSheet, sessions });
  const photos = await checkSpeakerPhotos(roster, new ImageLoader(options.photoBaseDir));
  const plan = planSpeakers({
    guideId,
    roster,
    listing,
    photos,
    rememberedPhoto: (itemId) => options.imageMemory?.get('custom-list-items', itemId, 'image'),
    refreshImages: options.refreshImages,
    serverSessions,
    options: {
      listName: options.speakerList ?? 'Speakers',
      listsByRole: options.speakerListsByRole ?? false,
      prune: options.prune ?? false,
      yes: options.yes ?? 0,
      maxDeletes: options.maxDeletes,
    },
  });
  const counts = new Map<string, number>();
  for (const session of serverSessions) if (session.import_id) counts.set(session.import_id, (counts.get(session.import_id) ?? 0) + 1);
  const sessionIds = new Map<string, number>();
  for (const session of serverSessions)
    if (session.import_id && counts.get(session.import_id) === 1) sessionIds.set(session.import_id, session.id);
  const writeRequests = new Map(plan.entries.filter(isSpeakerWrite).map((entry) => [entry.importId, speakerWriteRequests(entry)]));
  return { plan, sessionIds, totals: formatSpeakerPlan(plan), writeRequests };
}
