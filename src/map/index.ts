// What other folders import from the map stage.
export { buildColumnMap, checkRivalColumns, headerScorer, mapRow, type ColumnMap } from './column-map.js';
export { knownLayoutMapping } from './known-layouts.js';
export { CANONICAL_COLUMNS, MAPPED_FIELDS, fieldForHeader, isBareNameHeader, scoreHeaderRow } from './fields.js';
export type { MappingConfig } from './mapping-config.js';
