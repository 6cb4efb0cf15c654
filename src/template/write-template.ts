import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileWriteError } from '../errors.js';
import { speakersCsvPath } from '../export/agenda-file.js';
import { csvText, workbookBytes } from '../sheet-cells/index.js';
import { buildSpeakerTemplateRows, speakerCsvRows } from './speaker-template.js';
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

/**
 * The CSV template's speakers file (an XLSX template has a Speakers sheet instead): UTF-8 with a
 * byte order mark, as export writes its speakers CSV, so that Excel shows the accents.
 */
export function speakersTemplateCsvBytes(): Buffer {
  return Buffer.from(`\uFEFF${csvText(speakerCsvRows(buildSpeakerTemplateRows()), TEMPLATE_CLOCK)}`, 'utf8');
}

/**
 * Writes the blank agenda template, and for CSV the speakers file beside it (<name>-speakers.csv,
 * the name export gives its speakers CSV); refuses to replace an existing file unless told to.
 * Returns the paths written.
 */
export async function writeTemplate(path: string, format: TemplateFormat, options: WriteTemplateOptions = {}): Promise<string[]> {
  const files = [{ path, bytes: templateBytes(format) }];
  if (format === 'csv') files.push({ path: speakersCsvPath(path), bytes: speakersTemplateCsvBytes() });
  // Neither file is written when the second one is in the way: no half-written template.
  if (!options.overwrite) {
    const taken = files.find((file) => existsSync(file.path));
    if (taken) throw fileWriteError(taken.path, Object.assign(new Error('exists'), { code: 'EEXIST' }));
  }
  for (const file of files) {
    try {
      // 'wx' fails if the file exists, in the same system call that creates it: no check-then-write race.
      await writeFile(file.path, file.bytes, { flag: options.overwrite ? 'w' : 'wx' });
    } catch (error) {
      throw fileWriteError(file.path, error);
    }
  }
  return files.map((file) => file.path);
}
