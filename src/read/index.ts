export { openSheet, openSheets } from './open-sheet.js';
export type { OpenSheetOptions, SheetFormat, SheetLayoutKind, SheetSource } from './types.js';
