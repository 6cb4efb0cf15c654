// `export`: a guide's sessions as a sheet in the importer's own columns, ready to edit and import.
export { exportGuide } from './export-guide.js';
export { writeAgenda, agendaBytes, type WriteAgendaOptions } from './write-agenda.js';
export { resolveExportFormat, EXPORT_FORMATS } from './export-format.js';
export { buildAgendaRows, AGENDA_HEADERS, type AgendaInput, type AgendaRows } from './agenda-rows.js';
export { NOTES_SHEET } from './agenda-workbook.js';
export { AGENDA_SHEET } from '../sheet-cells/index.js';
export type { ExportCell, ExportFormat, ExportGuideOptions, ExportedAgenda } from './types.js';
