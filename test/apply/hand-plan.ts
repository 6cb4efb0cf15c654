// A small planner for these tests, so apply is tested on plans made from a fresh listing of the
// sandbox. (The real planner, src/plan/, is tested in test/plan/.)
import type { SessionCreateBody, SessionWriteBody } from '../../src/api/types.js';
import type { FieldChange, Plan, PlanEntry } from '../../src/plan/types.js';
import type { ApiSession } from '../../src/types.js';

export type SheetRow = Omit<SessionCreateBody, 'guide'>;

const COMPARED = ['name', 'description_html', 'start_time', 'end_time'] as const;

export function handPlan(guideId: number, sheet: SheetRow[], existing: ApiSession[], options: { prune?: boolean } = {}): Plan {
  const byImportId = new Map<string, ApiSession[]>();
  for (const session of existing) {
    if (!session.import_id) continue;
    const list = byImportId.get(session.import_id) ?? [];
    list.push(session);
    byImportId.set(session.import_id, list);
  }
  const entries: PlanEntry[] = sheet.map((row, index) => {
    const base = { sheet: 'Agenda', row: index + 2, importId: row.import_id, name: row.name, issues: [] };
    const matches = byImportId.get(row.import_id) ?? [];
    if (matches.length > 1) return { ...base, action: 'conflict', sessionIds: matches.map((s) => s.id) };
    const match = matches[0];
    if (!match) return { ...base, action: 'create', body: { ...row, guide: guideId } };
    const changes: FieldChange[] = [];
    const patch: SessionWriteBody = {};
    for (const field of COMPARED) {
      const want = row[field] ?? null;
      const have = match[field] ?? null;
      if (!sameValue(field, want, have)) {
        changes.push({ field, old: have, new: want });
        (patch as Record<string, unknown>)[field] = want;
      }
    }
    if (changes.length === 0) return { ...base, action: 'unchanged', sessionId: match.id };
    return { ...base, action: 'update', sessionId: match.id, changes, patch };
  });
  if (options.prune) {
    const wanted = new Set(sheet.map((row) => row.import_id));
    for (const session of existing) {
      if (session.import_id && !wanted.has(session.import_id)) {
        entries.push({
          sheet: 'Agenda',
          row: null,
          importId: session.import_id,
          name: session.name,
          issues: [],
          action: 'delete',
          sessionId: session.id,
          confirmed: true,
        });
      }
    }
  }
  return {
    version: 1,
    guideId,
    tracksToCreate: [],
    locationsToCreate: [],
    entries,
    writeRequests: entries.filter((e) => e.action === 'create' || e.action === 'update' || e.action === 'delete').length,
    readRequests: 0,
  };
}

function sameValue(field: string, want: unknown, have: unknown): boolean {
  if ((field === 'start_time' || field === 'end_time') && typeof want === 'string' && typeof have === 'string') {
    return Date.parse(want) === Date.parse(normaliseApiTime(have));
  }
  return want === have;
}

/** The API answers 2017-09-18T16:00:00.000000+0000; Date.parse wants 2017-09-18T16:00:00.000+00:00. */
export function normaliseApiTime(text: string): string {
  return text.replace(/\.(\d{3})\d*/, '.$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** n sessions of one day, 30 minutes each, import ids s-001 ... */
export function agenda(n: number, prefix = 's'): SheetRow[] {
  return Array.from({ length: n }, (_, i) => {
    const start = Date.UTC(2027, 4, 10, 13, 0) + i * 30 * 60_000;
    return {
      import_id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      name: `Session ${i + 1}`,
      description_html: `<p>About session ${i + 1}</p>`,
      start_time: new Date(start).toISOString(),
      end_time: new Date(start + 30 * 60_000).toISOString(),
    };
  });
}
