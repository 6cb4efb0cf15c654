// Reads a request body against a resource's field specs: required, null, defaults, form lists.
// Unknown fields are ignored, as DRF ignores them.
import { MESSAGES, type FieldParser } from './drf-fields.js';
import type { RequestBody } from './request-body.js';

export interface FieldSpec {
  parse: FieldParser<unknown>;
  nullable?: boolean;
  /** Required on create; never on PATCH. */
  required?: boolean;
  /** A list field: a form body gives it as repeated keys. */
  list?: boolean;
  /** A form's empty value means "not given" (DRF's rule for a field neither required nor nullable and not text). */
  formBlankIsAbsent?: boolean;
}

export type FieldSpecs = Record<string, FieldSpec>;
export type FieldErrors = Record<string, string[]>;

export interface FieldValues {
  /** Only the fields the body gave (parsed), never defaults. */
  values: Record<string, unknown>;
  errors: FieldErrors;
}

/** A body that is not a JSON object is refused before any field is read, as DRF does. */
function nonObjectBodyError(body: RequestBody): FieldErrors | null {
  if (body.kind !== 'json') return null;
  const data = body.data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return null;
  const got = Array.isArray(data)
    ? 'list'
    : data === null
      ? 'NoneType'
      : typeof data === 'string'
        ? 'str'
        : typeof data === 'number'
          ? 'int'
          : 'bool';
  return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] };
}

/** The start of every write check: a body that is not an object is refused, else its fields are read. */
export function readBody(
  body: RequestBody,
  specs: FieldSpecs,
  partial: boolean,
): ({ ok: true } & FieldValues) | { ok: false; status: 400; errors: FieldErrors } {
  const shapeError = nonObjectBodyError(body);
  if (shapeError) return { ok: false, status: 400, errors: shapeError };
  return { ok: true, ...readFields(body, specs, partial) };
}

function readFields(body: RequestBody, specs: FieldSpecs, partial: boolean): FieldValues {
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = rawValue(body, name, spec);
    if (raw === undefined) {
      if (spec.required && !partial) errors[name] = [MESSAGES.required];
      continue;
    }
    if (raw === null) {
      if (spec.nullable) values[name] = null;
      else errors[name] = [MESSAGES.null];
      continue;
    }
    const parsed = spec.parse(raw);
    if (parsed.ok) values[name] = parsed.value;
    else errors[name] = [parsed.message];
  }
  return { values, errors };
}

/** undefined = absent. A form's empty value means null for a nullable field (DRF's HTML input rule). */
function rawValue(body: RequestBody, name: string, spec: FieldSpec): unknown {
  if (body.kind === 'none') return undefined;
  if (body.kind === 'json') {
    const data = body.data as Record<string, unknown>;
    return Object.hasOwn(data, name) ? data[name] : undefined;
  }
  if (!body.params.has(name)) return undefined;
  if (spec.list) return body.params.getAll(name).filter((item) => item !== '');
  const value = body.params.getAll(name).at(-1) ?? '';
  if (value === '' && spec.nullable) return null;
  return value === '' && spec.formBlankIsAbsent ? undefined : value;
}

export function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}
