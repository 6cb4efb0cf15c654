import { GuidebookImportError } from '../errors.js';

/** A run-level read failure: one line that starts with the file's name. */
export function fileError(fileName: string, message: string, cause?: unknown): GuidebookImportError {
  return new GuidebookImportError('file', `${fileName}: ${message}`, cause === undefined ? undefined : { cause });
}

/** Quotes a list of cells or names for a message: "Day 1", "Day 2". */
export function quoteList(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((value) => JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value));
  if (values.length > max) shown.push(`… (${values.length - max} more)`);
  return shown.join(', ');
}

export function tooManyRows(label: string, maxRows: number): GuidebookImportError {
  return fileError(label, `has more than ${maxRows.toLocaleString('en-US')} data rows, the most one import reads`);
}
