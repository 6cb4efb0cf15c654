export { buildColumnMap } from './build-column-map.js';
export { CANONICAL_COLUMNS } from './canonical-columns.js';
export type { ColumnMap, MappedColumn } from './column-map.js';
export { FIELD_ALIASES, fieldForHeader } from './field-aliases.js';
export { DEFAULT_COLUMN, mapRow } from './map-row.js';
export { MAPPED_FIELDS, isMappedField } from './mapped-fields.js';
export type { DefaultValue, MappingConfig, ValueFormats } from './mapping-config.js';
export { normaliseHeader } from './normalise-header.js';
export { scoreHeaderRow } from './score-header-row.js';
