// What other folders import from the map stage.
export { buildColumnMap, headerScorer, mapRow, type ColumnMap } from './column-map.js';
export { CANONICAL_COLUMNS, MAPPED_FIELDS, scoreHeaderRow } from './fields.js';
export type { MappingConfig } from './mapping-config.js';
