// Reads and parses a request body the way DRF's parsers do: JSON, form-encoded and multipart
// bodies (a multipart body is a form whose file parts are kept apart, as DRF's request.FILES).
import type { IncomingMessage } from 'node:http';

/** One file part of a multipart body. */
export interface UploadedFile {
  filename: string;
  /** The part's own Content-Type as the client sent it (the service trusts the bytes, not this). */
  contentType: string;
  bytes: Buffer;
}

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; data: unknown }
  | { kind: 'form'; params: URLSearchParams; files?: Map<string, UploadedFile> };

export type BodyReadResult = { ok: true; body: RequestBody } | { ok: false; status: 400 | 413 | 415; detail: string };

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The body as text, or null when it is larger than any API request needs to be. */
export async function readRequestText(req: IncomingMessage): Promise<string | null> {
  return (await readRequestBytes(req))?.toString('utf8') ?? null;
}

async function readRequestBytes(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readRequestBody(req: IncomingMessage): Promise<BodyReadResult> {
  const bytes = await readRequestBytes(req);
  if (bytes === null) return { ok: false, status: 413, detail: 'Request body too large.' };
  const contentType = req.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'multipart/form-data' && bytes.length > 0) return readMultipart(bytes, contentType);
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: true, body: { kind: 'none' } };

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

/** Parsed with the platform's own multipart parser (undici's, behind Response.formData). */
async function readMultipart(bytes: Buffer, contentType: string): Promise<BodyReadResult> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
  } catch (error) {
    return { ok: false, status: 400, detail: `Multipart form parse error - ${(error as Error).message}` };
  }
  const params = new URLSearchParams();
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') params.append(name, value);
    else files.set(name, { filename: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return { ok: true, body: { kind: 'form', params, files } };
}

function unsupported(contentType: string): BodyReadResult {
  return { ok: false, status: 415, detail: `Unsupported media type "${contentType}" in request.` };
}

/**
 * The body as the request log shows it: JSON as sent, form fields as an object (repeats as
 * lists), a file part as its name, type and size (never its bytes).
 */
export function bodyForLog(body: RequestBody | null): unknown {
  if (!body || body.kind === 'none') return null;
  if (body.kind === 'json') return body.data;
  const out: Record<string, unknown> = {};
  for (const key of new Set(body.params.keys())) {
    const values = body.params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  for (const [key, file] of body.files ?? []) out[key] = { file: file.filename, content_type: file.contentType, bytes: file.bytes.length };
  return out;
}
