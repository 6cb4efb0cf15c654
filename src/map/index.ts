export { buildColumnMap, DEFAULT_COLUMN, headerScorer, mapRow, type ColumnMap, type MappedColumn } from './column-map.js';
export {
  CANONICAL_COLUMNS,
  FIELD_ALIASES,
  MAPPED_FIELDS,
  fieldForHeader,
  isMappedField,
  normaliseHeader,
  scoreHeaderRow,
} from './fields.js';
export type { DefaultValue, MappingConfig, ValueFormats } from './mapping-config.js';
