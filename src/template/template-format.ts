import { extname } from 'node:path';
import { GuidebookImportError } from '../errors.js';

export type TemplateFormat = 'csv' | 'xlsx';
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ['csv', 'xlsx'];
const DEFAULT_TEMPLATE_NAME = 'agenda-template';

/** The format a file name asks for, or null when its ending is neither. */
export function formatFromPath(path: string): TemplateFormat | null {
  const ending = extname(path).toLowerCase().slice(1);
  return (TEMPLATE_FORMATS as readonly string[]).includes(ending) ? (ending as TemplateFormat) : null;
}

/**
 * Format and output path from the options: --format, else the --output ending, else xlsx; the
 * default output is agenda-template.<format> in the current directory.
 */
export function resolveTemplateTarget(
  format: TemplateFormat | undefined,
  output: string | undefined,
): { format: TemplateFormat; path: string } {
  if (output === undefined || output === '') {
    const chosen = format ?? 'xlsx';
    return { format: chosen, path: `${DEFAULT_TEMPLATE_NAME}.${chosen}` };
  }
  const fromName = formatFromPath(output);
  if (format && fromName && format !== fromName) {
    throw new GuidebookImportError('usage', `--format ${format} does not match the output name "${output}" (a .${fromName} file)`);
  }
  const chosen = format ?? fromName;
  if (!chosen) {
    throw new GuidebookImportError(
      'usage',
      `cannot tell the format from the output name "${output}": end it in .csv or .xlsx, or add --format csv|xlsx`,
    );
  }
  return { format: chosen, path: output };
}
