import { GuidebookImportError } from '../errors.js';
import { mulberry32 } from './prng.js';
import type { FaultSettings } from './types.js';

export const DEFAULT_DAILY_BUDGET = 10_000;
/** The documented maximum of `page_size` on one endpoint. */
export const DEFAULT_PAGE_SIZE_CAP = 500;

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
    const failStatus = failDraw < settings.failRate ? (FAIL_STATUSES[Math.floor(statusDraw * 3)] ?? 503) : null;
    return { failStatus, drop: isWrite && failStatus === null && dropDraw < settings.dropRate };
  }
}

/** The settings of a sandbox started with no fault options: the faithful service. */
export const FAITHFUL_SETTINGS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  failRate: 0,
  dropRate: 0,
  dailyBudget: DEFAULT_DAILY_BUDGET,
  pageSizeCap: DEFAULT_PAGE_SIZE_CAP,
  unstableOrder: false,
  ignoreGuideFilter: false,
  ignoreOrdering: false,
  redirectWrites: null,
  emptyCreateAnswers: false,
  revokeAfter: null,
  slowBodyMs: 0,
  loopingNext: false,
  throttleNext: 0,
  loginPage: false,
  refusePublish: false,
});

const KNOWN_SETTINGS = Object.keys(FAITHFUL_SETTINGS) as Array<keyof FaultSettings>;

/** Merges a partial update over the current settings, rejecting values that make no sense. */
export function mergeFaultSettings(current: FaultSettings, update: Partial<Record<keyof FaultSettings, unknown>>): FaultSettings {
  for (const key of Object.keys(update)) {
    if (!KNOWN_SETTINGS.includes(key as keyof FaultSettings)) {
      throw new GuidebookImportError('usage', `unknown fault setting ${JSON.stringify(key)} (known: ${KNOWN_SETTINGS.join(', ')})`);
    }
  }
  const next = { ...current };
  if (update.latencyMs !== undefined) next.latencyMs = checkNumber('latencyMs', update.latencyMs, 0, Infinity, false);
  if (update.failRate !== undefined) next.failRate = checkNumber('failRate', update.failRate, 0, 1, false);
  if (update.dropRate !== undefined) next.dropRate = checkNumber('dropRate', update.dropRate, 0, 1, false);
  if (update.dailyBudget !== undefined) next.dailyBudget = checkNumber('dailyBudget', update.dailyBudget, 0, Infinity, true);
  if (update.pageSizeCap !== undefined) next.pageSizeCap = checkNumber('pageSizeCap', update.pageSizeCap, 1, Infinity, true);
  if (update.unstableOrder !== undefined) next.unstableOrder = checkBoolean('unstableOrder', update.unstableOrder);
  if (update.ignoreGuideFilter !== undefined) next.ignoreGuideFilter = checkBoolean('ignoreGuideFilter', update.ignoreGuideFilter);
  if (update.ignoreOrdering !== undefined) next.ignoreOrdering = checkBoolean('ignoreOrdering', update.ignoreOrdering);
  if (update.emptyCreateAnswers !== undefined) next.emptyCreateAnswers = checkBoolean('emptyCreateAnswers', update.emptyCreateAnswers);
  if (update.redirectWrites !== undefined) {
    const mode = update.redirectWrites;
    if (mode !== null && mode !== 'https' && mode !== 'path') {
      throw new GuidebookImportError('usage', `redirectWrites must be "https", "path" or null, got ${JSON.stringify(mode)}`);
    }
    next.redirectWrites = mode;
  }
  if (update.revokeAfter !== undefined) {
    next.revokeAfter = update.revokeAfter === null ? null : checkNumber('revokeAfter', update.revokeAfter, 0, Infinity, true);
  }
  if (update.slowBodyMs !== undefined) next.slowBodyMs = checkNumber('slowBodyMs', update.slowBodyMs, 0, Infinity, false);
  if (update.loopingNext !== undefined) next.loopingNext = checkBoolean('loopingNext', update.loopingNext);
  if (update.loginPage !== undefined) next.loginPage = checkBoolean('loginPage', update.loginPage);
  if (update.refusePublish !== undefined) next.refusePublish = checkBoolean('refusePublish', update.refusePublish);
  if (update.throttleNext !== undefined) next.throttleNext = checkNumber('throttleNext', update.throttleNext, 0, Infinity, true);
  return next;
}

function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new GuidebookImportError('usage', `${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function checkNumber(name: string, value: unknown, min: number, max: number, integer: boolean): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!ok) {
    const range = max === Infinity ? `${integer ? 'an integer' : 'a number'} >= ${min}` : `a number from ${min} to ${max}`;
    throw new GuidebookImportError('usage', `${name} must be ${range}, got ${JSON.stringify(value)}`);
  }
  return value;
}
