import { GuidebookImportError } from '../../src/errors.js';

/** The GuidebookImportError `fn` throws; anything else it throws is rethrown, and throwing nothing fails. */
export function thrown(fn: () => unknown): GuidebookImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GuidebookImportError) return error;
    throw error;
  }
  throw new Error('expected a GuidebookImportError');
}
