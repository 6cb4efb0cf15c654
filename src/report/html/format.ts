import type { ReportRow } from '../../types.js';
import { formatDateTime, formatShortDate, formatTime, isKnownZone, type LocalTime, sameLocalDay, toLocal } from './local-time.js';

// Every value in the HTML report comes from an untrusted sheet or server: it goes through here.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

// How values read in the HTML report: local wall-clock times in the row's zone, lists joined,
// empties named. Pure functions returning escaped HTML fragments.

const TIME_FIELDS = new Set(['start_time', 'end_time', 'registration_start_date', 'registration_end_date']);
const LONG_TEXT = 140;

const FIELD_LABELS: Record<string, string> = {
  name: 'Title',
  description_html: 'Description',
  start_time: 'Start',
  end_time: 'End',
  all_day: 'All day',
  allow_rating: 'Allow rating',
  add_to_schedule: 'Add to schedule',
  import_id: 'Import ID',
  schedule_tracks: 'Track(s)',
  locations: 'Room/Location',
  rank: 'Rank',
  require_login: 'Require login',
  max_capacity: 'Max capacity',
  waitlist: 'Waitlist',
  registration_start_date: 'Registration start',
  registration_end_date: 'Registration end',
  speakers: 'Speakers',
  image: 'Image',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** The zone most rows were read in: used for rows whose own zone is unknown. */
export function dominantZone(rows: readonly ReportRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (isKnownZone(row.zone)) counts.set(row.zone, (counts.get(row.zone) ?? 0) + 1);
  }
  let best = 'UTC';
  let bestCount = 0;
  for (const [zone, count] of counts) {
    if (count > bestCount) [best, bestCount] = [zone, count];
  }
  return best;
}

export function rowZone(row: ReportRow, fallbackZone: string): string {
  return isKnownZone(row.zone) ? row.zone : fallbackZone;
}

/** "Tue 18 May · 9:00 AM – 10:00 AM" for the table's When column. */
export function formatWhen(start: LocalTime | null, end: LocalTime | null, allDay: boolean): string {
  if (!start) return '';
  const day = formatShortDate(start);
  if (allDay) return `${day} · all day`;
  if (!end) return `${day} · ${formatTime(start)}`;
  const endText = sameLocalDay(end, start) ? formatTime(end) : formatDateTime(end);
  return `${day} · ${formatTime(start)} – ${endText}`;
}

/** Old and new values of a change; a new time on the same day as the old one shows the time only. */
export function formatChangeHtml(field: string, oldValue: unknown, newValue: unknown, zone: string): [string, string] {
  if (TIME_FIELDS.has(field)) {
    const oldTime = toLocal(oldValue, zone);
    const newTime = toLocal(newValue, zone);
    if (oldTime && newTime && sameLocalDay(oldTime, newTime)) {
      return [escapeHtml(formatDateTime(oldTime)), escapeHtml(formatTime(newTime))];
    }
  }
  return [formatValueHtml(field, oldValue, zone), formatValueHtml(field, newValue, zone)];
}

/** One value as escaped HTML: times local, lists joined, empties named, long text folded. */
export function formatValueHtml(field: string, value: unknown, zone: string): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return '<span class="empty">(empty)</span>';
  }
  if (TIME_FIELDS.has(field)) {
    const local = toLocal(value, zone);
    if (local) return escapeHtml(formatDateTime(local));
  }
  if (field === 'description_html' && typeof value === 'string') return textHtml(readableHtmlText(value));
  return textHtml(plainText(value));
}

const ENTITY_TEXT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/**
 * A description as a planner reads it: paragraphs and line breaks kept, tags dropped. The result
 * is text (escaped again on output), so no markup from the sheet ever reaches the page.
 */
function readableHtmlText(html: string): string {
  return html
    .replace(/<\/(?:p|div|h[1-8]|blockquote|pre|ul|ol|table)>/gi, '\n\n')
    .replace(/<\/(?:li|tr)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITY_TEXT[name] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function plainText(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => plainText(item)).join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Escaped text; long text shows its start and unfolds (no script needed: <details>). */
export function textHtml(text: string): string {
  if (text.length <= LONG_TEXT) return escapeHtml(text);
  return `<details><summary>${escapeHtml(text.slice(0, LONG_TEXT))}…</summary><div class="full">${escapeHtml(text)}</div></details>`;
}

/** Names from a fields list (tracks, locations), as strings. */
export function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => plainText(item)).filter((name) => name !== '');
  if (typeof value === 'string' && value !== '') return [value];
  if (typeof value === 'number') return [String(value)];
  return [];
}
