import type { ValueFormats } from '../map/mapping-config.js';
import type { MappedRow } from '../types.js';
import { type BooleanReader, createBooleanReader, isXMark } from './read-boolean.js';

export const BOOLEAN_FIELDS = ['allow_rating', 'add_to_schedule', 'require_login', 'waitlist'] as const;
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];

/** Cell readers settled once per sheet (which columns use x marks, which separator, which words). */
export interface ValueReaders {
  booleans: Readonly<Record<BooleanField, BooleanReader>>;
  /** Only when the mapping file adds yes/no words: the all-day column is the time stage's. */
  allDay: BooleanReader | undefined;
  listSeparator: string | undefined;
}

export function createValueReaders(rows: readonly MappedRow[], formats: ValueFormats | undefined): ValueReaders {
  const evidence = collectValueReaderEvidence(formats);
  for (const row of rows) evidence.add(row);
  return evidence.decide();
}

/** What createValueReaders decides from (which yes/no columns use x marks), one row at a time. */
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
      const booleans = {} as Record<BooleanField, BooleanReader>;
      for (const field of BOOLEAN_FIELDS) booleans[field] = createBooleanReader(formats, xMarked.has(field));
      const customWords = (formats?.true_words?.length ?? 0) + (formats?.false_words?.length ?? 0) > 0;
      return {
        booleans,
        allDay: customWords ? createBooleanReader(formats, false) : undefined,
        listSeparator: formats?.list_separator,
      };
    },
  };
}
