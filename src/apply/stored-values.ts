// After a create or PATCH, what the server answered is compared with what was sent, in the
// planner's own terms (sameValue). The service cleans and converts what it stores (HTML
// re-serialised, numbers as floats, text trimmed); the comparison already treats those spellings
// as equal. A difference it does NOT accept would make the next run plan the same update again,
// every run, so it is said plainly on the row: once per field per run, not once per row.
import type { SessionWriteBody } from '../api/types.js';
import { sameValue } from '../plan/diff-session.js';
import { FIELD_KINDS, isComparedField } from '../plan/session-field-kinds.js';
import type { ApiSession } from '../types.js';

const SHOWN_LENGTH = 80;

export class StoredValueNotes {
  private readonly noted = new Set<string>();

  /**
   * A note naming each field of `sent` that `stored` holds differently (fields already noted in
   * this run are left out), or null when the answer holds what was sent. A field the answer
   * does not carry is not judged: there is nothing to compare.
   */
  note(sent: SessionWriteBody, stored: ApiSession): string | null {
    const answer = stored as unknown as Record<string, unknown>;
    const parts: string[] = [];
    for (const [field, value] of Object.entries(sent)) {
      if (!isComparedField(field) || value === undefined || !Object.hasOwn(answer, field)) continue;
      if (sameValue(FIELD_KINDS[field], value, answer[field])) continue;
      if (this.noted.has(field)) continue;
      this.noted.add(field);
      parts.push(`the server stores ${field} ${shown(value)} as ${shown(answer[field])}`);
    }
    if (parts.length === 0) return null;
    return `${parts.join('; ')} (the next run will see a difference and send it again until the sheet holds what the server stores)`;
  }
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}
