// --if-source-changed: what the last clean run read from a source into a guide (its ETag,
// Last-Modified and content hash), kept in the per-user state folder, one small file per
// (source, guide, API, settings). A scheduled re-sync compares before it sends any request: an
// unchanged source costs a conditional GET (or a local read) and no API request at all.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuidebookImportError } from '../errors.js';
import { sha256Hex } from '../sha256.js';
import type { FetchedSource } from './types.js';

export interface SourceMemoryKey {
  /** The source as given: a URL, an absolute path, or "-". */
  source: string;
  guide: number;
  apiUrl: string;
  /** A digest of the settings that change what an import of the same bytes does (zone, mapping, prune, ...). */
  settings: string;
}

export interface RememberedSource {
  etag?: string;
  lastModified?: string;
  hash: string;
  /** When the clean run that read it ended (ISO). */
  at: string;
  /** The source as messages name it (never a header or a URL's secret). */
  label: string;
}

export function recallSource(dir: string, key: SourceMemoryKey): RememberedSource | null {
  try {
    const parsed = JSON.parse(readFileSync(memoryPath(dir, key), 'utf8')) as Partial<RememberedSource>;
    return typeof parsed.hash === 'string' && typeof parsed.at === 'string' ? (parsed as RememberedSource) : null;
  } catch {
    // No memory (first run) or an unreadable one: the run goes ahead, and a clean run writes it anew.
    return null;
  }
}

/** After a clean run: the source as it was read. Written whole (temp file, then rename). */
export function rememberSource(
  dir: string,
  key: SourceMemoryKey,
  fetched: Pick<FetchedSource, 'etag' | 'lastModified' | 'hash' | 'label'>,
): void {
  const folder = join(dir, 'sources');
  const path = memoryPath(dir, key);
  const entry: RememberedSource = {
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    hash: fetched.hash,
    at: new Date().toISOString(),
    label: fetched.label,
  };
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    throw new GuidebookImportError(
      'file',
      `cannot record the source for --if-source-changed in ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { cause: error },
    );
  }
}

/** A digest of the settings that change the outcome, so a changed --timezone or mapping is never "unchanged". */
export function settingsDigest(settings: Record<string, unknown>): string {
  return sha256Hex(JSON.stringify(settings, Object.keys(settings).sort()));
}

function memoryPath(dir: string, key: SourceMemoryKey): string {
  const name = sha256Hex(JSON.stringify([key.source, key.guide, key.apiUrl, key.settings])).slice(0, 40);
  return join(dir, 'sources', `${name}.json`);
}
