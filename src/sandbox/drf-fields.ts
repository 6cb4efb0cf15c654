// Field parsers that answer like Django REST Framework's serializer fields, so a client meets
// the same 400 messages here as from the real service.
import { DATETIME_WRONG_FORMAT, parseApiDateTime } from './datetime.js';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };
export type FieldParser<T> = (raw: unknown) => FieldResult<T>;

export const MESSAGES = {
  required: 'This field is required.',
  null: 'This field may not be null.',
  blank: 'This field may not be blank.',
  string: 'Not a valid string.',
  integer: 'A valid integer is required.',
  number: 'A valid number is required.',
  boolean: 'Must be a valid boolean.',
} as const;

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(message: string): FieldResult<T> => ({ ok: false, message });

/** Python's name for a JSON value's type, as DRF quotes it. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** CharField: numbers become text, surrounding whitespace is trimmed (DRF's default). */
export function stringField(options: { maxLength?: number; allowBlank?: boolean } = {}): FieldParser<string> {
  return (raw) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return fail(MESSAGES.string);
    const text = String(raw).trim();
    if (text === '' && !options.allowBlank) return fail(MESSAGES.blank);
    if (options.maxLength !== undefined && text.length > options.maxLength) {
      return fail(`Ensure this field has no more than ${options.maxLength} characters.`);
    }
    return ok(text);
  };
}

const INTEGER_TEXT = /^\s*-?\d+(\.0*)?\s*$/;

export function integerField(options: { min?: number } = {}): FieldParser<number> {
  return (raw) => {
    let value: number;
    if (typeof raw === 'number' && Number.isInteger(raw)) value = raw;
    else if (typeof raw === 'string' && raw.length > 1000) return fail('String value too large.');
    else if (typeof raw === 'string' && INTEGER_TEXT.test(raw)) value = Math.trunc(Number(raw));
    else return fail(MESSAGES.integer);
    if (options.min !== undefined && value < options.min) {
      return fail(`Ensure this value is greater than or equal to ${options.min}.`);
    }
    return ok(value);
  };
}

export function floatField(options: { min?: number; max?: number } = {}): FieldParser<number> {
  return (raw) => {
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(value)) return fail(MESSAGES.number);
    if (options.min !== undefined && value < options.min) return fail(`Ensure this value is greater than or equal to ${options.min}.`);
    if (options.max !== undefined && value > options.max) return fail(`Ensure this value is less than or equal to ${options.max}.`);
    return ok(value);
  };
}

const TRUE_VALUES = new Set<unknown>(['t', 'T', 'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', '1', 1, true]);
const FALSE_VALUES = new Set<unknown>([
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '0',
  0,
  false,
]);

export const booleanField: FieldParser<boolean> = (raw) => {
  if (TRUE_VALUES.has(raw)) return ok(true);
  if (FALSE_VALUES.has(raw)) return ok(false);
  return fail(MESSAGES.boolean);
};

export const dateTimeField: FieldParser<string> = (raw) => {
  if (typeof raw !== 'string') return fail(DATETIME_WRONG_FORMAT);
  const parsed = parseApiDateTime(raw);
  return parsed.ok ? ok(parsed.value) : fail(parsed.message);
};

/** A primary key of a related record (existence is checked later, against the store). */
export const primaryKeyField: FieldParser<number> = (raw) => {
  if (typeof raw === 'number' && Number.isInteger(raw)) return ok(raw);
  if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) return ok(Number(raw));
  if (typeof raw === 'string' && raw.trim() !== '') return fail(`Invalid pk "${raw}" - object does not exist.`);
  return fail(`Incorrect type. Expected pk value, received ${pythonTypeName(raw)}.`);
};

/** A list of primary keys. Every item is checked; the first bad one is reported, as DRF does. */
export const primaryKeyListField: FieldParser<number[]> = (raw) => {
  if (!Array.isArray(raw)) return fail(`Expected a list of items but got type "${pythonTypeName(raw)}".`);
  const ids: number[] = [];
  for (const item of raw) {
    const id = primaryKeyField(item);
    if (!id.ok) return id;
    if (!ids.includes(id.value)) ids.push(id.value);
  }
  return ok(ids);
};

export function choiceField<T extends number | string>(choices: readonly T[]): FieldParser<T> {
  return (raw) => {
    const found = choices.find((choice) => choice === raw || String(choice) === String(raw).trim());
    return found === undefined ? fail(`"${String(raw)}" is not a valid choice.`) : ok(found);
  };
}
