// The example mapping files in templates/mappings, loaded as a user's --mapping would load them,
// and the header row of the German agenda german-headers.json is written for: the map tests and
// the convert tests read the same sheet through the same file.
import { fileURLToPath } from 'node:url';
import type { MappingConfig } from '../../src/map/mapping-config.js';
import { loadMappingFile } from '../../src/options/mapping-file.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/mappings/', import.meta.url));

export function loadTemplateMapping(file: 'german-headers.json' | 'sched-export.json'): MappingConfig {
  return loadMappingFile(`${TEMPLATES}${file}`);
}

/** Every column german-headers.json names, in a sheet's order; Referent and Bemerkung it leaves out on purpose. */
export const GERMAN_HEADERS = [
  'Kennung',
  'Titel',
  'Datum',
  'Beginn',
  'Ende',
  'Raum',
  'Themenbereich',
  'Referent',
  'Beschreibung',
  'Bewertung erlauben',
  'Reihenfolge',
  'Bemerkung',
];
