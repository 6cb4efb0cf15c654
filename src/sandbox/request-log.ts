// The record of API requests: kept in memory for in-process tests, appended as JSON lines to a
// file for outside checks, and optionally echoed to stderr. Never holds the Authorization header.
import { appendFileSync } from 'node:fs';
import { GuidebookImportError } from '../errors.js';
import type { RequestLogEntry } from './types.js';

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  constructor(
    private readonly file: string | undefined,
    private readonly verbose: boolean,
  ) {
    if (!file) return;
    try {
      appendFileSync(file, '');
    } catch (error) {
      // Found now, not on the first request, where it could only become a 500.
      throw new GuidebookImportError('file', `cannot write the request log ${file}: ${(error as Error).message}`, { cause: error });
    }
  }

  record(entry: RequestLogEntry, elapsedMs: number): void {
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    if (this.verbose) {
      const search = new URLSearchParams(entry.query).toString();
      const dropped = entry.dropped ? ' (connection cut)' : '';
      process.stderr.write(
        `${entry.time} ${entry.method} ${entry.path}${search ? `?${search}` : ''} ${entry.status}${dropped} ${Math.round(elapsedMs)}ms\n`,
      );
    }
  }
}
