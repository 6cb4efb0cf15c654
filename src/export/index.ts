// `export`: a guide's sessions (and speakers) as a sheet in the importer's own columns, ready to edit and import.
export { exportGuide } from './export-guide.js';
export { agendaBytes, resolveExportFormat, speakersCsvPath, writeAgenda } from './agenda-file.js';
export { buildAgendaRows, AGENDA_HEADERS, type AgendaInput } from './agenda-rows.js';
export type { ExportCell, ExportFormat, ExportGuideOptions, ExportedAgenda } from './types.js';
