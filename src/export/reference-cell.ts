import { buildReferenceIndex, type ReferenceKind } from '../plan/references.js';

interface NamedRecord {
  id: number;
  name: string;
  import_id?: string | null;
}

const NOUN: Record<ReferenceKind, string> = { track: 'schedule track', location: 'location' };

/** Writes a session's track or location ids as the names the importer resolves back to them. */
export interface ReferenceCellWriter {
  cell(ids: readonly number[] | undefined, sessionId: number): string | null;
}

/**
 * Each record is written by name when the planner's own resolver, given that name, finds that
 * very record; otherwise (a ";" in the name, a name two records share) by its id, and the user
 * is told. Decided once per record the sessions use, not once per session.
 */
export function referenceCellWriter(kind: ReferenceKind, records: readonly NamedRecord[], warnings: Set<string>): ReferenceCellWriter {
  const index = buildReferenceIndex(kind, records);
  const byId = new Map(records.map((record) => [record.id, record]));
  const texts = new Map<number, string>();
  const textOf = (id: number): string | undefined => {
    let text = texts.get(id);
    if (text === undefined) {
      const record = byId.get(id);
      if (!record) return undefined;
      text = referenceText(kind, record, index, warnings);
      texts.set(id, text);
    }
    return text;
  };

  return {
    cell(ids, sessionId) {
      if (!ids || ids.length === 0) return null;
      const parts: string[] = [];
      for (const id of ids) {
        const text = textOf(id);
        if (text === undefined) {
          warnings.add(`Session ${sessionId} refers to ${NOUN[kind]} ${id}, which the guide does not have: left out of the file.`);
          continue;
        }
        parts.push(text);
      }
      if (parts.length === 0) return null;
      const joined = parts.join('; ');
      // The importer splits a cell on ";" when it holds one, else on ",": a lone name with a
      // comma ("Hall A, Level 2") needs a ";" to stay one name.
      return parts.length === 1 && joined.includes(',') ? `${joined};` : joined;
    },
  };
}

function referenceText(
  kind: ReferenceKind,
  record: NamedRecord,
  index: ReturnType<typeof buildReferenceIndex>,
  warnings: Set<string>,
): string {
  const name = record.name.trim();
  const splits = /[;\r\n]/.test(name);
  if (name !== '' && !splits && index.resolve(name)?.id === record.id) return name;
  const why = name === '' ? 'it has no name' : splits ? 'its name holds ";" or a line break' : 'another one has the same name';
  if (index.resolve(String(record.id))?.id === record.id) {
    warnings.add(`${capitalise(NOUN[kind])} ${JSON.stringify(record.name)} is written by its id (${record.id}): ${why}.`);
    return String(record.id);
  }
  warnings.add(`${capitalise(NOUN[kind])} ${JSON.stringify(record.name)} (id ${record.id}) may not import back as itself: ${why}.`);
  return name;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
