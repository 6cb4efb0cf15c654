// A zip archive written by hand, so tests can build workbooks SheetJS would refuse to write (a
// sheet named "__proto__"), entries whose content is streamed in compressed (a zip bomb) and
// headers that lie about sizes.
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Compressed with deflate. */
  content: string | Buffer;
}

/** An entry already compressed (deflate), with the sizes and CRC its headers should declare. */
export interface DeflatedPart {
  name: string;
  deflated: Buffer;
  /** The uncompressed size the headers declare (a test may make them lie). */
  size: number;
  /** 0 when unknown: readers that refuse the entry never get as far as checking it. */
  crc: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function deflatePart(part: ZipPart): DeflatedPart {
  const raw = Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8');
  return { name: part.name, deflated: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/**
 * Deflates head + unit × times + tail without ever holding the whole text: a gigabyte of
 * identical rows compresses to a few megabytes.
 */
export async function deflateRepeated(name: string, head: string, unit: string, times: number, tail: string): Promise<DeflatedPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  // Write units in blocks of about 1 MiB: fewer, larger writes.
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / unit.length))));
  const perBlock = block.length / Buffer.byteLength(unit);
  deflate.write(head);
  let left = times;
  while (left > 0) {
    const piece = left >= perBlock ? block : Buffer.from(unit.repeat(left));
    left -= Math.min(left, perBlock);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(tail);
  await ended;
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail);
  return { name, deflated: Buffer.concat(chunks), size, crc: 0 };
}

/** One entry of a hand-made zip: the bytes stored and what its two headers claim. */
export interface CraftedEntry {
  name: string;
  stored: Buffer;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The uncompressed size the central directory declares. */
  declaredSize: number;
  /** The uncompressed size the local header declares (default: declaredSize). */
  localSize?: number;
  /** General-purpose flags (default 0). */
  flags?: number;
  /** Default 0. */
  crc?: number;
}

/** Writes a zip byte by byte, so tests can make files whose headers lie: local headers and data, then the central directory. */
export function craftZip(entries: readonly CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.localSize ?? entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const localPart = Buffer.concat([local, name, entry.stored]);
    locals.push(localPart);
    centrals.push(Buffer.concat([central, name]));
    offset += localPart.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The archive of these parts, each deflated, names flagged UTF-8, headers telling the truth unless a DeflatedPart lies. */
export function zipArchive(parts: ReadonlyArray<ZipPart | DeflatedPart>): Buffer {
  return craftZip(
    parts.map((given) => {
      const part = 'deflated' in given ? given : deflatePart(given);
      return { name: part.name, stored: part.deflated, method: 8, flags: 0x0800, crc: part.crc, declaredSize: part.size };
    }),
  );
}
