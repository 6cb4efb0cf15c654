import { GuidebookImportError } from '../errors.js';
import { mulberry32 } from './prng.js';
import type { FaultSettings } from './types.js';

export const DEFAULT_DAILY_BUDGET = 10_000;

/** What the fault generator decided for one API request, drawn when the request arrives. */
export interface FaultDecision {
  /** 500, 502 or 503 to answer before doing anything; null to go on. */
  failStatus: 500 | 502 | 503 | null;
  /** Cut the connection after a write is done (only applied to POST/PATCH/DELETE). */
  drop: boolean;
}

const FAIL_STATUSES = [500, 502, 503] as const;

/**
 * One draw sequence for the whole server. Every API request takes exactly three draws, whatever
 * the rates, so a seed replays the same decisions for the same sequence of requests even when
 * the rates are changed between runs.
 */
export class FaultGenerator {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  decide(settings: FaultSettings, isWrite: boolean): FaultDecision {
    const failDraw = this.random();
    const statusDraw = this.random();
    const dropDraw = this.random();
    const failStatus = failDraw < settings.failRate ? FAIL_STATUSES[Math.floor(statusDraw * 3)] ?? 503 : null;
    return { failStatus, drop: isWrite && failStatus === null && dropDraw < settings.dropRate };
  }
}

/** Merges a partial update over the current settings, rejecting values that make no sense. */
export function mergeFaultSettings(current: FaultSettings, update: Partial<Record<keyof FaultSettings, unknown>>): FaultSettings {
  const known: Array<keyof FaultSettings> = ['latencyMs', 'failRate', 'dropRate', 'dailyBudget'];
  for (const key of Object.keys(update)) {
    if (!known.includes(key as keyof FaultSettings)) {
      throw new GuidebookImportError('usage', `unknown fault setting ${JSON.stringify(key)} (known: ${known.join(', ')})`);
    }
  }
  const next = { ...current };
  if (update.latencyMs !== undefined) next.latencyMs = checkNumber('latencyMs', update.latencyMs, 0, Infinity, false);
  if (update.failRate !== undefined) next.failRate = checkNumber('failRate', update.failRate, 0, 1, false);
  if (update.dropRate !== undefined) next.dropRate = checkNumber('dropRate', update.dropRate, 0, 1, false);
  if (update.dailyBudget !== undefined) next.dailyBudget = checkNumber('dailyBudget', update.dailyBudget, 0, Infinity, true);
  return next;
}

function checkNumber(name: string, value: unknown, min: number, max: number, integer: boolean): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!ok) {
    const range = max === Infinity ? `${integer ? 'an integer' : 'a number'} >= ${min}` : `a number from ${min} to ${max}`;
    throw new GuidebookImportError('usage', `${name} must be ${range}, got ${JSON.stringify(value)}`);
  }
  return value;
}
