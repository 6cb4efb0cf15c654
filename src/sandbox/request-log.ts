// The record of API requests: kept in memory for in-process tests, appended as JSON lines to a
// file for outside checks, and optionally echoed to stderr. Never holds the Authorization header.
import { appendFileSync } from 'node:fs';
import type { RequestLogEntry } from './types.js';

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  constructor(
    private readonly file: string | undefined,
    private readonly verbose: boolean,
  ) {}

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
