// The identity of an import_id. `café` typed with a precomposed é and with e + a combining accent
// are one id to a reader but two strings to `===`; a zero-width space or a byte-order mark pasted
// from a web page or a word processor is invisible in every spreadsheet. Matching on raw strings
// would make such a row a second session of the same talk. Ids are matched, and written, in this
// one form: Unicode NFC with the invisible format characters (category Cf) removed.

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const HAS_FORMAT_CHARACTER = /\p{Cf}/u;

/** The form an import_id is matched and written in. Plain ASCII (most ids) is returned as it is. */
export function importIdKey(importId: string): string {
  if (PLAIN_ASCII.test(importId)) return importId;
  return importId.normalize('NFC').replace(FORMAT_CHARACTERS, '');
}

/** True when the id holds characters nobody can see (zero-width spaces, BOMs, direction marks). */
export function hasInvisibleCharacters(importId: string): boolean {
  return !PLAIN_ASCII.test(importId) && HAS_FORMAT_CHARACTER.test(importId);
}
