import { normaliseHeader } from './fields.js';

// THE Speakers-sheet field table: the columns a Speakers sheet (or a --speakers file) may have,
// with the headers each is recognised by in the languages of the session table, and the canonical
// column order that template and export write (the order of SheetSpeaker in src/types.ts).

export type SpeakerField = 'import_id' | 'name' | 'title' | 'company' | 'bio' | 'email' | 'photo' | 'role' | 'sessions';

export interface SpeakerFieldEntry {
  /** The canonical column header (template, export). */
  header: string;
  /** Header names recognised without a mapping file (compared normalised, like session headers). */
  aliases: readonly string[];
  /** One line of help for a template. */
  help: string;
}

export const SPEAKER_FIELDS = {
  import_id: {
    header: 'Import ID',
    aliases: ['Import ID', 'Speaker ID', 'Speaker Import ID', 'ID', 'UID', 'Key', 'Referenten-ID', 'ID Ponente', 'ID Intervenant'],
    help: 'Your own stable id for the speaker; without it the id is derived from the email, else the name.',
  },
  name: {
    header: 'Name',
    aliases: [
      'Name',
      'Speaker',
      'Speaker Name',
      'Full Name',
      'Presenter',
      'Presenter Name',
      'Moderator',
      'Person',
      'Nombre',
      'Nom',
      'Nome',
      'Naam',
      'Vollständiger Name',
      'Referent',
      'Referentin',
      'Ponente',
      'Intervenant',
      'Relatore',
      'Palestrante',
      'Spreker',
      '名前',
      '氏名',
      '登壇者',
      'スピーカー',
    ],
    help: 'Required. The name as sessions name the speaker in their Speakers column.',
  },
  title: {
    header: 'Title',
    aliases: [
      'Title',
      'Job Title',
      'Position',
      'Role Title',
      'Tagline',
      'Tag Line',
      'Titel',
      'Position (Job)',
      'Cargo',
      'Puesto',
      'Poste',
      'Fonction',
      'Ruolo',
      'Functie',
      '役職',
      '肩書き',
    ],
    help: 'Job title; shown as "Title, Company" under the name.',
  },
  company: {
    header: 'Company',
    aliases: [
      'Company',
      'Organisation',
      'Organization',
      'Affiliation',
      'Employer',
      'Firma',
      'Unternehmen',
      'Organisation (Firma)',
      'Empresa',
      'Organización',
      'Société',
      'Entreprise',
      'Azienda',
      'Organizzazione',
      'Bedrijf',
      'Organisatie',
      '会社',
      '所属',
    ],
    help: 'Company or organisation; shown as "Title, Company" under the name.',
  },
  bio: {
    header: 'Bio',
    aliases: [
      'Bio',
      'Biography',
      'About',
      'Description',
      'Profile',
      'Biografie',
      'Biografía',
      'Biographie',
      'Biografia',
      'Beschreibung',
      'プロフィール',
      '紹介',
    ],
    help: 'Plain text (blank lines make paragraphs) or basic HTML, sanitised like session descriptions.',
  },
  email: {
    header: 'Email',
    aliases: [
      'Email',
      'E-mail',
      'Email Address',
      'Contact Email',
      'Mail',
      'Correo',
      'Correo electrónico',
      'Courriel',
      'Adresse e-mail',
      'メール',
      'メールアドレス',
    ],
    help: "The speaker's contact email (contact_email); also tells two people with one name apart.",
  },
  photo: {
    header: 'Photo',
    aliases: [
      'Photo',
      'Headshot',
      'Picture',
      'Image',
      'Photo URL',
      'Profile Picture',
      'Avatar',
      'Foto',
      'Bild',
      'Imagen',
      'Immagine',
      '写真',
      '画像',
    ],
    help: 'A PNG or JPEG: a path relative to this file, or an http(s) URL.',
  },
  role: {
    header: 'Role',
    aliases: ['Role', 'Speaker Role', 'Type', 'Rolle', 'Rol', 'Rôle', '役割'],
    help: 'Speaker, Moderator, ...; with --speaker-lists-by-role each role is its own list.',
  },
  sessions: {
    header: 'Sessions',
    aliases: ['Sessions', 'Session IDs', 'Session Import IDs', 'Talks', 'Sitzungen', 'Sesiones', 'Séances', 'Sessioni', 'セッション'],
    help: "Import ids of the sessions the speaker presents, separated by ';' (added to the sessions' own Speakers cells).",
  },
} as const satisfies Readonly<Record<SpeakerField, SpeakerFieldEntry>>;

/** The fields in canonical column order. */
export const SPEAKER_FIELD_ORDER = Object.keys(SPEAKER_FIELDS) as SpeakerField[];

const LOOKUP: ReadonlyMap<string, SpeakerField> = buildLookup();

function buildLookup(): Map<string, SpeakerField> {
  const lookup = new Map<string, SpeakerField>();
  for (const field of SPEAKER_FIELD_ORDER) {
    for (const alias of SPEAKER_FIELDS[field].aliases) {
      const key = normaliseHeader(alias);
      const taken = lookup.get(key);
      if (taken && taken !== field) throw new Error(`speaker alias "${alias}" is listed for both ${taken} and ${field}`);
      lookup.set(key, field);
    }
  }
  return lookup;
}

/** The Speakers-sheet field a header is an alias of, or undefined. */
export function speakerFieldForHeader(header: string): SpeakerField | undefined {
  return LOOKUP.get(normaliseHeader(header));
}

/** How many cells of a candidate header row are Speakers-sheet headers (for finding the header row). */
export function scoreSpeakerHeaderRow(cells: string[]): number {
  let score = 0;
  for (const cell of cells) if (typeof cell === 'string' && cell !== '' && speakerFieldForHeader(cell) !== undefined) score++;
  return score;
}

/** Sheet names that hold speakers in a workbook (compared normalised). */
export const SPEAKER_SHEET_NAMES: readonly string[] = [
  'Speakers',
  'Speaker',
  'Presenters',
  'Referenten',
  'Ponentes',
  'Intervenants',
  'Relatori',
  'Palestrantes',
  'Sprekers',
  '登壇者',
  'スピーカー',
];

export function isSpeakerSheetName(name: string): boolean {
  const key = normaliseHeader(name);
  return SPEAKER_SHEET_NAMES.some((candidate) => normaliseHeader(candidate) === key);
}
