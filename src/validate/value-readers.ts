import type { ValueFormats } from '../map/mapping-config.js';
import type { MappedRow } from '../types.js';
import { createYesNoReader, isXMark, type YesNoReader } from './yes-no.js';

export const BOOLEAN_FIELDS = ['allow_rating', 'add_to_schedule', 'require_login', 'waitlist'] as const;
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];

/** Cell readers settled once per sheet (which columns use x marks, which separator, which words). */
export interface ValueReaders {
  booleans: Readonly<Record<BooleanField, YesNoReader>>;
  /** The all-day column: the same words, but a blank there is never "no" (the times decide). */
  allDay: YesNoReader;
  listSeparator: string | undefined;
}

/** What the cell readers are decided from (which yes/no columns use x marks), one row at a time. */
export interface ValueReaderEvidence {
  add(row: MappedRow): void;
  decide(): ValueReaders;
}

export function collectValueReaderEvidence(formats: ValueFormats | undefined): ValueReaderEvidence {
  const xMarked = new Set<BooleanField>();
  return {
    add(row) {
      if (xMarked.size === BOOLEAN_FIELDS.length) return;
      for (const field of BOOLEAN_FIELDS) if (isXMark(row.fields[field]?.value)) xMarked.add(field);
    },
    decide() {
      const booleans = {} as Record<BooleanField, YesNoReader>;
      for (const field of BOOLEAN_FIELDS) booleans[field] = createYesNoReader(formats, xMarked.has(field));
      return {
        booleans,
        allDay: createYesNoReader(formats, false),
        listSeparator: formats?.list_separator,
      };
    },
  };
}
