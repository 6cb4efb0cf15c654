// The HTML form of the report: one self-contained page an event planner can open, read and print.
// The sheet is untrusted, so every value is escaped and the page forbids scripts outright (CSP).
import { parseInstant } from '../../time/index.js';
import type { Summary } from '../../types.js';
import { escapeHtml, dominantZone } from './format.js';
import { reportCss } from './style.js';
import { renderSpeakerTable } from './speakers.js';
import { renderRowTable, type SessionLink } from './table.js';
import { renderTimeline } from './timeline.js';
import type { ReportDocument } from '../types.js';

type CardKey = Exclude<keyof Summary, 'speakers'>;

const SUMMARY_LABELS: ReadonlyArray<[CardKey, string, string]> = [
  ['created', 'Created', 'a-create'],
  ['updated', 'Updated', 'a-update'],
  ['unchanged', 'Unchanged', 'a-unchanged'],
  ['deleted', 'Deleted', 'a-delete'],
  ['invalid', 'Invalid', 'a-invalid'],
  ['conflicts', 'Conflicts', 'a-conflict'],
  ['failed', 'Failed', 'a-delete'],
  ['not_attempted', 'Not attempted', ''],
  ['requests', 'Requests', ''],
];

// No script may run, no resource may load: the file is safe to open whatever the sheet held.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** What a card counts, for its tooltip: "Failed" differs from rows that merely end "failed". */
const SUMMARY_HINTS: Partial<Record<CardKey, string>> = {
  failed: 'Writes the server refused or that failed; invalid and conflict rows are counted on their own cards',
  not_attempted: 'Rows a stopped run did not get to: running the same command again does them',
  requests: 'HTTP requests sent, reads and retries included, of the 10,000-a-day budget',
};

/**
 * A card counts every row the table below lists, speakers' rows too (the Summary keeps those
 * apart), so a card and its filter agree: "Failed 16" on both, as the end-of-run text says.
 */
function cardCount(summary: Summary, key: CardKey): number {
  if (key === 'requests' || !summary.speakers) return summary[key];
  return summary[key] + summary.speakers[key];
}

function renderSummary(doc: ReportDocument): string {
  const cards = SUMMARY_LABELS.map(([key, label, colour]) => {
    const value = cardCount(doc.summary, key);
    const classes = ['count', colour, key === 'failed' ? 'o-failed' : '', value === 0 ? 'zero' : ''].filter(Boolean).join(' ');
    const hint = SUMMARY_HINTS[key];
    const title = hint ? ` title="${escapeHtml(hint)}"` : '';
    return `<div class="${classes}" data-summary="${key}"${title}><span class="n">${escapeHtml(String(value))}</span><span class="label">${label}</span></div>`;
  });
  return `<section class="summary-section"><div class="summary">${cards.join('')}</div>${renderPlanned(doc)}</section>`;
}

/** "2027-05-01 14:02:11 UTC" from an ISO instant; anything else is shown as it is. */
function readableInstant(iso: string): string {
  const ms = parseInstant(iso);
  if (ms === null) return iso;
  const utc = new Date(ms).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 19)} UTC`;
}

// The summary counts only writes that were made; a dry run (or validate) plans them instead, and
// a planner wants to see those numbers too.
function renderPlanned(doc: ReportDocument): string {
  const planned = { create: 0, update: 0, delete: 0 };
  for (const row of doc.rows) {
    if (row.outcome === 'planned' && row.action in planned) planned[row.action as keyof typeof planned]++;
  }
  if (planned.create + planned.update + planned.delete === 0) return '';
  const parts = (Object.entries(planned) as Array<[keyof typeof planned, number]>).map(
    ([action, count]) => `<span class="chip a-${action}" data-planned="${action}"><b>${count}</b> to ${action}</span>`,
  );
  const lead = doc.dryRun ? 'Dry run, nothing was written. Planned:' : 'Planned, not written:';
  return `<p class="planned">${lead} ${parts.join(' ')}</p>`;
}

function renderHeader(doc: ReportDocument): string {
  const meta: Array<[string, string]> = [];
  if (doc.file !== null) meta.push(['File', doc.file]);
  if (doc.guideId !== null) meta.push(['Guide', String(doc.guideId)]);
  meta.push(['Command', doc.command]);
  meta.push(['Started', readableInstant(doc.startedAt)]);
  meta.push(['Finished', readableInstant(doc.finishedAt)]);
  const metaHtml = meta.map(([label, value]) => `<span>${label} <b>${escapeHtml(value)}</b></span>`).join('');
  const warnings =
    doc.warnings.length > 0 ? `<ul class="warnings">${doc.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('')}</ul>` : '';
  const badge = doc.dryRun ? '<span class="dry-run">dry run</span>' : '';
  return `<header><h1>Agenda import report${badge}</h1><div class="meta">${metaHtml}</div>${warnings}</header>`;
}

/**
 * Each session id links to the session in Guidebook Builder. Builder documents no URL for one
 * session; this is its web app's schedule route for the guide, a choice README states. No link
 * for a run against the sandbox or another server: there is no Builder page for those sessions.
 */
export function builderSessionLink(doc: Pick<ReportDocument, 'guideId' | 'options'>): SessionLink {
  const guide = doc.guideId;
  if (guide === null || doc.options.sandbox === true) return () => null;
  const apiUrl = typeof doc.options.apiUrl === 'string' ? doc.options.apiUrl : 'https://builder.guidebook.com/';
  let host: string;
  try {
    host = new URL(apiUrl).hostname;
  } catch {
    return () => null;
  }
  if (host !== 'guidebook.com' && !host.endsWith('.guidebook.com')) return () => null;
  return (sessionId) => `https://builder.guidebook.com/#/guide/${guide}/schedule/sessions/${sessionId}/`;
}

export function renderHtmlReport(doc: ReportDocument): string {
  const zone = dominantZone(doc.rows);
  const title = doc.file ? `Import report: ${doc.file}` : 'Import report';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${reportCss()}</style>`,
    '</head><body>',
    renderHeader(doc),
    renderSummary(doc),
    renderTimeline(doc.rows, zone),
    renderRowTable(doc.rows, zone, builderSessionLink(doc)),
    renderSpeakerTable(doc.rows),
    `<footer>guidebook-import report, format version ${escapeHtml(String(doc.version))}</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}
