import type { ClockStyle } from '../sheet-cells/index.js';

/**
 * Times as the importer reads them back exactly: "09:30" text and `hh:mm` cells, seconds only
 * when there are some ("09:30:15"), as the time stage writes them.
 */
export const EXPORT_CLOCK: ClockStyle = '24-hour';

export function yesNo(value: boolean | undefined): string | null {
  return value === undefined ? null : value ? 'yes' : 'no';
}
