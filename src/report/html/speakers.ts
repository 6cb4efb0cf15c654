// The Speakers table: one line per speaker row of the report (sheet, action, lists, the sessions
// linked in order, what changed), after the table of every row. Absent when the run had none.
import type { ReportRow } from '../../types.js';
import { escapeHtml, namesOf, textHtml } from './format.js';

export function renderSpeakerTable(rows: readonly ReportRow[]): string {
  const speakers = rows.filter((row) => row.record === 'speaker');
  if (speakers.length === 0) return '';
  const body = speakers.map((row) => {
    const fields = row.fields ?? {};
    const subtitle = typeof fields['subtitle'] === 'string' ? fields['subtitle'] : '';
    const where = row.row === null ? '—' : `<span class="muted">${escapeHtml(row.sheet)}</span> ${row.row}`;
    return (
      `<tr class="r" data-action="${escapeHtml(row.action)}" data-outcome="${escapeHtml(row.outcome)}">` +
      `<td class="where">${where}</td>` +
      `<td><span class="badge a-${escapeHtml(row.action)}">${escapeHtml(row.action)}</span>` +
      `<div class="outcome o-${escapeHtml(row.outcome)}">${escapeHtml(row.outcome.replace('_', ' '))}</div></td>` +
      `<td class="name">${escapeHtml(row.name)}${subtitle ? `<div class="muted">${escapeHtml(subtitle)}</div>` : ''}</td>` +
      `<td class="id">${escapeHtml(row.import_id)}${row.session_id !== null ? `<div class="muted">#${row.session_id}</div>` : ''}</td>` +
      `<td>${escapeHtml(namesOf(fields['lists']).join(', '))}</td>` +
      `<td>${escapeHtml(namesOf(fields['sessions']).join(', '))}</td>` +
      `<td class="details">${escapeHtml(row.changed_fields.join(', '))}${row.message ? `<div class="message o-${escapeHtml(row.outcome)}">${textHtml(row.message)}</div>` : ''}</td>` +
      `</tr>`
    );
  });
  return (
    `<section class="speakers-table"><h2>Speakers</h2><div class="table-wrap"><table><thead><tr>` +
    `<th>Row</th><th>Action</th><th>Speaker</th><th>Import ID</th><th>Lists</th><th>Sessions (link order)</th><th>Changes</th>` +
    `</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table></div></section>`
  );
}
