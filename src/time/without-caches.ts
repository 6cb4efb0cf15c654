import { createColumnParser } from './column-parser.js';
import { disabledInstantCache } from './instant-cache.js';
import { DATE_TIME_FIELDS, type ColumnFormats, type DateTimeField } from './time-types.js';
import type { ColumnParser } from './column-parser.js';

/** The same formats with every memo switched off: for the benchmark's baseline and its tests. */
export function withoutCaches(formats: ColumnFormats): ColumnFormats {
  const parsers = {} as Record<DateTimeField, ColumnParser>;
  for (const field of DATE_TIME_FIELDS) {
    const parser = formats.parsers[field];
    parsers[field] = { ...createColumnParser(parser.format, parser.order, false), order: parser.order };
  }
  return { ...formats, parsers, instants: disabledInstantCache() };
}
