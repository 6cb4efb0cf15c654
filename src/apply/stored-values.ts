// After a create or PATCH, what the server answered is compared with what was sent. The service
// cleans and converts what it stores (HTML re-serialised by its cleaner, text trimmed, numbers as
// floats), so the stored value may be spelled otherwise than the sent one. The user hears of it
// once per field per run, not once per row, and is told whether the next run will read the two
// as the same (the planner's own comparison, sameValue, decides) or will send the value again
// until the sheet holds what the server stores: never a silent update on every re-sync.
import type { SessionWriteBody } from '../api/types.js';
import { sameValue } from '../plan/session-diff.js';
import { sameInstant } from '../time/index.js';
import { FIELD_KINDS, isComparedField, type FieldKind } from '../map/fields.js';
import type { ApiSession } from '../types.js';

const SHOWN_LENGTH = 80;

export class StoredValueNotes {
  private readonly noted = new Set<string>();

  /**
   * A note naming each field of `sent` that `stored` holds spelled or valued otherwise (fields
   * already noted in this run are left out), or null when the answer holds what was sent. A field
   * the answer does not carry is not judged: there is nothing to compare.
   */
  note(sent: SessionWriteBody, stored: ApiSession): string | null {
    const answer = stored as unknown as Record<string, unknown>;
    const parts: string[] = [];
    for (const [field, value] of Object.entries(sent)) {
      if (!isComparedField(field) || value === undefined || !Object.hasOwn(answer, field) || this.noted.has(field)) continue;
      const kind = FIELD_KINDS[field];
      const kept = answer[field];
      if (sameSpelling(kind, value, kept)) continue;
      this.noted.add(field);
      const next = sameValue(kind, value, kept)
        ? 'the next run reads the two as the same'
        : 'the next run will see a difference and send it again until the sheet holds what the server stores';
      parts.push(`the server stores ${field} ${shown(value)} as ${shown(kept)} (${next})`);
    }
    return parts.length === 0 ? null : parts.join('; ');
  }
}

// Instants come back in the API's own notation ("…T14:00:00.000000+0000" for "…T14:00:00.000Z")
// and numbers as floats (2 for 2.0): those are the same value in every sense, not worth a word.
function sameSpelling(kind: FieldKind, sent: unknown, stored: unknown): boolean {
  if (kind === 'html' || kind === 'text') return (sent ?? '') === (stored ?? '');
  if (kind === 'instant') return sameInstant(asText(sent), asText(stored));
  return sameValue(kind, sent, stored);
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}
