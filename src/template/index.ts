export { buildTemplateRows, type TemplateRows } from './template-rows.js';
export { buildHelpRows, HELP_SHEET } from './template-help.js';
export { templateWorkbook } from './template-workbook.js';
export { writeTemplate, templateBytes, type WriteTemplateOptions } from './write-template.js';
export { resolveTemplateTarget, formatFromPath, type TemplateFormat } from './template-format.js';
