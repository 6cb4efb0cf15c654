import { MAX_DEFLATE_RATIO, MAX_UNZIPPED_BYTES, formatBytes } from './limits.js';
import type { ZipEntry } from './zip-directory.js';

const STORED = 0;
const DEFLATED = 8;

/**
 * Why a zipped workbook must not be handed to SheetJS, or null when it is safe. SheetJS
 * allocates each entry's buffer from the size its local header declares, and grows it without
 * bound when that size is 0, so both the declared sizes and those zero-size entries are checked.
 */
export function zipBombReason(zip: Buffer, entries: readonly ZipEntry[]): string | null {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > MAX_UNZIPPED_BYTES) {
      return `it would unpack to more than ${formatBytes(MAX_UNZIPPED_BYTES)} (refused as a possible zip bomb)`;
    }
    const reason = entryReason(zip, entry);
    if (reason !== null) return `${reason} (refused as a possible zip bomb)`;
  }
  return null;
}

function entryReason(zip: Buffer, entry: ZipEntry): string | null {
  const { name, method, compressedSize, uncompressedSize, localUncompressedSize } = entry;
  if (method === STORED && compressedSize !== uncompressedSize) {
    return `its entry "${name}" declares ${uncompressedSize} bytes stored in ${compressedSize}`;
  }
  if (method === DEFLATED && uncompressedSize > compressedSize * MAX_DEFLATE_RATIO + 1024) {
    return `its entry "${name}" declares ${formatBytes(uncompressedSize)} from ${formatBytes(compressedSize)}, a ratio deflate cannot reach`;
  }
  if (entry.dataOffset + compressedSize > zip.length) {
    return `its entry "${name}" runs past the end of the file`;
  }
  if (localUncompressedSize === uncompressedSize) return null;
  if (localUncompressedSize !== 0) {
    return `the headers of its entry "${name}" disagree about its size (${localUncompressedSize} and ${uncompressedSize} bytes)`;
  }
  if (method === DEFLATED && !inflatesWithin(zip.subarray(entry.dataOffset, entry.dataOffset + compressedSize), uncompressedSize)) {
    return `its entry "${name}" unpacks to more than the ${uncompressedSize} bytes it declares`;
  }
  return null;
}

/** The entry's stream must end inside its compressed bytes and stay within its declared size. */
function inflatesWithin(compressed: Buffer, declared: number): boolean {
  try {
    // node:zlib is asked for here, not imported: only a workbook needs it (~4 ms of a CSV run's start-up).
    return process.getBuiltinModule('node:zlib').inflateRawSync(compressed, { maxOutputLength: Math.max(declared, 1) }).length <= declared;
  } catch {
    return false;
  }
}
