export { openSheet } from './open-sheet.js';
export type { HeaderField } from './sheet-layout.js';
export type { OpenSheetOptions, SheetFormat, SheetSource } from './types.js';
