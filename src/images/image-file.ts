// An image a sheet names (a session's Image cell, a speaker's Photo): a path relative to the
// sheet or an http(s) URL, loaded and checked before any write. PNG or JPEG by content (the
// service refuses anything else, whatever the name says), under a size cap, downloaded within a
// deadline. A failed check is a message for a row issue, never an exception.
import { open, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../sha256.js';

/** The largest image accepted: far above a 640×240 banner or a 240×240 thumbnail. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const IMAGE_DOWNLOAD_TIMEOUT_MS = 20_000;

export interface LoadedImage {
  /** The reference as the sheet gave it, for messages. */
  ref: string;
  bytes: Buffer;
  contentType: 'image/png' | 'image/jpeg';
  /** The name the upload carries: the file's own, with the extension its content calls for. */
  filename: string;
  /** SHA-256 of the bytes, hex: what the image memory remembers. */
  hash: string;
}

export type ImageLoad = { ok: true; image: LoadedImage } | { ok: false; message: string };

export interface ImageLoadOptions {
  /** The folder a relative path is read from: the sheet's own folder. */
  baseDir: string;
  maxBytes?: number;
  timeoutMs?: number;
}

/** What the first bytes say: PNG, JPEG, another image format the service refuses, or none. */
export function imageKindOf(bytes: Uint8Array): 'png' | 'jpeg' | { other: string } | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return { other: 'GIF' };
  if (starts(0x52, 0x49, 0x46, 0x46) && [0x57, 0x45, 0x42, 0x50].every((byte, i) => bytes[8 + i] === byte)) return { other: 'WebP' };
  if (starts(0x42, 0x4d)) return { other: 'BMP' };
  if (starts(0x3c, 0x3f, 0x78, 0x6d, 0x6c) || starts(0x3c, 0x73, 0x76, 0x67)) return { other: 'SVG' };
  return null;
}

/** Loads and checks one image reference. */
export async function loadImage(ref: string, options: ImageLoadOptions): Promise<ImageLoad> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  const text = ref.trim();
  const read = /^https?:\/\//i.test(text)
    ? await download(text, maxBytes, options.timeoutMs ?? IMAGE_DOWNLOAD_TIMEOUT_MS)
    : await readLocal(text, options.baseDir, maxBytes);
  if (!read.ok) return read;
  return checked(text, read.bytes, read.name);
}

function checked(ref: string, bytes: Buffer, name: string): ImageLoad {
  if (bytes.length === 0) return { ok: false, message: `image ${JSON.stringify(ref)} is an empty file` };
  const kind = imageKindOf(bytes);
  if (kind === null) return { ok: false, message: `image ${JSON.stringify(ref)} is not a PNG or JPEG image (by its content)` };
  if (typeof kind === 'object') {
    return { ok: false, message: `image ${JSON.stringify(ref)} is a ${kind.other} image; Guidebook takes only PNG or JPEG` };
  }
  const extension = kind === 'png' ? '.png' : '.jpg';
  const stem = name.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'image';
  return {
    ok: true,
    image: {
      ref,
      bytes,
      contentType: kind === 'png' ? 'image/png' : 'image/jpeg',
      filename: `${stem}${extension}`,
      hash: sha256Hex(bytes),
    },
  };
}

type RawRead = { ok: true; bytes: Buffer; name: string } | { ok: false; message: string };

async function readLocal(ref: string, baseDir: string, maxBytes: number): Promise<RawRead> {
  const path = ref.startsWith('file://') ? fileURLToPath(ref) : isAbsolute(ref) ? ref : resolve(baseDir, ref);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `image ${JSON.stringify(ref)} is not a file` };
    size = info.size;
  } catch {
    return { ok: false, message: `image ${JSON.stringify(ref)} not found (paths are read relative to the sheet's folder)` };
  }
  if (size > maxBytes)
    return { ok: false, message: `image ${JSON.stringify(ref)} is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit` };
  const handle = await open(path, 'r');
  try {
    return { ok: true, bytes: await handle.readFile(), name: basename(path) };
  } catch (error) {
    return { ok: false, message: `image ${JSON.stringify(ref)} could not be read (${(error as Error).message})` };
  } finally {
    await handle.close();
  }
}

async function download(url: string, maxBytes: number, timeoutMs: number): Promise<RawRead> {
  const shown = JSON.stringify(url);
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal: deadline, redirect: 'follow', headers: { Accept: 'image/png, image/jpeg' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, message: `image ${shown} could not be downloaded (HTTP ${response.status})` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, message: `image ${shown} is ${megabytes(declared)}, over the ${megabytes(maxBytes)} limit` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          return { ok: false, message: `image ${shown} is over the ${megabytes(maxBytes)} limit` };
        }
        chunks.push(value);
      }
    }
    const name = basename(new URL(url).pathname) || 'image';
    return { ok: true, bytes: Buffer.concat(chunks, size), name };
  } catch {
    if (deadline.aborted) return { ok: false, message: `image ${shown} was not downloaded within ${timeoutMs / 1000} s` };
    return { ok: false, message: `image ${shown} could not be downloaded (no answer from ${new URL(url).host})` };
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
