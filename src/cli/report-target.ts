// Where a run's report may go: a folder that can be written, and never one of the run's own
// inputs. `--report agenda.csv` beside `import agenda.csv` would overwrite the sheet with its own
// report on the first row written; the same for the mapping, key or config file.
import { accessSync, constants, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GuidebookImportError } from '../errors.js';

export interface RunInput {
  /** What the file is to the run, as the message names it: "the sheet", "the mapping file". */
  role: string;
  path: string | undefined;
}

/**
 * Refuses (exit 2) a report path that is one of the inputs. Paths are compared as real paths, so
 * `./x.csv`, an absolute path and a symlink to the file are one file; a report that does not
 * exist yet is compared through its folder's real path.
 */
export function assertReportTarget(reportPath: string, inputs: readonly RunInput[]): void {
  const report = realTarget(reportPath);
  for (const input of inputs) {
    if (input.path === undefined || input.path === '-' || /^https?:\/\//i.test(input.path)) continue;
    if (realTarget(input.path) === report) {
      throw new GuidebookImportError(
        'usage',
        `--report ${JSON.stringify(reportPath)} is ${input.role} of this run; writing the report there would overwrite it: choose another report path`,
      );
    }
  }
  assertFolderWritable(reportPath);
}

/**
 * The report is opened only once the plan stands (so a run that cannot start leaves an old report
 * alone), but a report that cannot be written at all should stop the run before it spends requests.
 */
function assertFolderWritable(reportPath: string): void {
  const folder = dirname(resolve(reportPath));
  if (isFolder(reportPath)) {
    // Found now, not when the finished report is renamed onto the folder (EISDIR) after the run.
    throw new GuidebookImportError(
      'usage',
      `--report ${JSON.stringify(reportPath)} is a folder: name a file in it, e.g. ${join(reportPath, 'agenda.report.csv')}`,
    );
  }
  try {
    // A device or pipe (/dev/stdout) is written in place: it is the target that must be writable.
    if (isSpecialFile(reportPath)) {
      accessSync(reportPath, constants.W_OK);
      return;
    }
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new GuidebookImportError(
      'file',
      `Cannot write the report ${JSON.stringify(reportPath)}: its folder is not writable (${reason})`,
      { cause: error },
    );
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isSpecialFile(path: string): boolean {
  try {
    const stats = statSync(path);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

function realTarget(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    // Not there yet: its folder may still be a symlink to the input's folder.
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}
