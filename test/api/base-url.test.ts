import { describe, expect, it } from 'vitest';
import { normaliseApiUrl, pathWithoutBase } from '../../src/api/base-url.js';
import { GuidebookImportError } from '../../src/errors.js';

describe('normaliseApiUrl', () => {
  it('adds the Open API path to an origin alone', () => {
    expect(normaliseApiUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/open-api/v1.1/');
    expect(normaliseApiUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/open-api/v1.1/');
  });
  it('ensures the trailing slash and keeps the version given', () => {
    expect(normaliseApiUrl('https://builder.guidebook.com/open-api/v1')).toBe('https://builder.guidebook.com/open-api/v1/');
    expect(normaliseApiUrl('https://builder.guidebook.com/open-api/v1.1/')).toBe('https://builder.guidebook.com/open-api/v1.1/');
    expect(normaliseApiUrl('  http://localhost:9000/open-api/v1.1  ')).toBe('http://localhost:9000/open-api/v1.1/');
  });
  it('rejects what is not an http(s) URL, or one with credentials in it', () => {
    for (const bad of ['builder.guidebook.com', 'ftp://x/', 'http://user:secret@x/']) {
      expect(() => normaliseApiUrl(bad)).toThrow(GuidebookImportError);
    }
    let caught: unknown;
    try {
      normaliseApiUrl('http://user:s3cr3t-key@x/');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GuidebookImportError);
    expect((caught as GuidebookImportError).code).toBe('usage');
    expect((caught as Error).message).not.toContain('s3cr3t-key');
  });
});

describe('pathWithoutBase', () => {
  it('shows the request without the base', () => {
    const base = 'http://127.0.0.1:1/open-api/v1.1/';
    expect(pathWithoutBase(base, `${base}sessions/?guide=1&page=2`)).toBe('/sessions/?guide=1&page=2');
    expect(pathWithoutBase(base, 'http://other/x/y/?a=1')).toBe('/x/y/?a=1');
  });
});
