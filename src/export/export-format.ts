import { extname } from 'node:path';
import { GuidebookImportError } from '../errors.js';
import type { ExportFormat } from './types.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/** --format, else the output's ending; the two must agree when both are given. */
export function resolveExportFormat(output: string, format?: ExportFormat): ExportFormat {
  const ending = extname(output).toLowerCase();
  const named = ending === '.csv' ? 'csv' : ending === '.xlsx' ? 'xlsx' : undefined;
  if (format && named && format !== named) {
    throw new GuidebookImportError('usage', `--format ${format} does not match the ${ending} ending of --output ${output}`);
  }
  const resolved = format ?? named;
  if (!resolved) {
    throw new GuidebookImportError('usage', `--output ${output}: name a .csv or .xlsx file, or pass --format csv or --format xlsx`);
  }
  return resolved;
}
