import type { GuidebookImportError } from '../errors.js';
import { fileError } from './file-error.js';

export function tooManyRows(label: string, maxRows: number): GuidebookImportError {
  return fileError(label, `has more than ${maxRows.toLocaleString('en-US')} data rows, the most one import reads`);
}
