// map → convert/validate: mapped rows become sessions or row issues under the run's time options.
import type { TimeOptions } from '../time/index.js';
import type { ConvertedRow } from '../types.js';
import { convertOptionsFor, convertRows } from '../validate/index.js';
import type { LoadedSheet } from './load-sheet.js';

export interface ConvertedSheet {
  rows: ConvertedRow[];
  warnings: string[];
}

export function convertSheet(sheet: LoadedSheet, time: TimeOptions): ConvertedSheet {
  const converted = convertRows(sheet.rows, convertOptionsFor(time, sheet.mapping));
  return { rows: converted.rows, warnings: converted.warnings };
}
