import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveApiKey, resolveApiUrl } from '../../src/api/credentials.js';
import type { GuidebookImportError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'gbi-credentials-'));

function rejection(run: () => unknown): GuidebookImportError {
  try {
    run();
  } catch (error) {
    return error as GuidebookImportError;
  }
  throw new Error('expected a rejection');
}

describe('resolveApiKey', () => {
  it('reads the key file, trimmed, before the environment', () => {
    const file = join(dir, 'key.txt');
    writeFileSync(file, '\uFEFF  file-key-123\n');
    expect(resolveApiKey({ apiKeyFile: file, env: { GUIDEBOOK_API_KEY: 'env-key' } })).toBe('file-key-123');
  });
  it('falls back to GUIDEBOOK_API_KEY', () => {
    expect(resolveApiKey({ env: { GUIDEBOOK_API_KEY: ' env-key-456 ' } })).toBe('env-key-456');
  });
  it('says how to give a key when there is none', () => {
    const error = rejection(() => resolveApiKey({ env: { GUIDEBOOK_API_KEY: '  ' } }));
    expect(error.code).toBe('auth');
    expect(error.message).toBe('no API key: set GUIDEBOOK_API_KEY or pass --api-key-file PATH');
  });
  it('names an unreadable or empty key file', () => {
    const missing = rejection(() => resolveApiKey({ apiKeyFile: join(dir, 'nope.txt'), env: {} }));
    expect(missing.code).toBe('auth');
    expect(missing.message).toMatch(/cannot read the API key file ".*nope\.txt" \(ENOENT\)/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n\n');
    expect(rejection(() => resolveApiKey({ apiKeyFile: empty, env: {} })).message).toMatch(/is empty/);
  });
});

describe('resolveApiUrl', () => {
  it('prefers --api-url, then GUIDEBOOK_API_URL, then Guidebook', () => {
    const env = { GUIDEBOOK_API_URL: 'http://127.0.0.1:8787' };
    expect(resolveApiUrl({ apiUrl: 'http://localhost:1/open-api/v1', env })).toBe('http://localhost:1/open-api/v1/');
    expect(resolveApiUrl({ env })).toBe('http://127.0.0.1:8787/open-api/v1.1/');
    expect(resolveApiUrl({ env: {} })).toBe('https://builder.guidebook.com/open-api/v1.1/');
  });
});
