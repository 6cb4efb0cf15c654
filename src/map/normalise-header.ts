/**
 * The comparable form of a header: lowercase letters and digits only, so "Track(s)", "track s"
 * and "TRACKS " compare equal. Letters of any script count, so German or French headers keep
 * their umlauts and accents.
 */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
