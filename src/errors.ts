// Run-level failures. Row-level problems are RowIssue values (src/types.ts), never exceptions.

export type ErrorCode =
  | 'usage' // bad option or argument
  | 'file' // unreadable, unknown format, too big, no header
  | 'mapping' // mapping file invalid, required column missing
  | 'timezone' // no zone could be determined, or an unknown zone given as an option
  | 'date_format' // a date column is ambiguous (d/M vs M/d) or mixed
  | 'config' // config file invalid
  | 'auth' // API key missing or rejected (a 401, or a 403 to a write, stops a run)
  | 'redirect' // the API answered a redirect, which is never followed
  | 'not_found' // guide unknown or not yours
  | 'http' // an HTTP error answer
  | 'network' // connection failed, reset, timed out
  | 'budget' // the daily request budget answered 429
  | 'max_requests' // --max-requests reached or plan too big
  | 'prune_refused' // --prune safety stop
  | 'interrupted'; // SIGINT / SIGTERM

/** Exit code a run-level error maps to (PRODUCT.md "Exit codes"). */
export function exitCodeFor(code: ErrorCode): 2 | 3 {
  return code === 'budget' || code === 'max_requests' || code === 'interrupted' ? 3 : 2;
}

export class GuidebookImportError extends Error {
  override name = 'GuidebookImportError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** An HTTP answer that was not 2xx. The URL never carries the key (it travels in a header). */
export class HttpError extends GuidebookImportError {
  override name = 'HttpError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The server's per-field messages for a 400, e.g. {name: ["This field is required."]}. */
  readonly fieldErrors: Record<string, string[]>;
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    method: string;
    path: string;
    status: number;
    fieldErrors?: Record<string, string[]>;
    retryAfterSeconds?: number | null;
    message?: string;
    /** Overrides the code the status implies (a 403 to a write is 'auth'). */
    code?: ErrorCode;
    cause?: unknown;
  }) {
    const fieldErrors = init.fieldErrors ?? {};
    const detail = formatFieldErrors(fieldErrors);
    super(
      init.code ?? (init.status === 429 ? 'budget' : init.status === 401 ? 'auth' : init.status === 404 ? 'not_found' : 'http'),
      init.message ?? `${init.method} ${init.path} answered ${init.status}${detail ? `: ${detail}` : ''}`,
      { cause: init.cause },
    );
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** The request may or may not have reached the server (reset, timeout, refused). */
export class NetworkError extends GuidebookImportError {
  override name = 'NetworkError';
  readonly method: string;
  readonly path: string;
  constructor(method: string, path: string, message: string, options?: { cause?: unknown }) {
    super('network', `${method} ${path}: ${message}`, options);
    this.method = method;
    this.path = path;
  }
}

export function formatFieldErrors(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join('; ');
}

/** One clear line for a file that could not be written (report, export, template). */
export function fileWriteError(path: string, error: unknown): GuidebookImportError {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EEXIST: 'it already exists (add --force to replace it)',
    ENOENT: 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  return new GuidebookImportError('file', `cannot write "${path}": ${reason}`, { cause: error });
}
