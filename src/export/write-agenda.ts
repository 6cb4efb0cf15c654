import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GuidebookImportError, fileWriteError } from '../errors.js';
import { agendaCsvBytes } from './agenda-csv.js';
import { agendaWorkbookBytes } from './agenda-workbook.js';
import type { ExportFormat, ExportedAgenda } from './types.js';

export interface WriteAgendaOptions {
  /** Replace a file that already exists (default: refuse, with a 'file' error). */
  overwrite?: boolean;
}

/** The agenda's bytes in a format. */
export function agendaBytes(agenda: ExportedAgenda, format: ExportFormat): Buffer {
  return format === 'xlsx' ? agendaWorkbookBytes(agenda) : agendaCsvBytes(agenda);
}

/**
 * Writes the agenda to `path`. Without `overwrite` an existing file is refused, checked in the
 * same system call that creates the file. With it, the file is written beside the target and
 * renamed over it, so a reader (or a crash) never sees half a file.
 */
export async function writeAgenda(agenda: ExportedAgenda, path: string, format: ExportFormat, options: WriteAgendaOptions = {}): Promise<void> {
  const bytes = agendaBytes(agenda, format);
  if (!options.overwrite) {
    try {
      await writeFile(path, bytes, { flag: 'wx' });
    } catch (error) {
      // A failure after the name was claimed (disk full) must not leave a stub that blocks the re-run.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(path, { force: true });
      throw fileWriteError(path, error);
    }
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw fileWriteError(path, error);
  }
}
