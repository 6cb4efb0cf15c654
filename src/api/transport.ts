// One HTTP attempt on the wire: Node's fetch, a deadline over the whole attempt (body included),
// a cap on the answer's size, and redirects handed back instead of followed.
import { GuidebookImportError, NetworkError } from '../errors.js';
import { parseRetryAfter } from './retry.js';

/** One HTTP answer, whatever its status, with the body already read. */
export interface Answer {
  status: number;
  /** Parsed JSON, the raw text when it is not JSON, or null when empty. */
  body: unknown;
  retryAfterSeconds: number | null;
  /** The Location header of a redirect (never followed), else null. */
  location: string | null;
}

/** No list page or record comes near this; an answer that does is not one to hold in memory. */
export const DEFAULT_MAX_ANSWER_BYTES = 50 * 1024 * 1024;

export interface AttemptLimits {
  /** The deadline of the whole attempt: connecting, the headers and reading the body. */
  timeoutMs: number;
  maxAnswerBytes: number;
}

/**
 * Sends one request and reads its answer. No answer (refused, reset, cut mid-body, past the
 * deadline) becomes a NetworkError. undici's errors are not kept as `cause`: they can hold the
 * request, whose headers carry the key. Redirects are never followed (`redirect: 'manual'`): a
 * followed write would become a request nobody counted, sent where nobody asked.
 */
export async function sendOnce(
  request: { method: string; url: string; path: string; json?: unknown; apiKey: string },
  limits: AttemptLimits,
): Promise<Answer> {
  // A FormData body (image uploads) goes as multipart form data; fetch writes its Content-Type
  // with the boundary. Anything else given is JSON.
  const form = request.json instanceof FormData ? request.json : null;
  // A timeout that ends once the headers are in would let a stalled body hang the run for good.
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const failed = (error: unknown): NetworkError =>
    new NetworkError(request.method, request.path, describeNetworkFailure(error, deadline, limits.timeoutMs, hostOf(request.url)));
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        Authorization: `JWT ${request.apiKey}`,
        Accept: 'application/json',
        ...(request.json === undefined || form ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(request.json === undefined ? {} : { body: form ?? JSON.stringify(request.json) }),
      redirect: 'manual',
      signal: deadline,
    });
  } catch (error) {
    throw failed(error);
  }
  let text: string;
  try {
    text = await readCapped(response, limits.maxAnswerBytes, `${request.method} ${request.path}`);
  } catch (error) {
    if (error instanceof GuidebookImportError) throw error;
    throw failed(error);
  }
  return {
    status: response.status,
    body: parseBody(text),
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    location: response.status >= 300 && response.status < 400 ? response.headers.get('location') : null,
  };
}

/** The body as text, refused (and the transfer cut) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, what: string): Promise<string> {
  const tooLarge = (): GuidebookImportError =>
    new GuidebookImportError(
      'http',
      `${what}: the answer is larger than ${formatBytes(maxBytes)}, more than any page or record of the API; it was not read (is the API URL right?)`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
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
function describeNetworkFailure(error: unknown, deadline: AbortSignal, timeoutMs: number, host: string): string {
  if (deadline.aborted) return `no complete answer from ${host} within ${timeoutMs} ms (--timeout-ms)`;
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
