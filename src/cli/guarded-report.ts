// A report that cannot be written mid-run (the disk is full, the target is /dev/full, the folder
// went away) must not crash the run between two writes, nor let it go on writing to the guide
// with nothing recording what was done. The guard turns the first failed report write into a stop:
// the run takes no new rows (the abort reason is the stop error, so the rows left are
// not_attempted), the writes in flight finish, and the CLI ends with exit 3 and a summary of what
// was written. Nothing is lost on the server side: a re-run lists the guide and finds every session
// this run made, so it creates nothing twice.
import { GuidebookImportError } from '../errors.js';
import type { ReportWriter } from '../report/index.js';

export interface ReportGuard {
  /** Opens the report through `open`; a failure to open is a stop too (no row can be recorded). */
  open(open: () => ReportWriter): ReportWriter;
  /** The first report failure, or null. */
  readonly failure: GuidebookImportError | null;
}

export function guardReport(path: string, controller: AbortController): ReportGuard {
  let failure: GuidebookImportError | null = null;
  const fail = (error: unknown): void => {
    if (failure) return;
    if (!(error instanceof GuidebookImportError) || error.code !== 'file') throw error;
    failure = error;
    controller.abort(new GuidebookImportError('interrupted', `stopped: ${reasonOf(error)}`, { cause: error }));
  };
  const guarded = (writer: ReportWriter | null): ReportWriter => ({
    path,
    format: writer?.format ?? 'csv',
    journalPath: writer?.journalPath ?? path,
    write(row) {
      if (failure || !writer) return;
      try {
        writer.write(row);
      } catch (error) {
        fail(error);
        closeQuietly(writer);
      }
    },
    async finish(doc) {
      if (failure || !writer) return;
      try {
        await writer.finish(doc);
      } catch (error) {
        fail(error);
      }
    },
    close() {
      if (writer) closeQuietly(writer);
    },
  });
  return {
    open(open) {
      try {
        return guarded(open());
      } catch (error) {
        fail(error);
        return guarded(null);
      }
    },
    get failure() {
      return failure;
    },
  };
}

/** The report error's own message: it names the file and the system's reason (ENOSPC, EACCES). */
function reasonOf(error: GuidebookImportError): string {
  return error.message.replace(/^Cannot/, 'cannot');
}

function closeQuietly(writer: ReportWriter): void {
  try {
    writer.close();
  } catch {
    // Closing a descriptor on a full disk may fail again; the failure is already recorded.
  }
}

/** What the user is told at the end of a run whose report failed. */
export function reportFailureSummary(failure: GuidebookImportError, writes: { created: number; updated: number; deleted: number }): string {
  const made = writes.created + writes.updated + writes.deleted;
  return (
    `stopped early: ${reasonOf(failure)}. ${made} ${made === 1 ? 'write was' : 'writes were'} made before the stop ` +
    `(${writes.created} created, ${writes.updated} updated, ${writes.deleted} deleted); ` +
    'a re-run is safe: it finds what was written and does not duplicate it (free some space or choose another --report first)'
  );
}
