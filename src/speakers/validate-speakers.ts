// `validate`'s speakers: the Speakers sheet (or --speakers FILE) and the sessions' speaker cells
// checked offline exactly as import plans them, against a guide with no speakers yet, so validate
// reports the same invalid and conflicting speaker rows as import does. Photo files are loaded
// and checked first (validate's rows are made one at a time, synchronously); a photo URL is not
// downloaded (validate sends nothing).
import type { ImageLoad } from '../images/image-file.js';
import { ImageLoader } from '../images/index.js';
import type { ReportRow } from '../types.js';
import { planSpeakers } from './plan-speakers.js';
import type { SpeakersSheet } from './read-speakers.js';
import { loadSheetPhotosOffline, settleSpeakerPhotos } from './speaker-photos.js';
import { speakerReportRow } from './speaker-report.js';
import { buildRoster, type RosterSession } from './speaker-roster.js';

export interface SpeakerCheck {
  speakersSheet: SpeakersSheet | null;
  /** The Speakers sheet's photo files, loaded and checked. */
  photos: ReadonlyMap<string, ImageLoad>;
  speakerList?: string;
  speakerListsByRole?: boolean;
}

export interface ValidatedSpeakers {
  /** One report row per speaker (record 'speaker'), as a dry-run import into an empty guide gives. */
  rows: ReportRow[];
  /** The sheet's warnings and each session row's speaker notes (a name two Speakers rows share). */
  warnings: string[];
}

/** Step one, before the session rows: the Speakers sheet's photo files loaded from `photoBaseDir`. */
export async function prepareSpeakerCheck(
  speakersSheet: SpeakersSheet | null,
  options: { photoBaseDir: string; speakerList?: string; speakerListsByRole?: boolean },
): Promise<SpeakerCheck> {
  const photos = await loadSheetPhotosOffline(speakersSheet, new ImageLoader(options.photoBaseDir));
  return { speakersSheet, photos, speakerList: options.speakerList, speakerListsByRole: options.speakerListsByRole };
}

/**
 * Step two, once every session row has gone by: the speakers' report rows, or null when the sheet
 * names no speakers and has no Speakers sheet (then the report has none, as import's has none).
 */
export function validateSpeakers(check: SpeakerCheck, sessions: readonly RosterSession[]): ValidatedSpeakers | null {
  const { speakersSheet } = check;
  if (speakersSheet === null && !sessions.some((session) => session.speakers !== undefined)) return null;
  const roster = buildRoster({ speakersSheet, sessions });
  const photos = settleSpeakerPhotos(roster, check.photos);
  const plan = planSpeakers({
    guideId: 0,
    roster,
    photos,
    listing: { lists: [], items: [], relations: [], links: [] },
    serverSessions: [],
    options: {
      listName: check.speakerList ?? 'Speakers',
      listsByRole: check.speakerListsByRole ?? false,
      prune: false,
      yes: 0,
    },
  });
  const rows = plan.entries.map((entry) =>
    speakerReportRow({ entry, outcome: 'planned', itemId: null, httpStatus: null, message: '' }, true),
  );
  // Session rows are reported one per session as they are read; their speaker notes come here.
  const notes = [...plan.sessionIssues.values()].flat().map((issue) => `${issue.sheet} row ${issue.row}: ${issue.message}`);
  return { rows, warnings: [...(speakersSheet?.warnings ?? []), ...plan.warnings, ...notes] };
}
