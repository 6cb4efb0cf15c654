import { describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  FIELD_ALIASES,
  fieldForHeader,
  MAPPED_FIELDS,
  mainAliases,
  matchHeader,
  normaliseHeader,
  SESSION_FIELDS,
  scoreHeaderRow,
} from '../../src/map/fields.js';

describe('header matching', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(normaliseHeader('  Track(s) ')).toBe('tracks');
    expect(fieldForHeader('SESSION-title')).toBe('name');
    expect(fieldForHeader('track s')).toBe('tracks');
    expect(fieldForHeader('Room / Location')).toBe('locations');
    expect(fieldForHeader('start_date_time')).toBe('datetime_start');
    expect(fieldForHeader('Speaker')).toBe('speakers');
    expect(fieldForHeader('Notes')).toBeUndefined();
  });

  it('folds Latin accents and ß, and keeps the letters of other scripts', () => {
    expect(normaliseHeader('Größe (Plätze)')).toBe('grosseplatze');
    expect(fieldForHeader('Titulo')).toBe('name');
    expect(fieldForHeader('TÍTULO')).toBe('name');
    expect(normaliseHeader('開始時刻')).toBe('開始時刻');
    // A half-width katakana header reads as its full-width form; the voiced mark is kept.
    expect(normaliseHeader('ｽﾋﾟｰｶｰ')).toBe('スピーカー');
    expect(fieldForHeader('ｽﾋﾟｰｶｰ')).toBe('speakers');
  });

  it('keeps a header of punctuation only, so "#" can be an id column', () => {
    expect(normaliseHeader(' # ')).toBe('#');
    expect(fieldForHeader('#')).toBe('import_id');
    expect(fieldForHeader('-')).toBeUndefined();
  });

  it('has aliases for every field, each alias for one field only', () => {
    for (const field of MAPPED_FIELDS) {
      expect(FIELD_ALIASES[field].length, field).toBeGreaterThan(0);
      for (const alias of FIELD_ALIASES[field]) expect(fieldForHeader(alias), alias).toBe(field);
    }
  });

  it('maps the translated Outlook headers and "When" in every language (field test, issue 12)', () => {
    const expected: Record<string, string> = {
      Betreff: 'name',
      Objet: 'name',
      Asunto: 'name',
      Oggetto: 'name',
      Assunto: 'name',
      件名: 'name',
      'Beginnt am': 'date',
      'Beginnt um': 'start',
      'Endet am': 'end_date',
      'Endet um': 'end',
      'Ganztägiges Ereignis': 'all_day',
      Ort: 'locations',
      When: 'datetime_start',
      Wann: 'datetime_start',
      Cuándo: 'datetime_start',
      Quand: 'datetime_start',
      Quando: 'datetime_start',
      Wanneer: 'datetime_start',
      日時: 'datetime_start',
    };
    for (const [header, field] of Object.entries(expected)) expect(fieldForHeader(header), header).toBe(field);
  });

  it('maps the aliases the brief names', () => {
    const expected: Record<string, string> = {
      Title: 'name',
      'Session Name': 'name',
      Session: 'name',
      Name: 'name',
      Abstract: 'description',
      'Description (Optional)': 'description',
      Summary: 'description',
      'Start Datetime': 'datetime_start',
      'Starts At': 'datetime_start',
      'Start Time (UTC)': 'datetime_start',
      Day: 'date',
      'Session Date': 'date',
      'Start Date': 'date',
      'Start Time': 'start',
      Begin: 'start',
      'Time Start': 'start',
      From: 'start',
      'End Time': 'end',
      'Time End': 'end',
      To: 'end',
      Finish: 'end',
      'Duration (minutes)': 'duration',
      Length: 'duration',
      Minutes: 'duration',
      'Schedule Track (Optional)': 'tracks',
      Category: 'tracks',
      Categories: 'tracks',
      Room: 'locations',
      Venue: 'locations',
      Rooms: 'locations',
      ID: 'import_id',
      'Session ID': 'import_id',
      'External ID': 'import_id',
      UID: 'import_id',
      Code: 'import_id',
      TZ: 'timezone',
      'All-day': 'all_day',
      Rating: 'allow_rating',
      Order: 'rank',
      'Sort Order': 'rank',
      Capacity: 'max_capacity',
      'Registration Start Date': 'registration_start_date',
      'Registration End Date': 'registration_end_date',
      'Ends At': 'datetime_end',
      'End Datetime': 'datetime_end',
    };
    for (const [header, field] of Object.entries(expected)) expect(fieldForHeader(header), header).toBe(field);
  });

  it('maps every canonical column to its own field, one column per field', () => {
    for (const column of CANONICAL_COLUMNS) {
      expect(fieldForHeader(column.header), column.header).toBe(column.field);
      expect(column.help.length, column.header).toBeGreaterThan(10);
    }
    expect(new Set(CANONICAL_COLUMNS.map((c) => c.field)).size).toBe(CANONICAL_COLUMNS.length);
    expect(CANONICAL_COLUMNS.map((c) => c.header)).toEqual([
      'Import ID',
      'Title',
      'Date',
      'Start',
      'End',
      'Time Zone',
      'All Day',
      'Track(s)',
      'Room/Location',
      'Description',
      'Allow Rating',
      'Add to Schedule',
      'Rank',
      'Require Login',
      'Max Capacity',
      'Waitlist',
      'Registration Start',
      'Registration End',
      'Speakers',
      'Image',
    ]);
  });
});

describe('scoreHeaderRow', () => {
  it('counts the cells that are known column names', () => {
    expect(scoreHeaderRow(['Session Title', 'Date', 'Time Start', 'Notes', ''])).toBe(3);
    expect(scoreHeaderRow(['ACME Summit 2027 agenda', '', ''])).toBe(0);
    expect(scoreHeaderRow(['Keynote', '2027-03-14', '09:00'])).toBe(0);
  });
});

describe('the multilingual alias table', () => {
  // The headers issue 12 found in real agendas, per language: each must map with no mapping file.
  const byLanguage: Record<string, Record<string, string>> = {
    en: {
      Time: 'start',
      Event: 'name',
      Talk: 'name',
      Session: 'name',
      submission_id: 'import_id',
      'Proposal ID': 'import_id',
      'Talk ID': 'import_id',
      Key: 'import_id',
      Presenters: 'speakers',
      'Speaker Names': 'speakers',
      'End Day': 'end_date',
      end_day: 'end_date',
      Category: 'tracks',
      Room: 'locations',
      Moderator: 'moderators',
      'Image URL': 'image',
    },
    es: {
      Hora: 'start',
      Horario: 'start',
      Título: 'name',
      Fecha: 'date',
      Día: 'date',
      Sala: 'locations',
      'Ponente(s)': 'speakers',
      Ponentes: 'speakers',
      Moderador: 'moderators',
      Descripción: 'description',
      Categoría: 'tracks',
      'Hora de fin': 'end',
      Duración: 'duration',
      Imagen: 'image',
    },
    de: {
      Uhrzeit: 'start',
      Zeit: 'start',
      Titel: 'name',
      Datum: 'date',
      Raum: 'locations',
      'Referent(en)': 'speakers',
      Referenten: 'speakers',
      Thema: 'tracks',
      Beginn: 'start',
      Ende: 'end',
      Beschreibung: 'description',
      Kennung: 'import_id',
      Moderation: 'moderators',
      Enddatum: 'end_date',
      Dauer: 'duration',
    },
    fr: {
      Heure: 'start',
      Horaire: 'start',
      Titre: 'name',
      Salle: 'locations',
      'Intervenant(s)': 'speakers',
      Catégorie: 'tracks',
      Début: 'start',
      Fin: 'end',
      Résumé: 'description',
      Jour: 'date',
      Lieu: 'locations',
      Modérateur: 'moderators',
      'Date de fin': 'end_date',
    },
    it: {
      Orario: 'start',
      Titolo: 'name',
      Data: 'date',
      Sala: 'locations',
      'Relatore/i': 'speakers',
      Relatori: 'speakers',
      Inizio: 'start',
      Fine: 'end',
      Descrizione: 'description',
      Giorno: 'date',
      Categoria: 'tracks',
      Moderatore: 'moderators',
    },
    pt: {
      Horário: 'start',
      Título: 'name',
      'Palestrante(s)': 'speakers',
      Palestrantes: 'speakers',
      Início: 'start',
      Término: 'end',
      Descrição: 'description',
      Trilha: 'tracks',
      Dia: 'date',
      Local: 'locations',
      Duração: 'duration',
    },
    nl: {
      Tijd: 'start',
      Titel: 'name',
      Datum: 'date',
      Zaal: 'locations',
      'Spreker(s)': 'speakers',
      Sprekers: 'speakers',
      Begintijd: 'start',
      Eindtijd: 'end',
      Beschrijving: 'description',
      Dag: 'date',
      Locatie: 'locations',
    },
    ja: {
      時間: 'start',
      開始: 'start',
      終了: 'end',
      タイトル: 'name',
      日付: 'date',
      会場: 'locations',
      登壇者: 'speakers',
      スピーカー: 'speakers',
      分類: 'tracks',
      概要: 'description',
      司会: 'moderators',
      開始日時: 'datetime_start',
    },
  };
  for (const [language, headers] of Object.entries(byLanguage)) {
    it(`maps ${language} headers`, () => {
      for (const [header, field] of Object.entries(headers)) expect(fieldForHeader(header), `${language} ${header}`).toBe(field);
    });
  }

  it('gives every field names in en, es, de, fr, it, pt, nl and ja', () => {
    for (const field of MAPPED_FIELDS) {
      const languages = new Set(SESSION_FIELDS[field].aliases.flatMap((tier) => Object.keys(tier)));
      for (const language of ['en', 'es', 'de', 'fr', 'it', 'pt', 'nl', 'ja']) {
        // A word shared with another language (Datum, Sala, Moderator) is listed once.
        if (!languages.has(language)) expect(['pt', 'nl', 'fr', 'it', 'de', 'es'], `${field} ${language}`).toContain(language);
      }
      expect(languages.size, field).toBeGreaterThanOrEqual(6);
    }
  });

  it('ranks names by strength: Title over Talk over Name, Date over Day, Track over Category over Type, Start over Time', () => {
    const tier = (header: string) => matchHeader(header)!.tier;
    expect([tier('Title'), tier('Talk'), tier('Name')]).toEqual([0, 1, 2]);
    expect(tier('Date')).toBeLessThan(tier('Day'));
    expect(tier('Track')).toBeLessThan(tier('Category'));
    expect(tier('Category')).toBeLessThan(tier('Type'));
    expect(tier('Start')).toBeLessThan(tier('Time'));
    expect(tier('Room')).toBeLessThan(tier('Venue'));
  });

  it('takes numbered headers for speakers and moderators only', () => {
    expect(matchHeader('Speaker 1')).toEqual({ field: 'speakers', tier: 0, numbered: true });
    expect(matchHeader('Presenter2')?.field).toBe('speakers');
    expect(matchHeader('Ponente 3')?.field).toBe('speakers');
    expect(matchHeader('Moderator 1')?.field).toBe('moderators');
    expect(matchHeader('Speaker 2 Name')?.field).toBe('speakers');
    expect(matchHeader('Speaker 2 Company')).toBeUndefined();
    expect(matchHeader('Title 2')).toBeUndefined();
    expect(matchHeader('Room 2')).toBeUndefined();
  });

  it('maps "Speaker Name" to speakers, never to the session name', () => {
    expect(fieldForHeader('Speaker Name')).toBe('speakers');
    expect(fieldForHeader('speaker_name')).toBe('speakers');
  });

  it('lists the main names of a field for messages', () => {
    expect(mainAliases('name')).toBe(
      'Title, Session Title, Session Name, Event Name, Event Title, Título, Titel, Titre, Titolo, Título da sessão, Sessietitel, タイトル, Session, Name',
    );
  });
});

describe('scoreHeaderRow and weaker names', () => {
  it('does not take a row whose only known name is a weaker one for a header', () => {
    expect(scoreHeaderRow(['09:00', 'Keynote', 'Main Stage', 'Talk'])).toBe(0);
    expect(scoreHeaderRow(['Time', '', ''])).toBe(0);
    expect(scoreHeaderRow(['Time', 'Event', 'Location'])).toBe(3);
    expect(scoreHeaderRow(['Time', 'Talk'])).toBe(2);
    expect(scoreHeaderRow(['Title', 'Notes'])).toBe(1);
  });
});

describe('headers with a note in brackets', () => {
  it('reads the name before the note', () => {
    expect(fieldForHeader('Time (CET)')).toBe('start');
    expect(fieldForHeader('Start (EST)')).toBe('start');
    expect(fieldForHeader('Title (required)')).toBe('name');
    expect(fieldForHeader('Room [optional]')).toBe('locations');
    expect(fieldForHeader('開始（JST）')).toBe('start');
    expect(fieldForHeader('Duration (mins)')).toBe('duration');
    expect(fieldForHeader('Dauer (Minuten)')).toBe('duration');
  });

  it('keeps an alias that has its own note, and refuses a duration not in minutes', () => {
    expect(fieldForHeader('Start Time (UTC)')).toBe('datetime_start');
    expect(fieldForHeader('Duration (hours)')).toBeUndefined();
    expect(fieldForHeader('Duration (h)')).toBeUndefined();
    expect(fieldForHeader('Notes (internal)')).toBeUndefined();
  });

  it('takes Topic for the title only when nothing names it better', () => {
    expect(matchHeader('Topic')).toEqual({ field: 'name', tier: 1 });
    expect(fieldForHeader('Paper Title')).toBe('name');
    expect(fieldForHeader('Session Format')).toBe('tracks');
  });
});
