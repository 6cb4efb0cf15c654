import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import type { RawRow } from '../../src/types.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'read');

export const fixture = (name: string): string => join(FIXTURES, name);

const KNOWN_HEADERS = new Set(['title', 'name', 'date', 'start', 'end', 'room', 'track', 'starts at', 'description']);

/** A stand-in for map/'s scorer: how many cells name a known column. */
export function scoreHeader(cells: string[]): number {
  return cells.filter((cell) => KNOWN_HEADERS.has(cell.toLowerCase())).length;
}

export async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const all: RawRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** The 'file' error a read rejects with (the test fails on any other outcome). */
export async function fileErrorOf(promise: Promise<unknown>): Promise<GuidebookImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GuidebookImportError);
  expect((error as GuidebookImportError).code).toBe('file');
  return error as GuidebookImportError;
}
