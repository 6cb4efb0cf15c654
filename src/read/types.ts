import type { RawRow, SheetHeader } from '../types.js';
import type { HeaderField } from './sheet-layout.js';

export type SheetFormat = 'csv' | 'tsv' | 'xlsx' | 'xls' | 'ods';

/** How a sheet lays out its sessions (read/sheet-layout.ts). */
export type SheetLayoutKind = 'table' | 'grid' | 'headerless';

export interface OpenSheetOptions {
  /**
   * A sheet name, a 1-based index, or 'all' (every agenda sheet). Default: every sheet with an
   * agenda header (a title and a start column) or a time grid, else the first with a header.
   */
  sheet?: string | number;
  /** How many cells of a candidate header row are known headers (the map stage provides it). */
  scoreHeader: (cells: string[]) => number;
  /**
   * Which field a header names (the map stage provides it): tells a time grid's room headers from
   * a table's, and an agenda sheet (title and start columns) from a Speakers or notes sheet.
   */
  headerField?: HeaderField;
  /** Data rows allowed before the read stops with a 'file' error. Default 500 000. */
  maxRows?: number;
  /** File size allowed. Default 256 MiB. */
  maxBytes?: number;
}

export interface SheetSource {
  format: SheetFormat;
  /** The sheet name; for CSV/TSV the file's base name (e.g. "agenda.csv"). */
  sheet: string;
  header: SheetHeader;
  /** A grid or headerless sheet comes with a header of the importer's own column names. Absent: a table. */
  layout?: SheetLayoutKind;
  /** A workbook's further agenda sheets (one per day, say), each read the same way, in workbook order. */
  more?: SheetSource[];
  /** Data rows after the header; fully empty rows and hidden rows are skipped. Iterate once. */
  rows: AsyncIterable<RawRow>;
  /**
   * CSV/TSV: the same rows a batch at a time (one await per batch); the same single iteration as
   * `rows`, so iterate one or the other.
   */
  rowBatches?: AsyncIterable<RawRow[]>;
  /** CSV: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'. */
  encoding?: string;
  /** CSV: the sniffed delimiter. */
  delimiter?: string;
  /** Workbooks: true when the workbook counts dates from 1904. */
  date1904?: boolean;
  warnings: string[];
}

/** What openSheet knows about a file once it passed the size check. */
export interface OpenedFile {
  path: string;
  /** How messages name the file: the path as the user gave it. */
  label: string;
  /** The base name, e.g. "agenda.csv": a CSV file's sheet name. */
  baseName: string;
  size: number;
  /** The first bytes (up to 64 KiB), for telling formats, encodings and delimiters apart. */
  head: Buffer;
}

/** The limits and callbacks every reader gets, with defaults applied. */
export interface ReadSettings {
  sheet: string | number | undefined;
  scoreHeader: (cells: string[]) => number;
  headerField: HeaderField | undefined;
  maxRows: number;
}
