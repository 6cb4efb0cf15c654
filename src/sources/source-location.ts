// What the source argument names: standard input ("-"), a URL (http, https, webcal; a Google
// Sheets link becomes its export URL), or a local file. Pure.
import { parse as parsePath } from 'node:path';
import { defaultReportPath } from '../report/report-path.js';

export type SourceLocation =
  | { kind: 'stdin' }
  | {
      kind: 'url';
      url: string;
      label: string;
      notes: string[] /** webcal: http, when https cannot connect at all. */;
      fallbackUrl?: string;
    }
  | { kind: 'file'; path: string };

const GOOGLE_SHEET = /^https?:\/\/docs\.google\.com\/spreadsheets\/d\/(e\/)?([A-Za-z0-9_-]+)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/;

export function sourceLocation(argument: string): SourceLocation {
  if (argument === '-') return { kind: 'stdin' };
  if (/^webcal:\/\//i.test(argument)) {
    // webcal:// is a calendar app's hint to subscribe; the feed itself is served over https, or
    // over plain http by older servers (calendar apps fall back the same way).
    const rest = argument.slice('webcal://'.length);
    const url = `https://${rest}`;
    return {
      kind: 'url',
      url,
      label: redactUrl(argument),
      notes: [`webcal link fetched as ${redactUrl(url)}`],
      fallbackUrl: `http://${rest}`,
    };
  }
  if (/^https?:\/\//i.test(argument)) {
    const google = googleSheetsExport(argument);
    if (google) return { kind: 'url', url: google.url, label: redactUrl(argument), notes: [google.note] };
    return { kind: 'url', url: argument, label: redactUrl(argument), notes: [] };
  }
  return { kind: 'file', path: argument };
}

/**
 * A Google Sheets share, edit or published link → the export URL that serves the sheet's data:
 * XLSX for the whole workbook, CSV for the one tab a `gid` names. Undefined for other URLs and for
 * links that are already export URLs of a kind we read.
 */
export function googleSheetsExport(link: string): { url: string; note: string } | undefined {
  const match = GOOGLE_SHEET.exec(link);
  if (!match) return undefined;
  const [, published, id, path = '', query = '', fragment = ''] = match;
  const gid = /[#&?]gid=(\d+)/.exec(`${query}${fragment}`)?.[1];
  const base = `https://docs.google.com/spreadsheets/d/${published ? 'e/' : ''}${id}`;
  if (published) {
    // A sheet published to the web: /pub serves it by output format.
    const url = gid ? `${base}/pub?gid=${gid}&single=true&output=csv` : `${base}/pub?output=xlsx`;
    return {
      url,
      note: gid ? `Google Sheets: fetched the published tab gid=${gid} as CSV` : 'Google Sheets: fetched the published workbook as XLSX',
    };
  }
  if (path.startsWith('/export') || path.startsWith('/gviz')) return undefined;
  const url = gid ? `${base}/export?format=csv&gid=${gid}` : `${base}/export?format=xlsx`;
  return {
    url,
    note: gid
      ? `Google Sheets: fetched tab gid=${gid} as CSV (${url}); drop #gid=… from the link to read the whole workbook`
      : `Google Sheets: fetched the whole workbook as XLSX (${url})`,
  };
}

/** A URL as messages show it: without user:password and without a query string's values. */
/** Query parameters whose values are credentials (private calendar feeds put them there). */
const SECRET_PARAM = /key|token|secret|sig|auth|pass|code/i;

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (SECRET_PARAM.test(key)) parsed.searchParams.set(key, '…');
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The report's default path for a source: beside a local file, else `<name>.report.csv` here. */
export function defaultSourceReportPath(file: string): string {
  const location = sourceLocation(file);
  if (location.kind === 'file') return defaultReportPath(file);
  if (location.kind === 'stdin') return 'stdin.report.csv';
  const last = new URL(location.url).pathname.split('/').filter(Boolean).pop() ?? '';
  const name = parsePath(decodeURIComponentSafe(last)).name.replace(/[^\w.-]+/g, '_');
  return `${name || 'source'}.report.csv`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The secrets a source argument carries (a URL's password, its token-like query values), to be hidden from every output. */
export function sourceSecrets(argument: string): string[] {
  const location = sourceLocation(argument);
  if (location.kind !== 'url') return [];
  try {
    const parsed = new URL(argument.replace(/^webcal:/i, 'https:'));
    const secrets = [...parsed.searchParams.entries()].filter(([key]) => SECRET_PARAM.test(key)).map(([, value]) => value);
    if (parsed.password) secrets.push(decodeURIComponentSafe(parsed.password));
    return secrets;
  } catch {
    return [];
  }
}
