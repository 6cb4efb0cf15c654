// Speakers' photos: each Photo loaded and checked (PNG or JPEG by content, size cap, download
// deadline: src/images/) before anything is written; a speaker whose photo cannot be used is an
// invalid row naming the column and the value, so nothing of it is written.
import type { ImageLoad } from '../images/image-file.js';
import type { ImageLoader, LoadedImage } from '../images/index.js';
import type { SpeakersSheet } from './read-speakers.js';
import type { Roster } from './speaker-roster.js';

export async function checkSpeakerPhotos(roster: Roster, loader: ImageLoader): Promise<Map<string, LoadedImage>> {
  const refs = roster.speakers.flatMap((speaker) => (speaker.photo === undefined || speaker.photo.trim() === '' ? [] : [speaker.photo]));
  const loads = new Map(await Promise.all(refs.map(async (ref) => [ref, await loader.load(ref)] as const)));
  return settleSpeakerPhotos(roster, loads);
}

/**
 * Offline (validate): the Speakers sheet's photo files loaded and checked before its rows are
 * weighed; a photo URL is left for import to download and check (validate sends nothing).
 */
export async function loadSheetPhotosOffline(sheet: SpeakersSheet | null, loader: ImageLoader): Promise<Map<string, ImageLoad>> {
  const refs = new Set<string>();
  for (const speaker of sheet?.speakers ?? []) {
    const ref = speaker.photo?.trim();
    if (ref && !/^https?:\/\//i.test(ref)) refs.add(speaker.photo!);
  }
  return new Map(await Promise.all([...refs].map(async (ref) => [ref, await loader.load(ref)] as const)));
}

/**
 * The loaded photos by speaker import id; a speaker whose photo failed becomes an invalid row (and
 * leaves the sessions' links). A photo not in `loads` is not checked here.
 */
export function settleSpeakerPhotos(roster: Roster, loads: ReadonlyMap<string, ImageLoad>): Map<string, LoadedImage> {
  const photos = new Map<string, LoadedImage>();
  const failed = new Set<string>();
  for (const speaker of roster.speakers) {
    if (speaker.photo === undefined || speaker.photo.trim() === '') continue;
    const load = loads.get(speaker.photo);
    if (load === undefined) continue;
    if (load.ok) {
      photos.set(speaker.importId, load.image);
      continue;
    }
    failed.add(speaker.importId);
    roster.problems.push({
      action: 'invalid',
      sheet: speaker.sheet,
      row: speaker.row,
      name: speaker.name,
      importId: speaker.importId,
      issues: [
        ...speaker.issues,
        {
          code: 'bad_image',
          severity: 'error',
          message: `Row ${speaker.row}, column "Photo": ${load.message}`,
          sheet: speaker.sheet,
          row: speaker.row,
          column: 'Photo',
          value: speaker.photo,
        },
      ],
    });
  }
  if (failed.size > 0) {
    roster.speakers = roster.speakers.filter((speaker) => !failed.has(speaker.importId));
    for (const [session, ids] of roster.sessionSpeakers)
      roster.sessionSpeakers.set(
        session,
        ids.filter((id) => !failed.has(id)),
      );
  }
  return photos;
}
