import { GuidebookImportError } from '../errors.js';
import { normaliseApiUrl } from './base-url.js';
import { DEFAULT_MAX_ANSWER_BYTES } from './transport.js';
import type { ClientOptions, RequestInfo } from './types.js';

/** ClientOptions with every default filled in, checked once, frozen. */
export interface ResolvedClientOptions {
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly concurrency: number;
  readonly rate: number;
  readonly retries: number;
  readonly timeoutMs: number;
  readonly maxRequests: number;
  readonly signal: AbortSignal | undefined;
  readonly pageSize: number;
  readonly maxAnswerBytes: number;
  readonly onRequest: ((info: RequestInfo) => void) | undefined;
  readonly sleep: ((ms: number) => Promise<void>) | undefined;
  readonly random: () => number;
}

const KNOWN_KEYS = new Set<string>([
  'apiUrl',
  'apiKey',
  'concurrency',
  'rate',
  'retries',
  'timeoutMs',
  'maxRequests',
  'signal',
  'pageSize',
  'maxAnswerBytes',
  'onRequest',
  'sleep',
  'random',
]);

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const unknown = Object.keys(options).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) {
    throw new GuidebookImportError('usage', `unknown API client option(s): ${unknown.join(', ')}`);
  }
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new GuidebookImportError('auth', 'no API key: set GUIDEBOOK_API_KEY or pass --api-key-file PATH');
  }
  return Object.freeze({
    apiUrl: normaliseApiUrl(options.apiUrl),
    apiKey: options.apiKey.trim(),
    concurrency: checkInteger('concurrency', options.concurrency ?? 4, 1),
    rate: checkPositive('rate', options.rate ?? 5),
    retries: checkInteger('retries', options.retries ?? 4, 0),
    timeoutMs: checkInteger('timeoutMs', options.timeoutMs ?? 30_000, 1),
    maxRequests: options.maxRequests === undefined ? Infinity : checkInteger('maxRequests', options.maxRequests, 0),
    signal: options.signal,
    pageSize: checkInteger('pageSize', options.pageSize ?? 500, 1),
    maxAnswerBytes: checkInteger('maxAnswerBytes', options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES, 1),
    onRequest: options.onRequest,
    sleep: options.sleep,
    random: options.random ?? Math.random,
  });
}

function checkInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new GuidebookImportError('usage', `${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkPositive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new GuidebookImportError('usage', `${name} must be a number above 0, got ${JSON.stringify(value)}`);
  }
  return value;
}
