import { sha256Hex } from '../sha256.js';

// Who a speaker is, stably across runs. A speaker's import_id is the Speakers sheet's own when it
// has one; else derived from the email ("speaker:email:jane@example.org"); else from the name,
// compared without case, accents or extra spacing ("speaker:name:jose garcia"). So a re-run of
// the same sheet finds the same items, and two people with one name but different emails never
// collapse into one.

/** A name in the form names are compared in: no case, no accents, single spaces. */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export const SPEAKER_ID_PREFIX = 'speaker:';

export function deriveSpeakerImportId(speaker: { import_id?: string; email?: string; name: string }): string {
  const own = speaker.import_id?.trim();
  if (own) return own;
  if (speaker.email?.trim()) return `${SPEAKER_ID_PREFIX}email:${emailKey(speaker.email)}`.slice(0, 255);
  return `${SPEAKER_ID_PREFIX}name:${personKey(speaker.name)}`.slice(0, 255);
}

/** The mark on links the importer makes; a link without it is someone else's and never changed. */
export const LINK_ID_PREFIX = 'gbi-link:';

/**
 * A link's import_id: its direction and the import ids of both ends, hashed to a fixed length
 * (import ids may be up to 255 characters each).
 */
export function linkImportId(direction: 'session-speaker' | 'speaker-session', sessionImportId: string, speakerImportId: string): string {
  const digest = sha256Hex(`${direction}\u0000${sessionImportId}\u0000${speakerImportId}`).slice(0, 24);
  return `${LINK_ID_PREFIX}${direction === 'session-speaker' ? 's2p' : 'p2s'}:${digest}`;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/u;

export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}
