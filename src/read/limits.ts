export const DEFAULT_MAX_ROWS = 500_000;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** How many rows from the top are looked at for the header (title and instruction rows above it). */
export const HEADER_SCAN_ROWS = 30;

/** What the entries of a zipped workbook may declare, uncompressed, in total. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/** Deflate cannot compress better than about 1032:1; a higher declared ratio is a crafted file. */
export const MAX_DEFLATE_RATIO = 1100;
export const MAX_ZIP_ENTRIES = 10_000;
/**
 * Cells of one XLSX or ODS workbook. SheetJS holds every cell at once (about 300 bytes each), so
 * this bounds the memory of a read near 1.2 GB; a 100k-row agenda of 40 columns still fits.
 */
export const MAX_WORKBOOK_CELLS = 4_000_000;

/** A CSV record longer than this is a runaway quote, not an agenda row. */
export const MAX_CSV_RECORD_BYTES = 8 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  return `${bytes} bytes`;
}
