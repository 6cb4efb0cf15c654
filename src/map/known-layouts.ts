import type { MappedField } from '../types.js';
import { normaliseHeader } from './fields.js';
import type { MappingConfig, ValueFormats } from './mapping-config.js';

// Well-known export layouts, recognised by their header signature as a whole rather than guessed
// column by column: each is a built-in mapping (columns, formats) applied when the user gives no
// mapping file. A header is recognised only when every signature column is there, so a sheet
// that merely shares a few names is still read by the aliases.

interface KnownLayout {
  /** How the header summary names it: "Recognised as a <name>". */
  name: string;
  /** Headers that must all be present (compared normalised). */
  signature: readonly string[];
  /** Headers that must not be present (tell two similar exports apart). */
  absent?: readonly string[];
  columns: Readonly<Record<string, MappedField | null>>;
  formats?: ValueFormats;
}

/**
 * Outlook's calendar CSV export in another language: the same columns under translated names,
 * read as the English export is (End Date left out, for the reason given there), with the yes/no
 * words that language's export writes in its All day and Reminder columns.
 */
interface OutlookNames {
  language: string;
  subject: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** Every spelling seen of the All day column (a program may write it without umlauts). */
  allDay: readonly string[];
  reminder: string;
  categories: string;
  description: string;
  location: string;
  /** The other columns it writes (attendees, reminders, privacy…): known, not imported. */
  others: readonly string[];
  yes: readonly string[];
  no: readonly string[];
}

const OUTLOOK_TRANSLATED: readonly OutlookNames[] = [
  {
    // German Outlook's header as timetable exporters write it for Outlook to import (e.g. the
    // FH Technikum Wien "FH-Complete" stundenplan CSV export: "Betreff","Beginnt am",
    // "Beginnt um","Endet am","Endet um","Ganztaegiges Ereignis","Erinnerung Ein/Aus",…,"Ort",…);
    // Outlook itself writes "Ganztägiges Ereignis" and Ein/Aus as its yes/no.
    language: 'German',
    subject: 'Betreff',
    startDate: 'Beginnt am',
    startTime: 'Beginnt um',
    endDate: 'Endet am',
    endTime: 'Endet um',
    allDay: ['Ganztägiges Ereignis', 'Ganztaegiges Ereignis'],
    reminder: 'Erinnerung Ein/Aus',
    categories: 'Kategorien',
    description: 'Beschreibung',
    location: 'Ort',
    others: [
      'Erinnerung am',
      'Erinnerung um',
      'Besprechungsplanung',
      'Erforderliche Teilnehmer',
      'Optionale Teilnehmer',
      'Besprechungsressourcen',
      'Abrechnungsinformationen',
      'Priorität',
      'Privat',
      'Reisekilometer',
      'Vertraulichkeit',
      'Zeitspanne zeigen als',
    ],
    yes: ['Ein', 'Wahr'],
    no: ['Aus', 'Falsch'],
  },
  {
    // Dutch: Mozilla Lightning's Outlook CSV importer, localeNl (calendar/base/modules
    // calOutlookCSVImporter.jsm): "Evenement, duurt hele dag", Waar/Onwaar.
    language: 'Dutch',
    subject: 'Onderwerp',
    startDate: 'Begindatum',
    startTime: 'Begintijd',
    endDate: 'Einddatum',
    endTime: 'Eindtijd',
    allDay: ['Evenement, duurt hele dag'],
    reminder: 'Herinneringen aan/uit',
    categories: 'Categorieën',
    description: 'Beschrijving',
    location: 'Locatie',
    others: ['Herinneringsdatum', 'Herinneringstijd', 'Privé'],
    yes: ['Waar'],
    no: ['Onwaar'],
  },
  {
    // Japanese: the header of Outlook (classic) as Japanese groupware exporters write it for
    // Outlook ("件名","開始日","開始時刻","終了日","終了時刻","終日イベント","アラーム オン/オフ",…,
    // "場所","内容",…; some write 終日ｲﾍﾞﾝﾄ in half-width kana, the same after normalising).
    language: 'Japanese',
    subject: '件名',
    startDate: '開始日',
    startTime: '開始時刻',
    endDate: '終了日',
    endTime: '終了時刻',
    allDay: ['終日イベント'],
    reminder: 'アラーム オン/オフ',
    categories: '分類',
    description: '内容',
    location: '場所',
    others: [
      'アラーム日付',
      'アラーム時刻',
      '会議の開催者',
      '必須出席者',
      '任意出席者',
      'リソース',
      'プライベート',
      '経費情報',
      '公開する時間帯の種類',
      '支払い条件',
      '秘密度',
      '優先度',
    ],
    yes: ['オン'],
    no: ['オフ'],
  },
];

function translatedOutlook(names: OutlookNames): KnownLayout {
  const columns: Record<string, MappedField | null> = {
    [names.subject]: 'name',
    [names.startDate]: 'date',
    [names.startTime]: 'start',
    [names.endDate]: null,
    [names.endTime]: 'end',
    [names.reminder]: null,
    [names.categories]: 'tracks',
    [names.description]: 'description',
    [names.location]: 'locations',
  };
  for (const header of names.allDay) columns[header] = 'all_day';
  for (const header of names.others) columns[header] = null;
  return {
    name: `Outlook calendar CSV export (${names.language})`,
    // As for the English export, the reminder column tells Outlook's export from a sheet that
    // merely uses the same words; the All day column is left out (its spellings vary).
    signature: [names.subject, names.startDate, names.startTime, names.reminder],
    columns,
    formats: { true_words: names.yes, false_words: names.no },
  };
}

const LAYOUTS: readonly KnownLayout[] = [
  {
    // Outlook's "Export to a file > Comma Separated Values" of a calendar; the column list as
    // Mozilla Lightning's Outlook CSV importer reads it (calendar/base/src/calOutlookCSVImporter.js,
    // localeEn) plus the attendee and resource columns Outlook writes. Dates follow the machine's
    // locale, so the date format is left to detection.
    name: 'Outlook calendar CSV export',
    signature: ['Subject', 'Start Date', 'Start Time', 'All day event', 'Reminder on/off'],
    columns: {
      Subject: 'name',
      'Start Date': 'date',
      'Start Time': 'start',
      // Outlook writes an all-day event's End Date as the next day (midnight, exclusive), which
      // would read as two days; its timed events end on their start day but for the rare one
      // across midnight (then the end is before the start: a row error, or --overnight).
      'End Date': null,
      'End Time': 'end',
      'All day event': 'all_day',
      Categories: 'tracks',
      Description: 'description',
      Location: 'locations',
      'Reminder on/off': null,
      'Reminder Date': null,
      'Reminder Time': null,
      'Meeting Organizer': null,
      'Required Attendees': null,
      'Optional Attendees': null,
      'Meeting Resources': null,
      'Billing Information': null,
      Mileage: null,
      Priority: null,
      Private: null,
      Sensitivity: null,
      'Show time as': null,
    },
  },
  {
    // Google Calendar's CSV import layout (Google Calendar Help, "Create or edit a CSV file",
    // support.google.com/calendar/answer/37118; its header list and US dates also as
    // mydatatables.com/csv-import-export/csv-format-for-google-calendar gives them): dates
    // MM/DD/YYYY ("05/30/2020"), times 12-hour such as "10:00 AM", All Day Event and Private
    // True/False. The documented US date order is applied (05/06/2027 is May 6); a
    // day-first date past the 12th is then a row error, never a swapped date.
    name: 'Google Calendar CSV export',
    signature: ['Subject', 'Start Date', 'Start Time', 'All Day Event', 'Private'],
    absent: ['Reminder on/off'],
    columns: {
      Subject: 'name',
      'Start Date': 'date',
      'Start Time': 'start',
      'End Date': 'end_date',
      'End Time': 'end',
      'All Day Event': 'all_day',
      Description: 'description',
      Location: 'locations',
      Private: null,
    },
    formats: { date: 'M/d/yyyy' },
  },
  {
    // Sessionize's sessions export (Excel/CSV, "Export > Sessions"): Session Id, Title,
    // Description, Owner, Owner Email, the category columns, Status, Date Submitted, Speakers,
    // Room, Scheduled At, Scheduled Duration, then the event's own questions. Column list as a
    // public pybay export documents it (repo notes "Fields/Columns available in core Sessionize
    // Files") and as a published "SessionMoreInfo" type names it (Assigned Track, Titles, ...).
    // "Owner" is the submitter and "Titles" the speakers' job titles: neither is the session's.
    name: 'Sessionize sessions export',
    signature: ['Session Id', 'Title', 'Scheduled At'],
    columns: {
      'Session Id': 'import_id',
      Title: 'name',
      Description: 'description',
      Speakers: 'speakers',
      Room: 'locations',
      'Scheduled At': 'datetime_start',
      'Scheduled Duration': 'duration',
      Track: 'tracks',
      'Assigned Track': 'tracks',
      Owner: null,
      'Owner Email': null,
      'Owner Notes': null,
      Status: null,
      'Date Submitted': null,
      'Session format': null,
      Level: null,
      Scope: null,
      Companies: null,
      'Company Domains': null,
      Titles: null,
      'Speaker Ids': null,
    },
  },
  {
    // Sched's session export (the API's session/export and its CSV download): event_key, name,
    // event_start, event_end (yyyy-MM-dd HH:mm), event_type and event_subtype, venue,
    // description, speakers, seats, goers, invite_only, active, id. Several types share one cell,
    // separated by commas.
    name: 'Sched sessions export',
    signature: ['event_key', 'name', 'event_start'],
    columns: {
      event_key: 'import_id',
      name: 'name',
      event_start: 'datetime_start',
      event_end: 'datetime_end',
      event_type: 'tracks',
      venue: 'locations',
      description: 'description',
      speakers: 'speakers',
      moderators: 'moderators',
      event_subtype: null,
      active: null,
      seats: null,
      goers: null,
      invite_only: null,
      audience: null,
      id: null,
    },
    formats: { list_separator: ',' },
  },
  ...OUTLOOK_TRANSLATED.map(translatedOutlook),
];

/** Signatures normalised once. */
const SIGNATURES = LAYOUTS.map((layout) => ({
  layout,
  signature: layout.signature.map(normaliseHeader),
  absent: (layout.absent ?? []).map(normaliseHeader),
}));

/**
 * The built-in mapping of the well-known export whose signature the header carries, or undefined.
 * Its "source" names it, as a mapping file's path would.
 */
export function knownLayoutMapping(headers: readonly string[]): MappingConfig | undefined {
  const present = new Set(headers.map(normaliseHeader));
  const found = SIGNATURES.find(({ signature, absent }) => signature.every((h) => present.has(h)) && !absent.some((h) => present.has(h)));
  if (found === undefined) return undefined;
  const { layout } = found;
  return Object.freeze({
    source: `the built-in ${layout.name} mapping`,
    columns: Object.freeze({ ...layout.columns }),
    defaults: Object.freeze({}),
    formats: Object.freeze({ ...(layout.formats ?? {}) }),
    layout: layout.name,
  });
}
