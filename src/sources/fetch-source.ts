// Fetching a URL source: one GET with the user's --source-header values, a deadline over the whole
// answer, a size cap read as it streams, and redirects followed by hand (at most 5, http and https
// only; the user's headers go only to the origin they were given for). A conditional GET when a
// previous run's ETag/Last-Modified is known. Every failure is one 'file' line naming the URL
// without its secrets; header values never appear in a message.
import { DEFAULT_MAX_BYTES, formatBytes } from '../read/limits.js';
import { GuidebookImportError } from '../errors.js';
import { sha256Hex } from '../sha256.js';
import { redactUrl } from './source-location.js';
import type { FetchedSource } from './types.js';

export const DEFAULT_SOURCE_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;

export interface FetchOptions {
  label: string;
  headers?: ReadonlyArray<readonly [string, string]>;
  timeoutMs?: number;
  maxBytes?: number;
  /** Validators of the copy a previous run read: a 304 answer then means "unchanged". */
  conditional?: { etag?: string; lastModified?: string };
  notes?: string[];
}

export type FetchResult = { kind: 'fetched'; source: FetchedSource } | { kind: 'not_modified' };

export async function fetchSource(url: string, options: FetchOptions): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const fail = (message: string, cause?: unknown) =>
    new GuidebookImportError('file', `${options.label}: ${message}`, cause === undefined ? undefined : { cause });
  const notes = [...(options.notes ?? [])];
  try {
    const origin = originOf(url);
    let current = url;
    for (let hop = 0; ; hop++) {
      const headers = new Headers({ 'user-agent': 'guidebook-import', accept: '*/*' });
      // The user's headers are credentials for the origin they named: a redirect elsewhere gets none.
      if (originOf(current) === origin) for (const [name, value] of options.headers ?? []) headers.set(name, value);
      if (options.conditional?.etag) headers.set('if-none-match', options.conditional.etag);
      if (options.conditional?.lastModified) headers.set('if-modified-since', options.conditional.lastModified);
      let response: Response;
      try {
        response = await fetch(current, { headers, redirect: 'manual', signal: controller.signal });
      } catch (error) {
        throw controller.signal.aborted
          ? fail(`no answer within ${seconds(timeoutMs)}`, error)
          : new ConnectionFailure(`${options.label}: cannot be fetched (${networkReason(error)})`, error);
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw fail(`answered a redirect (HTTP ${response.status}) without a Location`);
        const next = new URL(location, current);
        if (next.hostname === 'accounts.google.com') throw notShared(options.label);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw fail(`redirected to a ${next.protocol.replace(':', '')} URL, which is not followed (only http and https are)`);
        }
        if (hop + 1 > MAX_REDIRECTS) throw fail(`redirected more than ${MAX_REDIRECTS} times; not followed further`);
        current = next.toString();
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        if (options.conditional) return { kind: 'not_modified' };
        throw fail('answered 304 Not Modified to a request that asked for the whole source');
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw fail(`answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${statusHint(response.status)}`);
      }
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (contentType === 'text/html' && new URL(current).hostname === 'docs.google.com') throw notShared(options.label);
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel();
        throw fail(`is ${formatBytes(declared)}, more than the ${formatBytes(maxBytes)} a source may be`);
      }
      const bytes = await readCapped(response, maxBytes, () =>
        fail(`is more than the ${formatBytes(maxBytes)} a source may be; not read further`),
      );
      if (bytes.length === 0) throw fail('answered an empty body');
      if (current !== url) notes.push(`redirected to ${redactUrl(current)}`);
      return {
        kind: 'fetched',
        source: {
          label: options.label,
          url: current,
          bytes,
          contentType,
          fileName: fileNameOf(response.headers.get('content-disposition'), current),
          etag: response.headers.get('etag') ?? undefined,
          lastModified: response.headers.get('last-modified') ?? undefined,
          hash: sha256Hex(bytes),
          notes,
        },
      };
    }
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof GuidebookImportError)) throw fail(`no answer within ${seconds(timeoutMs)}`, error);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The connection itself failed (refused, TLS, DNS): no HTTP answer came at all. */
class ConnectionFailure extends GuidebookImportError {
  constructor(message: string, cause: unknown) {
    super('file', message, { cause });
  }
}

export function isConnectionFailure(error: unknown): boolean {
  return error instanceof ConnectionFailure;
}

/** Google answers a sheet that is not shared by link with its sign-in page. */
function notShared(label: string): GuidebookImportError {
  return new GuidebookImportError(
    'file',
    `${label}: Google asks to sign in, so the sheet is not shared by link. In Google Sheets use Share → General access → "Anyone with the link" (Viewer), or File → Share → Publish to the web, and run again with that link`,
  );
}

async function readCapped(response: Response, maxBytes: number, tooBig: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks, total);
}

function fileNameOf(disposition: string | null, url: string): string {
  const named = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] : undefined;
  if (named) return decodeSafely(named).replace(/[/\\]/g, '_');
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return last ? decodeSafely(last) : '';
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function originOf(url: string): string {
  return new URL(url).origin;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return ' (a private feed needs its credentials: --source-header "Authorization: …")';
  if (status === 404) return ' (check the URL)';
  return '';
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'unknown host';
  if (cause?.code) return cause.code;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}
