// The --if-source-changed check, before any API request: the source fetched conditionally (a URL
// with the remembered ETag/Last-Modified) or read (a file, standard input), and its content hash
// compared with what the last clean run read. The bytes fetched here are the ones the run imports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256Hex } from '../sha256.js';
import { loadSource, NotModified } from './open-source.js';
import { recallSource, rememberSource, type RememberedSource, type SourceMemoryKey } from './source-memory.js';
import { feedExtension } from './source-format.js';
import { sourceLocation } from './source-location.js';
import type { FetchedSource, SourceOptions } from './types.js';

export type SourceCheck =
  | { unchanged: true; remembered: RememberedSource; why: string }
  | {
      unchanged: false;
      /** The bytes to import (undefined for a local spreadsheet, which the sheet reader opens itself). */
      fetched: FetchedSource | undefined;
      /** Records the source as read; call after a clean run. */
      remember(): void;
    };

export interface SourceCheckOptions {
  source: SourceOptions;
  stateDir: string;
  guide: number;
  apiUrl: string;
  /** The run's settings that change its outcome (see settingsDigest). */
  settings: string;
}

export async function checkSource(file: string, options: SourceCheckOptions): Promise<SourceCheck> {
  const location = sourceLocation(file);
  const key: SourceMemoryKey = {
    source: location.kind === 'file' ? resolve(location.path) : file,
    guide: options.guide,
    apiUrl: options.apiUrl,
    settings: options.settings,
  };
  const remembered = recallSource(options.stateDir, key);
  let fetched: FetchedSource;
  try {
    const conditional =
      location.kind === 'url' && remembered ? { etag: remembered.etag, lastModified: remembered.lastModified } : undefined;
    fetched = await loadSource(location, options.source, conditional);
  } catch (error) {
    if (error instanceof NotModified && remembered) {
      return {
        unchanged: true,
        remembered,
        why: remembered.etag ? 'the server answered 304 to its ETag' : 'the server answered 304 Not Modified',
      };
    }
    throw error;
  }
  if (remembered && remembered.hash === fetched.hash) return { unchanged: true, remembered, why: 'same content' };
  const localSheet = location.kind === 'file' && !options.source.format && !feedExtension(file);
  return {
    unchanged: false,
    fetched: localSheet ? undefined : fetched,
    remember: () => rememberSource(options.stateDir, key, fetched),
  };
}

/** The mapping file's content counts as a setting: an edited mapping is a changed run. */
export function mappingDigest(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return sha256Hex(readFileSync(path));
  } catch {
    return null;
  }
}
