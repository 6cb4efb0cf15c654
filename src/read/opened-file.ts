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
  maxRows: number;
}
