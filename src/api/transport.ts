import ky, { isTimeoutError, type KyInstance } from 'ky';
import { NetworkError } from '../errors.js';
import { parseRetryAfter } from './retry.js';

/** One HTTP answer, whatever its status, with the body already read. */
export interface Answer {
  status: number;
  /** Parsed JSON, the raw text when it is not JSON, or null when empty. */
  body: unknown;
  retryAfterSeconds: number | null;
}

export function createHttp(apiKey: string, timeoutMs: number): KyInstance {
  return ky.create({
    headers: { Authorization: `JWT ${apiKey}`, Accept: 'application/json' },
    // Retries, timeouts per attempt and status handling are ours: every attempt must pass the
    // throttle and the request counters, which ky's own retry would bypass.
    retry: 0,
    timeout: timeoutMs,
    throwHttpErrors: false,
  });
}

/**
 * Sends one request and reads its answer. No answer (refused, reset, cut mid-body, timed out)
 * becomes a NetworkError. ky's and undici's errors are not kept as `cause`: they hold the
 * Request, whose headers carry the key.
 */
export async function sendOnce(
  http: KyInstance,
  request: { method: string; url: string; path: string; json?: unknown },
  timeoutMs: number,
): Promise<Answer> {
  try {
    const response = await http(request.url, {
      method: request.method,
      ...(request.json === undefined ? {} : { json: request.json }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: parseBody(text),
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    };
  } catch (error) {
    throw new NetworkError(request.method, request.path, describeNetworkFailure(error, timeoutMs, hostOf(request.url)));
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// The host is named (never the key, which only travels in a header) so that a wrong --api-url
// or a server that is down tells itself apart from a flaky network.
function describeNetworkFailure(error: unknown, timeoutMs: number, host: string): string {
  if (isTimeoutError(error)) return `no answer from ${host} within ${timeoutMs} ms`;
  const reason = findErrorCode(error) ?? innermostMessage(error);
  return reason ? `the connection to ${host} failed (${reason})` : `the connection to ${host} failed`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

/** undici wraps the real reason ("bad port", "other side closed") in a generic "fetch failed". */
function innermostMessage(error: unknown): string | undefined {
  let message: string | undefined;
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { message: text, cause } = current as { message?: unknown; cause?: unknown };
    if (typeof text === 'string' && text !== '' && text !== 'fetch failed') message = text;
    current = cause;
  }
  return message;
}

function findErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}
