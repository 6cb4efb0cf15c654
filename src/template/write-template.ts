import { writeFile } from 'node:fs/promises';
import { fileWriteError } from '../errors.js';
import { csvText, workbookBytes } from '../sheet-cells/index.js';
import type { TemplateFormat } from './template-format.js';
import { TEMPLATE_CLOCK, buildTemplateRows, type TemplateRows } from './template-rows.js';
import { templateWorkbook } from './template-workbook.js';

export interface WriteTemplateOptions {
  /** Replace a file that already exists (default: refuse). */
  overwrite?: boolean;
}

/** The template's bytes in the given format. */
export function templateBytes(format: TemplateFormat, template: TemplateRows = buildTemplateRows()): Buffer {
  if (format === 'xlsx') return workbookBytes(templateWorkbook(template));
  return Buffer.from(csvText([template.headers, ...template.examples], TEMPLATE_CLOCK), 'utf8');
}

/** Writes the blank agenda template; refuses to replace an existing file unless told to. */
export async function writeTemplate(path: string, format: TemplateFormat, options: WriteTemplateOptions = {}): Promise<void> {
  const bytes = templateBytes(format);
  try {
    // 'wx' fails if the file exists, in the same system call that creates it: no check-then-write race.
    await writeFile(path, bytes, { flag: options.overwrite ? 'w' : 'wx' });
  } catch (error) {
    throw fileWriteError(path, error);
  }
}
