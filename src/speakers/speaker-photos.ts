// Speakers' photos: each Photo loaded and checked (PNG or JPEG by content, size cap, download
// deadline: src/images/) before anything is written; a speaker whose photo cannot be used is an
// invalid row naming the column and the value, so nothing of it is written.
import type { ImageLoader, LoadedImage } from '../images/index.js';
import type { Roster } from './speaker-roster.js';

export async function checkSpeakerPhotos(roster: Roster, loader: ImageLoader): Promise<Map<string, LoadedImage>> {
  const photos = new Map<string, LoadedImage>();
  const failed = new Set<string>();
  await Promise.all(
    roster.speakers.map(async (speaker) => {
      if (speaker.photo === undefined || speaker.photo.trim() === '') return;
      const load = await loader.load(speaker.photo);
      if (load.ok) {
        photos.set(speaker.importId, load.image);
        return;
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
    }),
  );
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
