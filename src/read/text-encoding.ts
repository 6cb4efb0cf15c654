import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

interface DetectedEncoding {
  encoding: TextEncoding;
  warning?: string;
}

/** The encoding a byte-order mark announces, or null. TextDecoder drops the mark itself. */
export function encodingFromBom(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 saved without a mark shows as a NUL in every other byte of plain-ASCII text; the side
 * the NULs fall on tells the byte order.
 */
export function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= pairs * 0.9 && evenNuls === 0) return 'utf-16le';
  if (evenNuls >= pairs * 0.9 && oddNuls === 0) return 'utf-16be';
  return null;
}

/** Text files never hold NUL bytes; spreadsheets and other binaries nearly always do. */
export function looksBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

/**
 * Reads the whole file once, in chunks, to tell UTF-8 from Windows-1252: one invalid sequence
 * anywhere decides, and deciding after rows were handed out would be too late.
 */
export async function detectTextEncoding(path: string, head: Uint8Array): Promise<DetectedEncoding> {
  const marked = encodingFromBom(head);
  if (marked !== null) return { encoding: marked };
  const unmarked = utf16WithoutBom(head);
  if (unmarked !== null) {
    return {
      encoding: unmarked,
      warning: `decoded as ${unmarked.toUpperCase()} because the bytes look like UTF-16 without a byte-order mark`,
    };
  }
  if (await isUtf8File(path)) return { encoding: 'utf-8' };
  return {
    encoding: 'windows-1252',
    warning: 'decoded as Windows-1252 because the bytes are not valid UTF-8',
  };
}

/**
 * Whether the file's head is UTF-8 as far as it goes (a character cut at its end does not count
 * against it): the whole-file check below can only agree with it, or find a later byte that is not.
 */
export function headIsUtf8(head: Uint8Array): boolean {
  return encodingFromBom(head) === null && utf16WithoutBom(head) === null && isUtf8(head.subarray(0, completeLength(head)));
}

// Validated without decoding (what a fatal TextDecoder accepts, without building the text): a
// character cut at the end of a chunk is carried over to the next.
async function isUtf8File(path: string): Promise<boolean> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let carried: Buffer | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes: Buffer = carried === null ? chunk : Buffer.concat([carried, chunk]);
      const whole = completeLength(bytes);
      if (!isUtf8(bytes.subarray(0, whole))) return false;
      carried = whole === bytes.length ? null : Buffer.from(bytes.subarray(whole));
    }
    return carried === null || isUtf8(carried);
  } finally {
    stream.destroy();
  }
}

/** The length of `bytes` without a multi-byte character begun in its last three bytes and not finished. */
function completeLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? end - back : end;
  }
  return end;
}
