// What the sources stage hands the read stage: the bytes of a source that is not a local file (a
// URL, standard input), with what the transport said about them, and the options that say how to
// fetch and read a source.

/** The formats a source may be read as (--format). */
export const SOURCE_FORMATS = ['csv', 'tsv', 'xlsx', 'ods', 'ics', 'json'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** The structured feeds: read into the canonical columns, not through a header row. */
export type FeedFormat = 'ics' | 'sessionize' | 'frab';

export interface SourceOptions {
  /** --format: wins over content type, extension and content (needed for nothing, but read as told). */
  format?: SourceFormat;
  /** --source-header 'Name: value' pairs, sent with every request of the source; never printed. */
  headers?: ReadonlyArray<readonly [string, string]>;
  /** --from/--to (YYYY-MM-DD): the days recurring iCal events are expanded over. */
  from?: string;
  to?: string;
  /** One fetch, headers and body, at most this long. Default 60 s. */
  timeoutMs?: number;
  /** Answer size cap. Default: the read stage's file size cap. */
  maxBytes?: number;
  /** A source fetched already (--if-source-changed fetched it first): read these bytes instead. */
  fetched?: FetchedSource;
}

/** A source's bytes as fetched (URL) or read (standard input). */
export interface FetchedSource {
  /** How messages name the source: the URL as given (never a header value), or "standard input". */
  label: string;
  /** The URL actually fetched (after the Google Sheets rewrite and redirects), or "-". */
  url: string;
  bytes: Buffer;
  /** The answer's media type, lower case, without parameters ('' for stdin or none). */
  contentType: string;
  /** A file name the source suggests (Content-Disposition, else the URL path's last part). */
  fileName: string;
  etag?: string;
  lastModified?: string;
  /** sha256 of the bytes, hex. */
  hash: string;
  /** What the user should know about what was fetched (the Google export, redirects). */
  notes: string[];
}

/**
 * A fetched workbook (URL or standard input) as the sheet reader read it: a private temporary copy,
 * so that its other sheets (Speakers) are read as a local workbook's are; messages name `label`.
 */
export interface FetchedCopy {
  path: string;
  label: string;
}
