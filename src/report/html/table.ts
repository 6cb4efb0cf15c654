// Every report row in one table: what happens to it, old → new values, and for invalid rows the
// message and the offending cell. Filtered by action with radio buttons and CSS alone, so the
// page needs no script at all.
import type { Action, ReportRow, RowIssue } from '../../types.js';
import { escapeHtml, fieldLabel, formatChangeHtml, formatValueHtml, formatWhen, namesOf, rowZone, textHtml } from './format.js';
import { toLocal } from './local-time.js';

export const ACTIONS: readonly Action[] = ['create', 'update', 'unchanged', 'delete', 'invalid', 'conflict'];
const WRITES: readonly Action[] = ['create', 'update', 'delete'];

/** Where a session is opened in Guidebook Builder, or null when there is no such page (a sandbox). */
export type SessionLink = (sessionId: number) => string | null;

/** A filter button: its id, its label, and which rows it keeps. */
interface RowFilter {
  id: string;
  label: string;
  keeps: (row: ReportRow) => boolean;
  /** The CSS condition of a row it hides. */
  hides: string;
}

const ROW_FILTERS: readonly RowFilter[] = [
  { id: 'all', label: 'All', keeps: () => true, hides: '' },
  ...ACTIONS.map((action) => ({
    id: action,
    label: action[0]!.toUpperCase() + action.slice(1),
    keeps: (row: ReportRow) => row.action === action,
    hides: `:not([data-action="${action}"])`,
  })),
  // The writes that failed: what the "Failed" card counts (Summary.failed). Invalid and conflict
  // rows also end "failed" but have their own filters and cards.
  {
    id: 'failed',
    label: 'Failed',
    keeps: (row) => row.outcome === 'failed' && WRITES.includes(row.action),
    hides: ':not([data-failed-write])',
  },
];

/**
 * A changed field the row carries no old → new for (a session's speakers, linked after its write):
 * its name and what it now is, so an update never shows without what it changes.
 */
function changedWithoutValues(row: ReportRow, zone: string): string[] {
  if (row.action !== 'update') return [];
  const described = new Set((row.changes ?? []).map((change) => change.field));
  return row.changed_fields
    .filter((field) => !described.has(field))
    .map(
      (field) =>
        `<li><span class="field">${escapeHtml(fieldLabel(field))}</span> ` +
        `<span class="new">${formatValueHtml(field, row.fields?.[field], zone)}</span></li>`,
    );
}

function changesHtml(row: ReportRow, zone: string): string {
  const undescribed = changedWithoutValues(row, zone);
  if (!row.changes || row.changes.length === 0) return undescribed.length > 0 ? `<ul class="changes">${undescribed.join('')}</ul>` : '';
  if (row.action === 'delete') {
    // A delete has no "new" side: show what the removed session was.
    const items = row.changes.map(
      (change) =>
        `<li><span class="field">${escapeHtml(fieldLabel(change.field))}</span> ` +
        `<span class="old">${formatValueHtml(change.field, change.old, zone)}</span></li>`,
    );
    return `<ul class="changes">${items.join('')}</ul>`;
  }
  const items = row.changes.map((change) => {
    const [oldHtml, newHtml] = formatChangeHtml(change.field, change.old, change.new, zone);
    return (
      `<li><span class="field">${escapeHtml(fieldLabel(change.field))}</span> ` +
      `<span class="old">${oldHtml}</span> <span class="arrow">→</span> <span class="new">${newHtml}</span></li>`
    );
  });
  return `<ul class="changes">${items.join('')}${undescribed.join('')}</ul>`;
}

function issueHtml(issue: RowIssue): string {
  const cell =
    issue.column !== undefined
      ? `<div class="cell">Cell <span class="field">${escapeHtml(issue.column)}</span>` +
        (issue.value !== undefined ? ` = <code>${textHtml(issue.value)}</code>` : '') +
        `</div>`
      : '';
  return `<li class="issue ${escapeHtml(issue.severity)}">${textHtml(issue.message)}${cell}</li>`;
}

function detailsHtml(row: ReportRow, zone: string): string {
  const issues = row.issues ?? [];
  const parts = [changesHtml(row, zone)];
  if (issues.length > 0) parts.push(`<ul class="issues">${issues.map(issueHtml).join('')}</ul>`);
  const repeated = issues.some((issue) => issue.message === row.message);
  if (row.message && !repeated) parts.push(`<div class="message o-${escapeHtml(row.outcome)}">${textHtml(row.message)}</div>`);
  return parts.join('');
}

function rowHtml(row: ReportRow, fallbackZone: string, sessionLink: SessionLink): string {
  const zone = rowZone(row, fallbackZone);
  const fields = row.fields ?? {};
  const start = toLocal(fields['start_time'], zone);
  const end = toLocal(fields['end_time'], zone);
  const when = formatWhen(start, end, fields['all_day'] === true);
  const rooms = namesOf(fields['locations']).join('; ');
  const speakers = row.record === 'speaker' ? [] : namesOf(fields['speakers']);
  const where = row.row === null ? '—' : `<span class="muted">${escapeHtml(row.sheet)}</span> ${row.row}`;
  // A speaker's id is its custom list item's, not a session's, and a deleted session has no page
  // any more: neither is linked.
  const deleted = row.action === 'delete' && row.outcome === 'done';
  const link = row.session_id !== null && row.record !== 'speaker' && !deleted ? sessionLink(row.session_id) : null;
  const sessionMeta = [
    row.session_id === null ? '' : link ? `<a href="${escapeHtml(link)}">#${row.session_id}</a>` : `#${row.session_id}`,
    row.http_status !== null ? `HTTP ${row.http_status}` : '',
  ].filter(Boolean);
  const failedWrite = row.outcome === 'failed' && WRITES.includes(row.action) ? ' data-failed-write' : '';
  return (
    `<tr class="r" data-action="${escapeHtml(row.action)}" data-outcome="${escapeHtml(row.outcome)}"${failedWrite}>` +
    `<td class="where">${where}</td>` +
    `<td><span class="badge a-${escapeHtml(row.action)}">${escapeHtml(row.action)}</span>` +
    `<div class="outcome o-${escapeHtml(row.outcome)}">${escapeHtml(row.outcome.replace('_', ' '))}</div></td>` +
    `<td class="id">${escapeHtml(row.import_id)}</td>` +
    `<td class="name">${escapeHtml(row.name)}` +
    (sessionMeta.length > 0 ? `<div class="muted">${sessionMeta.join(' · ')}</div>` : '') +
    (speakers.length > 0 ? `<div class="speakers">${escapeHtml(speakers.join(', '))}</div>` : '') +
    `</td>` +
    `<td class="when">${escapeHtml(when)}</td>` +
    `<td class="room">${escapeHtml(rooms)}</td>` +
    `<td class="details">${detailsHtml(row, zone)}</td>` +
    `</tr>`
  );
}

/** CSS rules that hide the rows a checked filter does not keep. */
export function filterCss(): string {
  return ROW_FILTERS.filter((filter) => filter.hides !== '')
    .map(
      (filter) =>
        `#f-${filter.id}:checked ~ .table-wrap tr.r${filter.hides}{display:none}` +
        `#f-${filter.id}:checked ~ .filters label[for="f-${filter.id}"]{background:#1f2937;color:#fff;border-color:#1f2937}`,
    )
    .concat('#f-all:checked ~ .filters label[for="f-all"]{background:#1f2937;color:#fff;border-color:#1f2937}')
    .join('\n');
}

export function renderRowTable(rows: readonly ReportRow[], fallbackZone: string, sessionLink: SessionLink = () => null): string {
  const radios = ROW_FILTERS.map(
    (filter) => `<input type="radio" name="filter" class="filter-radio" id="f-${filter.id}"${filter.id === 'all' ? ' checked' : ''}>`,
  ).join('');
  const labels = ROW_FILTERS.map((filter) => {
    const count = rows.filter(filter.keeps).length;
    return `<label for="f-${filter.id}" data-count="${count}"${count === 0 ? ' class="none"' : ''}>${escapeHtml(filter.label)} <span class="n">${count}</span></label>`;
  }).join('');
  const body = rows.map((row) => rowHtml(row, fallbackZone, sessionLink)).join('\n');
  return (
    `<section class="rows"><h2>Every row</h2>${radios}` +
    `<div class="filters" role="group" aria-label="Show rows">${labels}</div>` +
    `<div class="table-wrap"><table><thead><tr><th>Row</th><th>Action</th><th>Import ID</th><th>Session</th>` +
    `<th>When (local)</th><th>Room</th><th>Changes and problems</th></tr></thead>` +
    `<tbody>\n${body}\n</tbody></table></div></section>`
  );
}
