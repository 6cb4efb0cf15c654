export { buildTemplateRows } from './template-rows.js';
export { writeTemplate } from './write-template.js';
