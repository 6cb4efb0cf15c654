export { openSheet } from './open-sheet.js';
export type { OpenSheetOptions, SheetFormat, SheetSource } from './types.js';
