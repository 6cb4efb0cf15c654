import type { CompiledDateFormat } from './date-format.js';
import { createMemo, disabledMemo, type Memo } from './memo.js';
import { normaliseText, parseDateTimeText } from './parse-date-time-text.js';
import type { DayMonthOrder, ParsedValue } from './parsed-value.js';

/** How one column's texts are read: the --date-format if given, the column's day/month order, a memo. */
export interface ColumnParser {
  readonly format: CompiledDateFormat | null;
  /** Order for numeric dates (03/04/2027): --date-format's, else what the column's values prove. */
  readonly order: DayMonthOrder | null;
  /** Text → parsed value (null: not a date/time). A 100k-row agenda repeats a few thousand texts. */
  readonly texts: Memo<string, ParsedValue | null>;
}

export function createColumnParser(format: CompiledDateFormat | null, order: DayMonthOrder | null, memo = true): ColumnParser {
  return { format, order: format?.order ?? order, texts: memo ? createMemo() : disabledMemo() };
}

export function parseColumnText(parser: ColumnParser, text: string): ParsedValue | null {
  let parsed = parser.texts.get(text);
  if (parsed === undefined) {
    const normalised = normaliseText(text);
    parsed = parser.format?.parse(normalised, text) ?? parseDateTimeText(normalised);
    parser.texts.set(text, parsed);
  }
  return parsed;
}
