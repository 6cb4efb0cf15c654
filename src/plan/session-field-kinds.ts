// The kinds and versions are derived from the one session-field table (map/fields.ts).
export { FIELD_KINDS, V1_1_ONLY_FIELDS, isComparedField, type ComparedField, type FieldKind } from '../map/fields.js';
