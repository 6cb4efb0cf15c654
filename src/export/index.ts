// `export`: a guide's sessions as a sheet in the importer's own columns, ready to edit and import.
export { exportGuide } from './export-guide.js';
export { agendaBytes, EXPORT_FORMATS, NOTES_SHEET, resolveExportFormat, writeAgenda, type WriteAgendaOptions } from './agenda-file.js';
export { buildAgendaRows, AGENDA_HEADERS, type AgendaInput, type AgendaRows } from './agenda-rows.js';
export { AGENDA_SHEET } from '../sheet-cells/index.js';
export type { ExportCell, ExportFormat, ExportGuideOptions, ExportedAgenda } from './types.js';
