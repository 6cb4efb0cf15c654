// Progress of an apply run, on stderr only (stdout is kept for --json): a live bar on a terminal,
// plain lines every ~2 s or 10 % otherwise (CI logs, cron mail), so a log never fills with redraws.
import cliProgress from 'cli-progress';
import type { RowResult } from '../apply/types.js';

export interface Progress {
  tick(result: RowResult): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Injected for tests: milliseconds clock. */
  now?: () => number;
  /** Plain mode: at most one line per this many ms, unless a 10 % step is crossed. Default 2000. */
  intervalMs?: number;
}

type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

export function createProgress(total: number, stream: ProgressStream = process.stderr, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const counts = new RowCounts(now());
  return stream.isTTY === true
    ? barProgress(total, stream, counts, now)
    : lineProgress(total, stream, counts, now, options.intervalMs ?? 2000);
}

class RowCounts {
  done = 0;
  failed = 0;
  /** Rows a stopped run never sent: counted as finished for the bar, but said apart. */
  notAttempted = 0;
  constructor(readonly startedAt: number) {}

  add(result: RowResult): void {
    this.done += 1;
    if (result.outcome === 'failed') this.failed += 1;
    if (result.outcome === 'not_attempted') this.notAttempted += 1;
  }

  ratePerSecond(at: number): number {
    const seconds = (at - this.startedAt) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }
}

function barProgress(total: number, stream: ProgressStream, counts: RowCounts, now: () => number): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'applying [{bar}] {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | {failed} failed',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0.0', failed: 0 });
  let stopped = false;
  return {
    tick(result) {
      counts.add(result);
      bar.update(counts.done, { rate: counts.ratePerSecond(now()).toFixed(1), failed: counts.failed });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

function lineProgress(total: number, stream: ProgressStream, counts: RowCounts, now: () => number, intervalMs: number): Progress {
  const step = Math.max(1, Math.ceil(total / 10));
  let lastLineAt = counts.startedAt;
  let lastLineDone = 0;
  let stopped = false;

  const writeLine = (at: number): void => {
    lastLineAt = at;
    lastLineDone = counts.done;
    stream.write(`${describe(total, counts, at)}\n`);
  };

  return {
    tick(result) {
      counts.add(result);
      const at = now();
      const crossedStep = Math.floor(counts.done / step) > Math.floor(lastLineDone / step);
      if (crossedStep || at - lastLineAt >= intervalMs) writeLine(at);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (counts.done !== lastLineDone || counts.done === 0) writeLine(now());
    },
  };
}

function describe(total: number, counts: RowCounts, at: number): string {
  const percent = total > 0 ? Math.floor((counts.done / total) * 100) : 100;
  const rate = counts.ratePerSecond(at);
  const remaining = total - counts.done;
  const eta = remaining <= 0 ? '0s' : rate > 0 ? formatEta(remaining / rate) : 'unknown';
  const failed =
    (counts.failed > 0 ? `, ${counts.failed} failed` : '') + (counts.notAttempted > 0 ? `, ${counts.notAttempted} not attempted` : '');
  return `applied ${counts.done}/${total} rows (${percent}%), ${rate.toFixed(1)} rows/s, ETA ${eta}${failed}`;
}

/** An ETA in whole seconds as "7s", "2m 05s" or "3h 01m" (report/summary-text.ts formats run times in ms). */
export function formatEta(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(secs).padStart(2, '0')}s`;
  return `${secs}s`;
}
