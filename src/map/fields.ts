import type { SessionWriteBody } from '../api/types.js';
import type { MappedField } from '../types.js';

// THE session-field table: every sheet field the importer knows, with the headers it is recognised
// by, the kind of value its cells hold, the API field it writes (with how that is compared and the
// API versions that have it) and, for the importer's own canonical columns, the column header and
// help line. Mapped fields, field kinds, version-only fields, canonical columns, aliases and labels
// are all derived from it: adding a field is one entry here (plus its tests).

export type ApiVersion = 'v1' | 'v1.1';

/** How a session field is compared between the sheet and the server. */
export type FieldKind = 'text' | 'html' | 'instant' | 'boolean' | 'number' | 'id_set';

/** Every field an import may write (guide and import_id are the match key, never diffed). */
export type ComparedField = Exclude<keyof SessionWriteBody, 'guide' | 'import_id'>;

/** What a sheet cell of the field holds. */
export type CellKind = 'text' | 'html' | 'date' | 'time' | 'date_time' | 'minutes' | 'zone' | 'yes_no' | 'names' | 'number';

/** The languages the alias table covers (others may be added: the lookup takes any key). */
export type AliasLanguage = 'en' | 'es' | 'de' | 'fr' | 'it' | 'pt' | 'nl' | 'ja';

/** One strength tier of a field's header names, per language. */
export type AliasTier = Readonly<Partial<Record<AliasLanguage, readonly string[]>>>;

export interface SessionFieldEntry {
  /**
   * Header names the field is recognised by without a mapping file (compared normalised, see
   * normaliseHeader), in tiers, strongest first. When two columns could supply one field, the one
   * whose header sits in an earlier tier wins: "Title" over "Talk" over "Name", "Date" over "Day",
   * "Track" over "Category" over "Type", "Room" over "Venue", "Start" over a bare "Time".
   */
  aliases: readonly [AliasTier, ...AliasTier[]];
  /** Several columns may supply it (Speaker 1, Speaker 2, ...): their texts are joined, not competing. */
  multiColumn?: true;
  cell: CellKind;
  /** The API field the sheet field writes, its comparison kind, and the API versions that have it. */
  api?: { field: ComparedField; kind: FieldKind; versions: readonly ApiVersion[] };
  /** A canonical column: its place in `template`/`export` sheets, header and one line of help. */
  column?: { at: number; header: string; help: string };
}

const BOTH: readonly ApiVersion[] = ['v1', 'v1.1'];
const V1_1: readonly ApiVersion[] = ['v1.1'];

/** Every MappedField, in the order messages list them (the key order). */
export const SESSION_FIELDS = {
  import_id: {
    aliases: [
      {
        en: [
          'Import ID',
          'Session ID',
          'External ID',
          'UID',
          'Session Code',
          'Event ID',
          'submission_id',
          'Submission ID',
          'Proposal ID',
          'Talk ID',
          'Event Key',
        ],
        es: ['ID de sesión', 'Identificador'],
        de: ['Kennung', 'Sitzungs-ID', 'Vortrags-ID'],
        fr: ['Identifiant', 'ID de session'],
        it: ['ID sessione', 'Identificativo'],
        pt: ['ID da sessão', 'Código da sessão'],
        nl: ['Sessie-ID', 'Kenmerk'],
        ja: ['セッションID', '管理番号'],
      },
      // Generic ids: a sheet with "ID" (a row number) and "Session ID" takes the session's.
      {
        en: ['ID', 'Code', 'Key', '#'],
        es: ['Código'],
        de: ['Nummer'],
        fr: ['Numéro'],
        it: ['Codice'],
        ja: ['番号'],
      },
    ],
    cell: 'text',
    column: {
      at: 0,
      header: 'Import ID',
      help: 'Your own stable id for the session (any text, up to 255 characters); re-imports match on it. Blank: derived from title and start.',
    },
  },
  name: {
    aliases: [
      {
        en: [
          'Title',
          'Session Title',
          'Session Name',
          'Event Name',
          'Event Title',
          'Talk Title',
          'Presentation Title',
          'Session Title (Required)',
          'Paper Title',
          'Title of Talk',
          'Title of Presentation',
        ],
        es: ['Título', 'Título de la sesión', 'Nombre de la sesión', 'Título de la charla'],
        de: ['Titel', 'Vortragstitel', 'Sitzungstitel', 'Veranstaltungstitel'],
        fr: ['Titre', 'Titre de la session', 'Intitulé', 'Titre de la conférence'],
        it: ['Titolo', 'Titolo della sessione', "Titolo dell'intervento"],
        pt: ['Título da sessão', 'Título da palestra', 'Nome da sessão'],
        nl: ['Sessietitel', 'Titel van de sessie'],
        ja: ['タイトル', '題目', '演題', 'セッション名', '講演タイトル', '講演名'],
      },
      {
        en: ['Session', 'Talk', 'Event', 'Activity', 'Subject', 'Presentation', 'Program Item', 'Topic', 'Paper', 'Agenda Item'],
        // "Subject" in each language: a calendar export's (Outlook's) title column.
        es: ['Sesión', 'Charla', 'Evento', 'Actividad', 'Ponencia', 'Asunto'],
        de: ['Vortrag', 'Veranstaltung', 'Programmpunkt', 'Sitzung', 'Thema des Vortrags', 'Betreff'],
        fr: ['Conférence', 'Événement', 'Activité', 'Intervention', 'Objet'],
        it: ['Sessione', 'Attività', 'Intervento', 'Oggetto'],
        pt: ['Sessão', 'Palestra', 'Atividade', 'Assunto'],
        nl: ['Sessie', 'Evenement', 'Lezing', 'Activiteit', 'Onderwerp'],
        ja: ['セッション', 'イベント', '講演', 'プログラム', '内容', '件名'],
      },
      { en: ['Name'], es: ['Nombre'], fr: ['Nom'], it: ['Nome'], nl: ['Naam'], ja: ['名前', '名称'] },
    ],
    cell: 'text',
    api: { field: 'name', kind: 'text', versions: BOTH },
    column: { at: 1, header: 'Title', help: 'Session name (required, up to 255 characters).' },
  },
  description: {
    // A description over an abstract or summary (a sheet may give a short and a long text).
    aliases: [
      {
        en: ['Description', 'Description (Optional)', 'Session Description', 'Description HTML', 'Talk Description'],
        es: ['Descripción'],
        de: ['Beschreibung', 'Kurzbeschreibung'],
        it: ['Descrizione'],
        pt: ['Descrição'],
        nl: ['Beschrijving', 'Omschrijving'],
        ja: ['説明'],
      },
      {
        en: ['Abstract', 'Summary', 'Details', 'Synopsis'],
        es: ['Resumen', 'Detalles'],
        de: ['Zusammenfassung', 'Inhalt', 'Abstrakt'],
        fr: ['Résumé', 'Détails'],
        it: ['Sommario', 'Dettagli'],
        pt: ['Resumo', 'Detalhes'],
        nl: ['Samenvatting'],
        ja: ['概要', '詳細', '要旨'],
      },
    ],
    cell: 'html',
    api: { field: 'description_html', kind: 'html', versions: BOTH },
    column: {
      at: 9,
      header: 'Description',
      help: 'Plain text (a blank line starts a new paragraph) or basic HTML; up to 20,000 characters as HTML.',
    },
  },
  datetime_start: {
    aliases: [
      {
        en: [
          'Start Date Time',
          'Start Datetime',
          'Starts At',
          'Start Time (UTC)',
          'Start At',
          'Start Timestamp',
          'Begins At',
          'Start Date/Time',
          'Start Date & Time',
          'Scheduled At',
          'event_start',
          'Date Start',
        ],
        es: ['Fecha y hora de inicio', 'Inicio (fecha y hora)'],
        de: ['Startzeitpunkt', 'Beginn (Datum und Uhrzeit)'],
        fr: ['Date et heure de début', 'Début (date et heure)'],
        it: ['Data e ora di inizio', 'Inizio (data e ora)'],
        pt: ['Data e hora de início', 'Início (data e hora)'],
        nl: ['Begintijdstip', 'Startmoment'],
        ja: ['開始日時'],
      },
      // "When": a date-time or a date with a time range ("2027-05-18 09:00-10:30"), or a bare
      // time beside a Date column. Weaker than any named start: "Start" beside it wins.
      {
        en: ['When'],
        es: ['Cuándo'],
        de: ['Wann'],
        fr: ['Quand'],
        it: ['Quando'],
        nl: ['Wanneer'],
        ja: ['日時'],
      },
    ],
    cell: 'date_time',
    api: { field: 'start_time', kind: 'instant', versions: BOTH },
  },
  datetime_end: {
    aliases: [
      {
        en: [
          'End Date Time',
          'End Datetime',
          'Ends At',
          'End Time (UTC)',
          'End At',
          'End Timestamp',
          'End Date/Time',
          'End Date & Time',
          'event_end',
          'Date End',
        ],
        es: ['Fecha y hora de fin', 'Fin (fecha y hora)'],
        de: ['Endzeitpunkt', 'Ende (Datum und Uhrzeit)'],
        fr: ['Date et heure de fin', 'Fin (date et heure)'],
        it: ['Data e ora di fine', 'Fine (data e ora)'],
        pt: ['Data e hora de término', 'Data e hora de fim'],
        nl: ['Eindtijdstip', 'Eindmoment'],
        ja: ['終了日時'],
      },
    ],
    cell: 'date_time',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
  },
  date: {
    aliases: [
      {
        en: ['Date', 'Session Date', 'Start Date', 'Event Date'],
        es: ['Fecha', 'Fecha de inicio', 'Fecha de la sesión'],
        // "Beginnt am" (begins on): German Outlook's start date; "Beginnt um" (at) its time.
        de: ['Datum', 'Startdatum', 'Beginndatum', 'Beginnt am'],
        fr: ['Date de début', 'Date de la session'],
        it: ['Data', 'Data di inizio'],
        pt: ['Data de início', 'Data da sessão'],
        nl: ['Begindatum', 'Startdatum'],
        ja: ['日付', '開催日', '日程', '開始日', '年月日'],
      },
      {
        en: ['Day', 'Weekday'],
        es: ['Día', 'Jornada'],
        de: ['Tag', 'Wochentag', 'Veranstaltungstag'],
        fr: ['Jour'],
        it: ['Giorno', 'Giornata'],
        pt: ['Dia'],
        nl: ['Dag'],
        ja: ['日', '曜日', '日目'],
      },
    ],
    cell: 'date',
    api: { field: 'start_time', kind: 'instant', versions: BOTH },
    column: {
      at: 2,
      header: 'Date',
      help: 'Day of the session, e.g. 2027-03-14 (other orders such as 14/03/2027 are detected or set with --date-format).',
    },
  },
  start: {
    aliases: [
      {
        en: ['Start', 'Start Time', 'Starts', 'Begin', 'Time Start', 'From', 'Begins', 'Begin Time', 'Starting Time'],
        es: ['Inicio', 'Hora de inicio', 'Hora inicio', 'Comienzo', 'Desde'],
        de: ['Beginn', 'Startzeit', 'Anfang', 'Von', 'Uhrzeit von', 'Beginnzeit', 'Beginnt um'],
        fr: ['Début', 'Heure de début', 'Heure début'],
        it: ['Inizio', 'Ora di inizio', 'Ora inizio'],
        pt: ['Início', 'Hora de início', 'Hora início'],
        nl: ['Begintijd', 'Starttijd', 'Aanvang', 'Van'],
        ja: ['開始', '開始時間', '開始時刻'],
      },
      {
        en: ['Time', 'Hour', 'Time Slot', 'Timeslot', 'Slot', 'Times'],
        es: ['Hora', 'Horario'],
        de: ['Uhrzeit', 'Zeit', 'Zeitfenster'],
        fr: ['Heure', 'Horaire', 'Horaires'],
        it: ['Orario', 'Ora'],
        pt: ['Horário'],
        nl: ['Tijd', 'Tijdstip', 'Tijdslot'],
        ja: ['時間', '時刻', '時間帯'],
      },
    ],
    cell: 'time',
    api: { field: 'start_time', kind: 'instant', versions: BOTH },
    column: {
      at: 3,
      header: 'Start',
      help: 'Local start time, e.g. 09:30 or 9:30 AM; may be a full date-time when there is no Date column.',
    },
  },
  end: {
    aliases: [
      {
        en: ['End', 'End Time', 'Time End', 'Ends', 'To', 'Finish', 'Until', 'Finish Time', 'Ending Time'],
        es: ['Fin', 'Hora de fin', 'Hora fin', 'Final', 'Hasta', 'Hora de término'],
        de: ['Ende', 'Endzeit', 'Bis', 'Uhrzeit bis', 'Endet um'],
        fr: ['Heure de fin', 'Heure fin'],
        it: ['Fine', 'Ora di fine', 'Ora fine'],
        pt: ['Fim', 'Término', 'Hora de fim', 'Hora final', 'Até'],
        nl: ['Einde', 'Eindtijd', 'Tot'],
        ja: ['終了', '終了時間', '終了時刻'],
      },
    ],
    cell: 'time',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
    column: { at: 4, header: 'End', help: 'Local end time, e.g. 10:15; after the start. Blank for an all-day session.' },
  },
  duration: {
    aliases: [
      {
        en: [
          'Duration',
          'Duration (minutes)',
          'Length',
          'Minutes',
          'Duration (min)',
          'Duration Minutes',
          'Duration (mins)',
          'Scheduled Duration',
        ],
        es: ['Duración', 'Duración (min)', 'Minutos'],
        de: ['Dauer', 'Dauer (min)', 'Minuten', 'Länge'],
        fr: ['Durée', 'Durée (min)'],
        it: ['Durata', 'Durata (min)', 'Minuti'],
        pt: ['Duração', 'Duração (min)'],
        nl: ['Duur', 'Lengte', 'Duur (min)'],
        ja: ['所要時間', '時間(分)', '長さ'],
      },
    ],
    cell: 'minutes',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
  },
  timezone: {
    aliases: [
      {
        en: ['Timezone', 'Time Zone', 'TZ'],
        es: ['Zona horaria'],
        de: ['Zeitzone'],
        fr: ['Fuseau horaire'],
        it: ['Fuso orario'],
        pt: ['Fuso horário'],
        nl: ['Tijdzone'],
        ja: ['タイムゾーン'],
      },
    ],
    cell: 'zone',
    column: {
      at: 5,
      header: 'Time Zone',
      help: "IANA zone of this row's times, e.g. America/New_York. Blank: --timezone, else the guide's zone.",
    },
  },
  all_day: {
    aliases: [
      {
        en: ['All Day', 'All-day', 'All Day Event', 'Full Day'],
        es: ['Todo el día', 'Día completo'],
        de: ['Ganztägig', 'Ganztags', 'Ganztägiges Ereignis'],
        fr: ['Toute la journée', 'Journée entière'],
        it: ['Tutto il giorno', 'Giornata intera'],
        pt: ['Dia inteiro', 'O dia todo'],
        nl: ['Hele dag', 'De hele dag', 'Evenement, duurt hele dag'],
        ja: ['終日', '終日イベント'],
      },
    ],
    cell: 'yes_no',
    api: { field: 'all_day', kind: 'boolean', versions: BOTH },
    column: { at: 6, header: 'All Day', help: 'yes/no (also y/n, true/false, 1/0, x/blank). yes: the session lasts all day.' },
  },
  tracks: {
    aliases: [
      {
        en: ['Track', 'Tracks', 'Track(s)', 'Schedule Track', 'Schedule Track (Optional)', 'Schedule Tracks', 'Assigned Track', 'Stream'],
        es: ['Eje temático', 'Línea temática'],
        de: ['Thema', 'Themen', 'Themenbereich', 'Schwerpunkt'],
        fr: ['Thème', 'Thématique', 'Parcours', 'Filière'],
        it: ['Tema', 'Percorso', 'Area tematica'],
        pt: ['Trilha', 'Trilhas', 'Eixo temático'],
        nl: ['Spoor'],
        ja: ['トラック', 'テーマ'],
      },
      {
        en: ['Category', 'Categories', 'Tags'],
        es: ['Categoría', 'Categorías'],
        de: ['Kategorie', 'Kategorien'],
        fr: ['Catégorie', 'Catégories'],
        it: ['Categoria', 'Categorie'],
        nl: ['Categorieën'],
        ja: ['カテゴリ', 'カテゴリー', '分類', 'ジャンル'],
      },
      {
        en: ['Type', 'Session Type', 'Event Type', 'Format', 'Session Format', 'Topics'],
        es: ['Tipo', 'Tipo de sesión'],
        de: ['Typ', 'Format'],
        nl: ['Soort'],
        ja: ['種別', '形式'],
      },
    ],
    cell: 'names',
    api: { field: 'schedule_tracks', kind: 'id_set', versions: BOTH },
    column: {
      at: 7,
      header: 'Track(s)',
      help: 'Schedule track names (or ids), several separated by ; or , (a cell with ; splits on ; only).',
    },
  },
  locations: {
    // A room over a location (a sheet may give both: the building and the room), over a venue.
    aliases: [
      {
        en: ['Room', 'Room/Location', 'Rooms', 'Room(s)', 'Room Name', 'Hall', 'Stage'],
        es: ['Sala', 'Salón', 'Aula', 'Auditorio'],
        de: ['Raum', 'Räume', 'Saal', 'Bühne', 'Hörsaal'],
        fr: ['Salle', 'Salles', 'Scène'],
        it: ['Stanza', 'Palco'],
        pt: ['Auditório'],
        nl: ['Zaal', 'Ruimte', 'Podium'],
        ja: ['会場', '部屋', 'ルーム', '教室'],
      },
      {
        en: ['Location', 'Locations', 'Location(s)', 'Location Name'],
        es: ['Ubicación', 'Espacio'],
        fr: ['Emplacement'],
        pt: ['Localização'],
        nl: ['Locatie'],
      },
      {
        en: ['Venue', 'Place', 'Where'],
        es: ['Lugar'],
        de: ['Ort', 'Veranstaltungsort'],
        fr: ['Lieu'],
        it: ['Luogo'],
        pt: ['Local'],
        nl: ['Plaats'],
        ja: ['場所'],
      },
    ],
    cell: 'names',
    api: { field: 'locations', kind: 'id_set', versions: V1_1 },
    column: {
      at: 8,
      header: 'Room/Location',
      help: 'Location names (or ids), several separated by ; or , (a cell with ; splits on ; only).',
    },
  },
  allow_rating: {
    aliases: [
      {
        en: ['Allow Rating', 'Rating', 'Allow Ratings', 'Ratings Enabled'],
        es: ['Permitir valoración', 'Valoración'],
        de: ['Bewertung erlauben', 'Bewertung'],
        fr: ['Autoriser la notation', 'Notation'],
        it: ['Consenti valutazione', 'Valutazione'],
        pt: ['Permitir avaliação', 'Avaliação'],
        nl: ['Beoordeling toestaan', 'Beoordeling'],
        ja: ['評価を許可', '評価'],
      },
    ],
    cell: 'yes_no',
    api: { field: 'allow_rating', kind: 'boolean', versions: BOTH },
    column: { at: 10, header: 'Allow Rating', help: 'yes/no: attendees may rate the session.' },
  },
  add_to_schedule: {
    aliases: [
      {
        en: ['Add to Schedule', 'Add to My Schedule'],
        es: ['Añadir a la agenda', 'Agregar a la agenda'],
        de: ['Zum Zeitplan hinzufügen', 'Zum Programm hinzufügen'],
        fr: ['Ajouter au programme', "Ajouter à l'agenda"],
        it: ['Aggiungi al programma', "Aggiungi all'agenda"],
        pt: ['Adicionar à agenda', 'Adicionar à programação'],
        nl: ['Toevoegen aan programma', 'Toevoegen aan agenda'],
        ja: ['スケジュールに追加'],
      },
    ],
    cell: 'yes_no',
    api: { field: 'add_to_schedule', kind: 'boolean', versions: BOTH },
    column: { at: 11, header: 'Add to Schedule', help: 'yes/no: attendees may add the session to their schedule.' },
  },
  rank: {
    aliases: [
      {
        en: ['Rank', 'Order', 'Sort Order'],
        es: ['Orden', 'Posición'],
        de: ['Reihenfolge', 'Rang', 'Sortierung'],
        fr: ['Ordre'],
        it: ['Ordine', 'Posizione'],
        pt: ['Ordem', 'Posição'],
        nl: ['Volgorde'],
        ja: ['順番', '並び順', '表示順'],
      },
    ],
    cell: 'number',
    api: { field: 'rank', kind: 'number', versions: V1_1 },
    column: { at: 12, header: 'Rank', help: 'A number; orders sessions that start at the same time (lower first).' },
  },
  require_login: {
    aliases: [
      {
        en: ['Require Login', 'Login Required'],
        es: ['Requiere inicio de sesión'],
        de: ['Anmeldung erforderlich', 'Login erforderlich'],
        fr: ['Connexion requise'],
        it: ['Accesso richiesto'],
        pt: ['Requer login', 'Login obrigatório'],
        nl: ['Inloggen vereist'],
        ja: ['ログイン必須'],
      },
    ],
    cell: 'yes_no',
    api: { field: 'require_login', kind: 'boolean', versions: BOTH },
    column: { at: 13, header: 'Require Login', help: 'yes/no: attendees must log in to add it; needs Add to Schedule yes.' },
  },
  max_capacity: {
    aliases: [
      {
        en: ['Max Capacity', 'Capacity', 'Maximum Capacity'],
        es: ['Capacidad', 'Aforo', 'Capacidad máxima'],
        de: ['Kapazität', 'Maximale Teilnehmerzahl', 'Max. Teilnehmer'],
        fr: ['Capacité', 'Capacité maximale', 'Jauge'],
        it: ['Capienza', 'Capacità', 'Capienza massima'],
        pt: ['Capacidade', 'Capacidade máxima', 'Vagas'],
        nl: ['Capaciteit', 'Maximale capaciteit'],
        ja: ['定員', '収容人数'],
      },
    ],
    cell: 'number',
    api: { field: 'max_capacity', kind: 'number', versions: BOTH },
    column: { at: 14, header: 'Max Capacity', help: 'Positive whole number of seats; needs Require Login yes.' },
  },
  waitlist: {
    aliases: [
      {
        en: ['Waitlist', 'Wait List', 'Waitlist Enabled'],
        es: ['Lista de espera'],
        de: ['Warteliste'],
        fr: ["Liste d'attente"],
        it: ["Lista d'attesa"],
        nl: ['Wachtlijst'],
        ja: ['キャンセル待ち', 'ウェイトリスト'],
      },
    ],
    cell: 'yes_no',
    api: { field: 'waitlist', kind: 'boolean', versions: BOTH },
    column: { at: 15, header: 'Waitlist', help: 'yes/no: a waitlist once Max Capacity is reached; needs Max Capacity.' },
  },
  registration_start_date: {
    aliases: [
      {
        en: ['Registration Start', 'Registration Start Date', 'Registration Opens'],
        es: ['Inicio de inscripción', 'Apertura de inscripción'],
        de: ['Anmeldebeginn', 'Anmeldung ab'],
        fr: ['Début des inscriptions', 'Ouverture des inscriptions'],
        it: ['Inizio iscrizioni', 'Apertura iscrizioni'],
        pt: ['Início das inscrições', 'Abertura das inscrições'],
        nl: ['Start inschrijving', 'Inschrijving open'],
        ja: ['申込開始', '受付開始'],
      },
    ],
    cell: 'date_time',
    api: { field: 'registration_start_date', kind: 'instant', versions: V1_1 },
    column: {
      at: 16,
      header: 'Registration Start',
      help: 'Local date and time registration opens, e.g. 2027-03-01 09:00; needs Require Login yes.',
    },
  },
  registration_end_date: {
    aliases: [
      {
        en: ['Registration End', 'Registration End Date', 'Registration Closes'],
        es: ['Fin de inscripción', 'Cierre de inscripción'],
        de: ['Anmeldeschluss', 'Anmeldeende'],
        fr: ['Fin des inscriptions', 'Clôture des inscriptions'],
        it: ['Fine iscrizioni', 'Chiusura iscrizioni'],
        pt: ['Fim das inscrições', 'Encerramento das inscrições'],
        nl: ['Einde inschrijving', 'Inschrijving sluit'],
        ja: ['申込締切', '受付終了'],
      },
    ],
    cell: 'date_time',
    api: { field: 'registration_end_date', kind: 'instant', versions: V1_1 },
    column: {
      at: 17,
      header: 'Registration End',
      help: 'Local date and time registration closes, after Registration Start; needs Require Login yes.',
    },
  },
  end_date: {
    aliases: [
      {
        en: ['End Date', 'End Day', 'end_day', 'Finish Date'],
        es: ['Fecha de fin', 'Fecha fin', 'Fecha final', 'Fecha de término'],
        de: ['Enddatum', 'Endtag', 'Bis Datum', 'Endet am'],
        fr: ['Date de fin', 'Date fin', 'Jour de fin'],
        it: ['Data di fine', 'Data fine'],
        pt: ['Data de término', 'Data final', 'Data de fim'],
        nl: ['Einddatum'],
        ja: ['終了日'],
      },
    ],
    cell: 'date',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
  },
  speakers: {
    multiColumn: true,
    aliases: [
      {
        en: [
          'Speakers',
          'Speaker',
          'Presenters',
          'Presenter',
          'Speaker Names',
          'Speaker Name',
          'Speaker(s)',
          'Presenter(s)',
          'Panelists',
          'Panelist',
          'Panellists',
        ],
        es: ['Ponente', 'Ponentes', 'Ponente(s)', 'Orador', 'Oradores', 'Conferenciante', 'Conferencista', 'Expositor', 'Expositores'],
        de: [
          'Referent',
          'Referenten',
          'Referent(en)',
          'Referentin',
          'Referentinnen',
          'Sprecher',
          'Sprecherin',
          'Vortragende',
          'Vortragender',
          'Redner',
        ],
        fr: ['Intervenant', 'Intervenants', 'Intervenant(s)', 'Intervenante', 'Orateur', 'Orateurs', 'Conférencier', 'Conférenciers'],
        it: ['Relatore', 'Relatori', 'Relatore/i', 'Relatrice', 'Oratore', 'Oratori'],
        pt: ['Palestrante', 'Palestrantes', 'Palestrante(s)', 'Oradores'],
        nl: ['Spreker', 'Sprekers', 'Spreker(s)'],
        ja: ['登壇者', 'スピーカー', '講演者', '発表者', '講師'],
      },
      {
        en: ['Authors', 'Author', 'Author(s)', 'Instructor', 'Instructors', 'Facilitator', 'Facilitators'],
        es: ['Autor', 'Autores', 'Instructor'],
        de: ['Autor', 'Autoren'],
        fr: ['Auteur', 'Auteurs', 'Formateur'],
        it: ['Autore', 'Autori', 'Docente'],
        pt: ['Autores', 'Instrutor'],
        nl: ['Auteur', 'Auteurs'],
        ja: ['著者'],
      },
    ],
    cell: 'names',
    column: {
      at: 18,
      header: 'Speakers',
      help: 'Names of the speakers, separated by ; (in the order the session shows them); details in the Speakers sheet.',
    },
  },
  moderators: {
    multiColumn: true,
    aliases: [
      {
        en: ['Moderator', 'Moderators', 'Moderator(s)', 'Chair', 'Chairs', 'Session Chair', 'Chairperson'],
        es: ['Moderador', 'Moderadores', 'Moderador(es)', 'Moderadora'],
        de: ['Moderation', 'Moderatorin', 'Moderator(in)', 'Vorsitz'],
        fr: ['Modérateur', 'Modérateurs', 'Modératrice', 'Animateur', 'Président de séance'],
        it: ['Moderatore', 'Moderatori', 'Moderatrice'],
        pt: ['Moderação', 'Mediador'],
        nl: ['Gespreksleider', 'Dagvoorzitter'],
        ja: ['司会', 'モデレーター', '座長'],
      },
    ],
    cell: 'names',
  },
  image: {
    aliases: [
      {
        en: ['Image', 'Image URL', 'Session Image', 'Picture', 'Thumbnail', 'Banner', 'Cover Image'],
        es: ['Imagen', 'Imagen de la sesión'],
        de: ['Bild', 'Bild-URL'],
        fr: ['Visuel', 'Image de la session'],
        it: ['Immagine'],
        pt: ['Imagem'],
        nl: ['Afbeelding'],
        ja: ['画像'],
      },
    ],
    cell: 'text',
    column: { at: 19, header: 'Image', help: 'A PNG or JPEG: a path relative to this sheet or an http(s) URL. Blank: left as it is.' },
  },
} as const satisfies Readonly<Record<MappedField, SessionFieldEntry>>;

type Table = typeof SESSION_FIELDS;

/** Every MappedField, in the order messages list them. */
export const MAPPED_FIELDS = Object.keys(SESSION_FIELDS) as unknown as readonly [MappedField, ...MappedField[]];

/** The yes/no settings a sheet may set (All Day is yes/no too, but read with the times). */
export type BooleanField = Exclude<{ [F in MappedField]: Table[F]['cell'] extends 'yes_no' ? F : never }[MappedField], 'all_day'>;
export const BOOLEAN_FIELDS = MAPPED_FIELDS.filter(
  (field): field is BooleanField => SESSION_FIELDS[field].cell === 'yes_no' && field !== 'all_day',
) as readonly BooleanField[];

/**
 * The session settings beside name, description, times and references: fields whose sheet name is
 * the API's name, read one cell each.
 */
export type SettingField = Exclude<
  { [F in MappedField]: Table[F] extends { api: { field: F } } ? F : never }[MappedField],
  'name' | 'all_day' | 'locations'
>;
export const SETTING_FIELDS = MAPPED_FIELDS.filter(
  (field): field is SettingField =>
    (SESSION_FIELDS[field] as SessionFieldEntry).api?.field === field && !['name', 'all_day', 'locations'].includes(field),
) as readonly SettingField[];

/** How each API field is compared: one kind per API field, whichever sheet field writes it. */
export const FIELD_KINDS: Readonly<Record<ComparedField, FieldKind>> = buildKinds();

/** API fields the v1 API does not have: not written or compared when talking to v1. */
export const V1_1_ONLY_FIELDS: ReadonlySet<ComparedField> = new Set(
  apiEntries()
    .filter((api) => !api.versions.includes('v1'))
    .map((api) => api.field),
);

function apiEntries(): Array<NonNullable<SessionFieldEntry['api']>> {
  return MAPPED_FIELDS.flatMap((field) => {
    const api = (SESSION_FIELDS[field] as SessionFieldEntry).api;
    return api ? [api] : [];
  });
}

function buildKinds(): Record<ComparedField, FieldKind> {
  const kinds: Partial<Record<ComparedField, FieldKind>> = {};
  for (const api of apiEntries()) {
    // Several sheet fields write one API field (Date, Start and Start Date Time all set start_time).
    if (kinds[api.field] && kinds[api.field] !== api.kind) throw new Error(`${api.field} is listed as ${kinds[api.field]} and ${api.kind}`);
    kinds[api.field] = api.kind;
  }
  return kinds as Record<ComparedField, FieldKind>;
}

export function isComparedField(field: string): field is ComparedField {
  return Object.hasOwn(FIELD_KINDS, field);
}

/** The name a message uses for a field: its canonical column header, else its first alias. */
export function fieldLabel(field: MappedField): string {
  const entry: SessionFieldEntry = SESSION_FIELDS[field];
  return entry.column?.header ?? FIELD_ALIASES[field][0]!;
}

/**
 * The comparable form of a header: lowercase letters and digits only, Latin accents folded, so
 * "Track(s)", "track s" and "TRACKS " compare equal, and so do "Título" and "Titulo". Letters of
 * any script count (Japanese headers keep their kana and kanji; only the Latin combining accents
 * are dropped). A header of punctuation only ("#") keeps its punctuation, or it would match
 * nothing. Runs once per header cell of the rows scanned for the header: no allocation beyond the
 * string steps.
 */
export function normaliseHeader(header: string): string {
  const folded = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss');
  const key = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  return key !== '' ? key : folded.replace(/\s+/g, '');
}

/** Every alias of a field, strongest tier first and English first within a tier. */
function flatAliases(entry: SessionFieldEntry): string[] {
  return entry.aliases.flatMap((tier) => Object.values(tier).flat() as string[]);
}

/**
 * Header names each field is recognised by, without a mapping file, flattened from the tiers of
 * SESSION_FIELDS (strongest first). They are compared in normalised form (normaliseHeader), so
 * spacing, case, accents and punctuation do not matter. Covers the importer's own canonical
 * columns (CANONICAL_COLUMNS, below), Guidebook Builder's schedule template, the usual exports of
 * scheduling tools, and the words agendas use in en, es, de, fr, it, pt, nl and ja.
 */
export const FIELD_ALIASES: Readonly<Record<MappedField, readonly string[]>> = Object.fromEntries(
  MAPPED_FIELDS.map((field) => [field, flatAliases(SESSION_FIELDS[field])]),
) as unknown as Record<MappedField, readonly string[]>;

/**
 * The main names of a field, for messages that list what is accepted: the strongest English
 * names, the first of each other language, and the first English name of each weaker tier.
 */
export function mainAliases(field: MappedField, english = 5): string {
  const [first, ...weaker]: readonly AliasTier[] = SESSION_FIELDS[field].aliases;
  const names = [...(first.en ?? []).slice(0, english)];
  for (const [language, list] of Object.entries(first)) if (language !== 'en' && list[0] !== undefined) names.push(list[0]);
  for (const tier of weaker) if (tier.en?.[0] !== undefined) names.push(tier.en[0]);
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(normaliseHeader(name)) && seen.add(normaliseHeader(name))).join(', ');
}

/**
 * One line for "no header row found": the main names of the columns every agenda needs, and
 * where to go when the sheet's own names are not among them.
 */
export function acceptedHeadersHint(): string {
  return (
    `accepted names include, for the title: ${mainAliases('name', 2)}; for the day: ${mainAliases('date', 1)}; ` +
    `for the start: ${mainAliases('start', 2)}. Rename the columns, map yours with --mapping map.json ` +
    '({"columns": {"<your header>": "name"}}), or start from the sheet `guidebook-import template` writes'
  );
}

/** What a header is: the field it names and how strongly (0 = the strongest tier). */
export interface HeaderMatch {
  field: MappedField;
  tier: number;
  /** The header carried a number after a multi-column field's name ("Speaker 2"). */
  numbered?: true;
}

/** normalised alias → its field and tier; built once. */
const ALIAS_LOOKUP: ReadonlyMap<string, HeaderMatch> = buildLookup();

function buildLookup(): Map<string, HeaderMatch> {
  const lookup = new Map<string, HeaderMatch>();
  for (const field of MAPPED_FIELDS) {
    const tiers: readonly AliasTier[] = SESSION_FIELDS[field].aliases;
    tiers.forEach((tier, index) => {
      for (const alias of Object.values(tier).flat() as string[]) {
        const key = normaliseHeader(alias);
        const taken = lookup.get(key);
        // Two fields claiming one header would make matching depend on object order.
        if (taken && taken.field !== field) throw new Error(`alias "${alias}" is listed for both ${taken.field} and ${field}`);
        if (!taken) lookup.set(key, { field, tier: index });
      }
    });
  }
  return lookup;
}

/**
 * The field a header names and the strength of the alias, or undefined. Only a multi-column
 * field (speakers, moderators) also takes a numbered header: "Speaker 1", "Presenter2"; a
 * "Title 2" is not a second title.
 */
export function matchHeader(header: string): HeaderMatch | undefined {
  const key = normaliseHeader(header);
  const exact = ALIAS_LOOKUP.get(key);
  if (exact !== undefined) return exact;
  // "Speaker 2", "Presenter2", and "Speaker 2 Name" beside a "Speaker 2 Company" (left unmapped).
  const numbered = /^(\D+?)\d{1,2}(?:name|nombre|nom|nome|naam)?$/.exec(key);
  if (numbered !== null) {
    const stem = ALIAS_LOOKUP.get(numbered[1]!);
    if (stem !== undefined && (SESSION_FIELDS[stem.field] as SessionFieldEntry).multiColumn) return { ...stem, numbered: true };
  }
  return withoutNote(header);
}

/**
 * A header with a note in brackets after its name ("Time (CET)", "Title (required)", "Room
 * [optional]") is its name, unless the note changes what the cells mean: a duration counted in
 * anything but minutes ("Duration (hours)") is not the minutes a Duration column holds.
 */
function withoutNote(header: string): HeaderMatch | undefined {
  const bracket = /^(.*\S)\s*[([{（［]([^()[\]{}（）［］]*)[)\]}）］]\s*$/u.exec(header);
  if (bracket === null) return undefined;
  const match = ALIAS_LOOKUP.get(normaliseHeader(bracket[1]!));
  if (match === undefined) return undefined;
  if (match.field === 'duration' && !/^\s*(min|mins|minutes?|minuten|minutos|minuti|分)\.?\s*$/iu.test(bracket[2]!)) return undefined;
  return match;
}

/** The field a header is an alias of, or undefined. */
export function fieldForHeader(header: string): MappedField | undefined {
  return matchHeader(header)?.field;
}

/** Whether several columns may supply the field together (their texts joined). */
export function isMultiColumnField(field: MappedField): boolean {
  return (SESSION_FIELDS[field] as SessionFieldEntry).multiColumn === true;
}

/**
 * The importer's own columns, in the order `template` and `export` write them. Each header is an
 * alias of its field (FIELD_ALIASES), so these sheets import with no mapping file. `help` is the
 * one line a template shows under or beside the header.
 */
export const CANONICAL_COLUMNS: ReadonlyArray<{ header: string; field: MappedField; help: string }> = MAPPED_FIELDS.flatMap((field) => {
  const column = (SESSION_FIELDS[field] as SessionFieldEntry).column;
  return column ? [{ at: column.at, header: column.header, field, help: column.help }] : [];
})
  .sort((a, b) => a.at - b.at)
  .map(({ header, field, help }) => ({ header, field, help }));

/**
 * How many cells of a candidate row are known column names. The readers pick the row with the
 * best score as the header, so title rows and notes above the table are skipped. A row whose only
 * known name is a weaker one ("Talk", "Time", "Type") scores nothing: such a word is as likely a
 * cell of a sheet with no header row at all ("09:00 | Keynote | Talk") as a header of its own.
 */
export function scoreHeaderRow(cells: string[]): number {
  let score = 0;
  let strong = false;
  for (const cell of cells) {
    if (typeof cell !== 'string' || cell === '') continue;
    const match = matchHeader(cell);
    if (match === undefined) continue;
    score++;
    if (match.tier === 0) strong = true;
  }
  return score === 1 && !strong ? 0 : score;
}

/**
 * A header that names the session only in the weakest way ("Name", "Nombre", "Nom", ...): beside a
 * real title column it usually holds a person's name, so it never stands in for a blank title.
 */
export function isBareNameHeader(header: string): boolean {
  const match = matchHeader(header);
  return match !== undefined && match.field === 'name' && match.tier >= SESSION_FIELDS.name.aliases.length - 1;
}
