// Reads and parses a request body the way DRF's parsers do: JSON and form-encoded bodies.
import type { IncomingMessage } from 'node:http';

export type RequestBody = { kind: 'none' } | { kind: 'json'; data: unknown } | { kind: 'form'; params: URLSearchParams };

export type BodyReadResult = { ok: true; body: RequestBody } | { ok: false; status: 400 | 413 | 415; detail: string };

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The body as text, or null when it is larger than any API request needs to be. */
export async function readRequestText(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readRequestBody(req: IncomingMessage): Promise<BodyReadResult> {
  const text = await readRequestText(req);
  if (text === null) return { ok: false, status: 413, detail: 'Request body too large.' };
  if (text.trim() === '') return { ok: true, body: { kind: 'none' } };

  const contentType = req.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded') {
    return { ok: true, body: { kind: 'form', params: new URLSearchParams(text) } };
  }
  // A body sent with no content type at all is read as JSON: it can only have been meant as JSON.
  if (mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === '') {
    try {
      return { ok: true, body: { kind: 'json', data: JSON.parse(text) as unknown } };
    } catch (error) {
      return { ok: false, status: 400, detail: `JSON parse error - ${(error as Error).message}` };
    }
  }
  return unsupported(contentType);
}

function unsupported(contentType: string): BodyReadResult {
  return { ok: false, status: 415, detail: `Unsupported media type "${contentType}" in request.` };
}

/** The body as the request log shows it: JSON as sent, form fields as an object (repeats as lists). */
export function bodyForLog(body: RequestBody | null): unknown {
  if (!body || body.kind === 'none') return null;
  if (body.kind === 'json') return body.data;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(body.params.keys())) {
    const values = body.params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}
