import { createMemo } from './caches.js';

// Month and weekday names in the languages agendas are written in, as luxon's Info lists them
// (Intl's CLDR names, so "März", "mercredi", "quinta-feira" are spelled as the language spells
// them), plus the short forms people type. Names are compared without case and accents ("marz" =
// "März"), so a sheet typed without accents reads the same.

/** The languages whose month and weekday names are read. */
export const NAME_LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'pt', 'nl', 'ja'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

export function isNameLanguage(text: string): text is NameLanguage {
  return (NAME_LANGUAGES as readonly string[]).includes(text);
}

/** One reading of a name: the language and the month (1-12) or ISO weekday (1 = Monday). */
export interface NameMeaning {
  language: NameLanguage;
  value: number;
}

/**
 * Long and short names, January first and Monday first: `Info.months('long'|'short', { locale })`
 * and `Info.weekdays(...)` written out (luxon's own English list for en; Intl's, CLDR 48 of
 * Node 20.20, for the others). Asking Intl for them at run time cost 50-200 ms of every start-up
 * (each language's locale data loads on first use), and the header row of any sheet asks (is
 * "Session" a weekday?). test/time/name-lists.test.ts checks them against the running Node's luxon.
 */
export const NAME_LISTS: Readonly<
  Record<
    Exclude<NameLanguage, 'ja'>,
    { months: readonly [readonly string[], readonly string[]]; weekdays: readonly [readonly string[], readonly string[]] }
  >
> = {
  en: {
    months: [
      ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    ],
    weekdays: [
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    ],
  },
  es: {
    months: [
      ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
      ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
    ],
    weekdays: [
      ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
      ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
    ],
  },
  de: {
    months: [
      ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
      ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
    ],
    weekdays: [
      ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
      ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
    ],
  },
  fr: {
    months: [
      ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
      ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    ],
    weekdays: [
      ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
      ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
    ],
  },
  it: {
    months: [
      ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
      ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
    ],
    weekdays: [
      ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
      ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'],
    ],
  },
  pt: {
    months: [
      ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
      ['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.'],
    ],
    weekdays: [
      ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado', 'domingo'],
      ['seg.', 'ter.', 'qua.', 'qui.', 'sex.', 'sáb.', 'dom.'],
    ],
  },
  nl: {
    months: [
      ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
      ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    ],
    weekdays: [
      ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
      ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
    ],
  },
};

// Short forms Intl does not list but sheets use.
const EXTRA_MONTHS: Partial<Record<NameLanguage, Record<string, number>>> = {
  en: { sept: 9 },
  es: { set: 9, setiembre: 9 },
  de: { maerz: 3, mrz: 3 },
  fr: { fev: 2, juil: 7, aout: 8 },
  nl: { mrt: 3 },
};
const EXTRA_WEEKDAYS: Partial<Record<NameLanguage, Record<string, number>>> = {
  en: { tues: 2, weds: 3, thur: 4, thurs: 4 },
  es: { mie: 3, mier: 3, sab: 6 },
  pt: { segunda: 1, terca: 2, quarta: 3, quinta: 4, sexta: 5 },
};

/** Lower case, accents off, trailing dots off: "Mär." → "mar", "Miércoles" → "miercoles". */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.+$/, '');
}

type NameKind = 'months' | 'weekdays';
const EXTRA_NAMES: Record<NameKind, Partial<Record<NameLanguage, Record<string, number>>>> = {
  months: EXTRA_MONTHS,
  weekdays: EXTRA_WEEKDAYS,
};
const tables: Partial<Record<NameKind, Map<string, NameMeaning[]>>> = {};

/**
 * Each table is built once, on the first name of its kind read (a sheet's header row asks only
 * whether a word is a weekday: "Session" is not).
 */
function names(kind: NameKind): Map<string, NameMeaning[]> {
  let table = tables[kind];
  if (table) return table;
  table = new Map<string, NameMeaning[]>();
  for (const language of NAME_LANGUAGES) {
    if (language === 'ja') continue; // 5月, 木曜日: read by their own pattern (japanese-dates)
    addForms(table, language, ...NAME_LISTS[language][kind]);
    for (const [name, value] of Object.entries(EXTRA_NAMES[kind][language] ?? {})) add(table, name, { language, value });
  }
  tables[kind] = table;
  return table;
}

/** Long names, Intl's short names and every prefix of 3+ letters of a long name that is unique in its language. */
function addForms(into: Map<string, NameMeaning[]>, language: NameLanguage, long: readonly string[], short: readonly string[]): void {
  const longNames = long.map(foldName);
  for (const [i, name] of longNames.entries()) add(into, name, { language, value: i + 1 });
  for (const [i, name] of short.entries()) add(into, foldName(name), { language, value: i + 1 });
  longNames.forEach((name, i) => {
    // A prefix is unique when no other long name starts with it: when it is longer than the
    // longest prefix the name shares with another.
    let shared = 0;
    longNames.forEach((other, j) => {
      if (j !== i) shared = Math.max(shared, commonPrefixLength(name, other));
    });
    for (let length = Math.max(3, shared + 1); length < name.length; length++) add(into, name.slice(0, length), { language, value: i + 1 });
  });
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

function add(into: Map<string, NameMeaning[]>, name: string, meaning: NameMeaning): void {
  const list = into.get(name);
  if (!list) into.set(name, [meaning]);
  else if (!list.some((m) => m.language === meaning.language && m.value === meaning.value)) list.push(meaning);
}

/** Every reading of a folded word as a month name (empty: none). */
export function monthMeanings(word: string): readonly NameMeaning[] {
  return names('months').get(word) ?? [];
}

/** Every reading of a folded word as a weekday name (empty: none). */
export function weekdayMeanings(word: string): readonly NameMeaning[] {
  return names('weekdays').get(word) ?? [];
}

/**
 * The one value a name has: the same in every language that has it, else the one in `locale`.
 * 'ambiguous' when languages disagree and `locale` does not settle it; null when no language has it.
 */
export function nameValue(meanings: readonly NameMeaning[], locale: NameLanguage | null): number | 'ambiguous' | null {
  if (meanings.length === 0) return null;
  const first = meanings[0]!.value;
  if (meanings.every((m) => m.value === first)) return first;
  const chosen = locale ? meanings.find((m) => m.language === locale) : undefined;
  return chosen ? chosen.value : 'ambiguous';
}

// "a word that names a month or weekday" per text, remembered: the language tally of a column
// asks it of every cell.
const languagesOfTexts = createMemo<string, readonly NameLanguage[]>(50_000);

/** The languages whose month or weekday names the text uses (for a column's language). */
export function nameLanguagesIn(text: string): readonly NameLanguage[] {
  let found = languagesOfTexts.get(text);
  if (found === undefined) {
    const set = new Set<NameLanguage>();
    if (/[月曜]/.test(text)) set.add('ja');
    for (const word of foldName(text).split(/[^\p{L}]+/u)) {
      if (word.length < 2) continue;
      for (const m of monthMeanings(word)) set.add(m.language);
      for (const m of weekdayMeanings(word)) set.add(m.language);
    }
    found = [...set];
    languagesOfTexts.set(text, found);
  }
  return found;
}
