// What a usable answer of the API looks like, and how an unusable one is named in a message
// (by its shape, never by its content: it may be a whole HTML login page).

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A record as the API answers one: a JSON object with a numeric id. */
export function isRecordWithId(value: unknown): value is JsonObject & { id: number } {
  return isJsonObject(value) && typeof value.id === 'number' && Number.isFinite(value.id);
}

/** "an empty body", "an HTML page", "a JSON object without an "id"", ... */
export function describeAnswer(body: unknown): string {
  if (body === null || body === undefined) return 'an empty body';
  if (typeof body === 'string') return /^\s*</.test(body) ? 'an HTML page' : 'text that is not JSON (or JSON cut short)';
  if (Array.isArray(body)) return 'a JSON list';
  if (typeof body !== 'object') return `a bare JSON ${typeof body}`;
  const { id } = body as { id?: unknown };
  if (id === undefined) return 'a JSON object without an "id"';
  return typeof id === 'number' ? `a record with id ${id}` : `a JSON object whose "id" is ${JSON.stringify(id)?.slice(0, 40)}`;
}
