// Progress of an apply run, on stderr only (stdout is kept for --json): a live bar on a terminal,
// plain lines every ~2 s or 10 % otherwise (CI logs, cron mail), so a log never fills with redraws.
// What it counts are the run's writes: the tracks and rooms created first (--create-missing), then
// the session writes. Rows a stopped run never sent are not progress: they neither move the bar
// to 100 % nor lift the rate, and the last line says how many were left for a re-run.
import cliProgress from 'cli-progress';
import type { RowResult } from '../apply/types.js';

export interface Progress {
  /**
   * A session or speaker write (or a row the run did not attempt) has come back: `writes` of the
   * total (a speaker's row stands for its item, relations, links and photo; a session's for one).
   */
  tick(result: Pick<RowResult, 'outcome'>, writes?: number): void;
  /** A track or room create has been sent (--create-missing). */
  tickReference(): void;
  /**
   * The run was asked to stop (Ctrl-C): from now on the rate shown is the last one and there is
   * no ETA; the requests still in flight move the count, not the rate.
   */
  stopping(): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Injected for tests: milliseconds clock. */
  now?: () => number;
  /** Plain mode: at most one line per this many ms, unless a 10 % step is crossed. Default 2000. */
  intervalMs?: number;
  /** Tracks and rooms the run creates before its session writes; counted in the total. */
  references?: number;
}

type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * The bar's width on a terminal `columns` wide: the line's text takes about 55 characters more,
 * and cli-progress turns line wrapping off, so a line wider than the terminal loses its ETA and
 * notes at the right edge (a 40-character bar did at 80 columns).
 */
function barSize(columns: number | undefined): number {
  return Math.max(6, Math.min(40, (columns || 80) - 58));
}

/** `total`: the session writes of the plan (tracks and rooms come on top, from `options.references`). */
export function createProgress(total: number, stream: ProgressStream = process.stderr, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const counts = new WriteCounts(now(), total, options.references ?? 0);
  return stream.isTTY === true ? barProgress(stream, counts, now) : lineProgress(stream, counts, now, options.intervalMs ?? 2000);
}

class WriteCounts {
  /** Writes that came back, done or failed (a speaker's row counts its requests). */
  rows = 0;
  failed = 0;
  /** Rows a stopped run never sent: not progress, said apart. */
  notAttempted = 0;
  /** Set once the run is stopping (Ctrl-C), before any row comes back unattempted. */
  halted = false;
  references = 0;
  readonly total: number;
  constructor(
    readonly startedAt: number,
    rows: number,
    readonly referenceTotal: number,
  ) {
    this.total = rows + referenceTotal;
  }

  /** `writes`: how much of the total the row stands for; failures and rows left are counted as rows. */
  add(result: Pick<RowResult, 'outcome'>, writes = 1): void {
    // Session results come after every track and room was dealt with (created, found or failed).
    this.references = this.referenceTotal;
    if (result.outcome === 'not_attempted') {
      this.notAttempted += 1;
      return;
    }
    this.rows += writes;
    if (result.outcome === 'failed') this.failed += 1;
  }

  addReference(): void {
    if (this.references < this.referenceTotal) this.references += 1;
  }

  /** The run is stopping: asked to (Ctrl-C), or rows have come back unattempted. */
  get stopping(): boolean {
    return this.halted || this.notAttempted > 0;
  }

  /** Writes finished, tracks and rooms included. */
  get finished(): number {
    return this.rows + this.references;
  }

  ratePerSecond(at: number): number {
    const seconds = (at - this.startedAt) / 1000;
    return seconds > 0 ? this.finished / seconds : 0;
  }

  percent(): number {
    return this.total > 0 ? Math.floor((this.finished / this.total) * 100) : 100;
  }

  /** The tail of a line: failures, then what a stopped run left. */
  notes(): string {
    const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
    const left = this.notAttempted > 0 ? `, stopped: ${this.notAttempted} not attempted (a re-run does them)` : '';
    return failed + left;
  }
}

function barProgress(stream: ProgressStream, counts: WriteCounts, now: () => number): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      // The ETA is ours, not cli-progress's: its own estimate keeps growing once rows stop coming
      // back (and prints "LLs" past its range), where a stopped run has none.
      format: 'applying [{bar}] {value}/{total} writes | {rate} writes/s | ETA {timeLeft}{notes}',
      barsize: barSize(stream.columns),
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(counts.total, 0, { rate: '0.0', timeLeft: 'unknown', notes: '' });
  let stopped = false;
  let rate = 0;
  const redraw = () => {
    // Once the run is stopping the rate shown is the last real one.
    if (!counts.stopping) rate = counts.ratePerSecond(now());
    bar.update(counts.finished, { rate: rate.toFixed(1), timeLeft: etaOf(counts, rate), notes: counts.notes() });
  };
  return {
    tick(result, writes) {
      counts.add(result, writes);
      redraw();
    },
    tickReference() {
      counts.addReference();
      redraw();
    },
    stopping() {
      counts.halted = true;
      redraw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

function lineProgress(stream: ProgressStream, counts: WriteCounts, now: () => number, intervalMs: number): Progress {
  const step = Math.max(1, Math.ceil(counts.total / 10));
  let lastLineAt = counts.startedAt;
  let lastLineFinished = 0;
  let lastRate = 0;
  let stopped = false;

  const writeLine = (at: number): void => {
    lastLineAt = at;
    lastLineFinished = counts.finished;
    if (!counts.stopping) lastRate = counts.ratePerSecond(at);
    stream.write(`${describe(counts, lastRate)}\n`);
  };
  const maybeWrite = () => {
    const at = now();
    const crossedStep = Math.floor(counts.finished / step) > Math.floor(lastLineFinished / step);
    if (crossedStep || at - lastLineAt >= intervalMs) writeLine(at);
  };

  return {
    tick(result, writes) {
      counts.add(result, writes);
      // Unattempted rows arrive all at once when a run stops: one line at stop says so.
      if (result.outcome !== 'not_attempted') maybeWrite();
    },
    tickReference() {
      counts.addReference();
      maybeWrite();
    },
    stopping() {
      counts.halted = true;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (counts.finished !== lastLineFinished || counts.finished === 0 || counts.stopping) writeLine(now());
    },
  };
}

function describe(counts: WriteCounts, rate: number): string {
  return `applied ${counts.finished}/${counts.total} writes (${counts.percent()}%), ${rate.toFixed(1)} writes/s, ETA ${etaOf(counts, rate)}${counts.notes()}`;
}

/** The time left at `rate`; none once the run has stopped (rows come back unattempted). */
function etaOf(counts: WriteCounts, rate: number): string {
  const remaining = counts.total - counts.finished;
  if (counts.stopping) return 'none (stopped)';
  if (remaining <= 0) return '0s';
  return rate > 0 ? formatEta(remaining / rate) : 'unknown';
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
