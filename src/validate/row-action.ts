import type { ConvertedRow } from '../types.js';

/** How the report names a row that will not be written: a shared import_id is a conflict. */
export function actionForFailedRow(row: Extract<ConvertedRow, { ok: false }>): 'invalid' | 'conflict' {
  return row.issues.some((issue) => issue.code === 'duplicate_import_id') ? 'conflict' : 'invalid';
}
