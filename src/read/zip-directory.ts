// Reads a zip's central directory and local headers without unpacking anything, so a workbook's
// declared sizes can be judged before SheetJS allocates buffers from them.

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The uncompressed size the entry's local header declares (0 when a data descriptor follows). */
  localUncompressedSize: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_COMMENT = 0xffff;

export function readZipDirectory(zip: Buffer, maxEntries: number): ZipEntry[] {
  const { entryCount, directoryOffset } = findDirectory(zip);
  if (entryCount > maxEntries) throw new ZipFormatError(`it holds ${entryCount} zip entries (at most ${maxEntries} expected)`);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    need(zip, at, 46);
    if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('its zip directory is damaged');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    let compressedSize = zip.readUInt32LE(at + 20);
    let uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    let localOffset = zip.readUInt32LE(at + 42);
    need(zip, at + 46, nameLength + extraLength);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const zip64 = readZip64Extra(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
      uncompressedSize,
      compressedSize,
      localOffset,
    });
    uncompressedSize = zip64.uncompressedSize;
    compressedSize = zip64.compressedSize;
    localOffset = zip64.localOffset;
    entries.push({ name, method, flags, compressedSize, uncompressedSize, ...readLocalHeader(zip, localOffset) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findDirectory(zip: Buffer): { entryCount: number; directoryOffset: number } {
  const lowest = Math.max(0, zip.length - 22 - MAX_COMMENT);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    const entryCount = zip.readUInt16LE(at + 10);
    const directoryOffset = zip.readUInt32LE(at + 16);
    if (entryCount !== 0xffff && directoryOffset !== 0xffffffff) return { entryCount, directoryOffset };
    return findZip64Directory(zip, at);
  }
  throw new ZipFormatError('it is not a complete zip archive (no end of central directory)');
}

function findZip64Directory(zip: Buffer, eocdAt: number): { entryCount: number; directoryOffset: number } {
  const locatorAt = eocdAt - 20;
  if (locatorAt < 0 || zip.readUInt32LE(locatorAt) !== ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipFormatError('its zip64 directory is missing');
  }
  const recordAt = toSafeNumber(zip.readBigUInt64LE(locatorAt + 8));
  need(zip, recordAt, 56);
  if (zip.readUInt32LE(recordAt) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('its zip64 directory is damaged');
  return {
    entryCount: toSafeNumber(zip.readBigUInt64LE(recordAt + 32)),
    directoryOffset: toSafeNumber(zip.readBigUInt64LE(recordAt + 48)),
  };
}

interface Sizes {
  uncompressedSize: number;
  compressedSize: number;
  localOffset: number;
}

/** Zip64 moves each 0xFFFFFFFF field into the 0x0001 extra record, in this fixed order. */
function readZip64Extra(extra: Buffer, sizes: Sizes): Sizes {
  const result = { ...sizes };
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      const end = Math.min(at + 4 + size, extra.length);
      const next = (): number => {
        if (field + 8 > end) throw new ZipFormatError('its zip64 sizes are damaged');
        const value = toSafeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (sizes.uncompressedSize === 0xffffffff) result.uncompressedSize = next();
      if (sizes.compressedSize === 0xffffffff) result.compressedSize = next();
      if (sizes.localOffset === 0xffffffff) result.localOffset = next();
    }
    at += 4 + size;
  }
  return result;
}

function readLocalHeader(zip: Buffer, at: number): { localUncompressedSize: number; dataOffset: number } {
  need(zip, at, 30);
  if (zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipFormatError('a zip entry header is damaged');
  const nameLength = zip.readUInt16LE(at + 26);
  const extraLength = zip.readUInt16LE(at + 28);
  return { localUncompressedSize: zip.readUInt32LE(at + 22), dataOffset: at + 30 + nameLength + extraLength };
}

function need(zip: Buffer, at: number, length: number): void {
  if (at < 0 || at + length > zip.length) throw new ZipFormatError('its zip directory points outside the file');
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  return Number(value);
}
