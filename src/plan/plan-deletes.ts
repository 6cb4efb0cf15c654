import { GuidebookImportError } from '../errors.js';
import type { ApiSession } from '../types.js';
import { importIdKey } from './import-id-key.js';
import type { DeleteEntry } from './types.js';

export interface PruneInput {
  guideId: number;
  serverSessions: readonly ApiSession[];
  /** import_ids (importIdKey form) of ALL sheet rows, valid or not: a row with a typo must not cost its session. */
  sheetImportIds: ReadonlySet<string>;
  sheetRowCount: number;
  /** The run's sheet name, shown on delete rows (they have no sheet row of their own). */
  sheetName: string;
  yes: number;
  maxDeletes?: number;
}

/**
 * --prune: every session of the guide whose import_id the sheet no longer has. Sessions without
 * an import_id were not made by an import and are never touched.
 *
 * Safety stop: a sheet with fewer than half as many rows as the guide has imported sessions is
 * more likely the wrong file (or a filtered export) than a real shrink. Deleting then needs
 * --yes twice, or --max-deletes at least the number of deletes. The stop guards deletes that
 * would be carried out (--yes given): without --yes the deletes are only listed, which is
 * exactly what a user needs to see to spot the wrong file. --max-deletes is a hard cap the user
 * set, so it refuses whenever the plan holds more deletes, --yes or not.
 */
export function planDeletes(input: PruneInput): DeleteEntry[] {
  const importedSessions = input.serverSessions.filter((session) => Boolean(session.import_id));
  const deletes: DeleteEntry[] = importedSessions
    .filter((session) => !input.sheetImportIds.has(importIdKey(session.import_id!)))
    .map((session) => ({
      action: 'delete',
      sheet: input.sheetName,
      row: null,
      importId: session.import_id!,
      name: session.name,
      sessionId: session.id,
      confirmed: input.yes >= 1,
      issues: [],
    }));
  if (deletes.length === 0) return deletes;

  const { maxDeletes } = input;
  if (maxDeletes !== undefined && deletes.length > maxDeletes) {
    throw new GuidebookImportError(
      'prune_refused',
      `Refusing to prune: ${deletes.length} sessions of guide ${input.guideId} are not in the sheet and would be deleted, ` +
        `but --max-deletes is ${maxDeletes}. Check that this is the right sheet, or raise --max-deletes to ${deletes.length}.`,
    );
  }
  const looksLikeWrongSheet = input.sheetRowCount < importedSessions.length / 2;
  const allowedBySecondYes = input.yes >= 2;
  const allowedByCap = maxDeletes !== undefined && maxDeletes >= deletes.length;
  if (input.yes >= 1 && looksLikeWrongSheet && !allowedBySecondYes && !allowedByCap) {
    throw new GuidebookImportError(
      'prune_refused',
      `Refusing to prune: the sheet has ${input.sheetRowCount} rows but guide ${input.guideId} has ` +
        `${importedSessions.length} sessions with an import_id, so ${deletes.length} sessions would be deleted. ` +
        `If that is intended, pass --yes twice or --max-deletes ${deletes.length}; run without --yes to list them first.`,
    );
  }
  return deletes;
}
