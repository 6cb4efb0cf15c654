// The shape of an API key, checked without a process: what a key file or GUIDEBOOK_API_KEY may
// hold around the key, what it may not hold inside it, and that no message quotes any of it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasUserInfo, resolveApiKey, resolveApiUrl } from '../../src/api/credentials.js';
import { GuidebookImportError } from '../../src/errors.js';
import { jsonSyntaxReason } from '../../src/options/json-syntax-error.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'Key-abc.DEF_123~!';

function refusal(run: () => unknown): GuidebookImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof GuidebookImportError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('an API key is one token of printable ASCII', () => {
  it('accepts one trailing line break (LF or CRLF), a BOM and spaces around it', () => {
    const dir = tempDir('key-shape');
    for (const content of [`${KEY}\n`, `${KEY}\r\n`, `\uFEFF${KEY}`, `  ${KEY}\t\n`]) {
      const file = join(dir, 'key');
      writeFileSync(file, content);
      expect(resolveApiKey({ apiKeyFile: file, env: {} }), JSON.stringify(content)).toBe(KEY);
    }
    expect(resolveApiKey({ env: { GUIDEBOOK_API_KEY: `${KEY}\n` } })).toBe(KEY);
  });

  it('refuses a second line, inner whitespace, control and non-ASCII characters, quoting none of it', () => {
    const cases: Array<[string, RegExp]> = [
      [`${KEY}\nsecond`, /holds more than one line/],
      [`${KEY}\n\n`, /holds more than one line/],
      [`${KEY}\rold-mac-line`, /holds more than one line/],
      [`${KEY}\u2028x`, /holds more than one line/],
      ['Key abc', /holds a space or tab inside the key/],
      ['Key\u00a0abc', /holds a space or tab inside the key/],
      ['Key\u200babc', /holds a space or tab inside the key/],
      ['Key\u0000abc', /holds a control character/],
      ['Key\u007fabc', /holds a control character/],
      ['Kéyabc', /not plain ASCII/],
    ];
    const dir = tempDir('key-shape');
    for (const [key, says] of cases) {
      const file = join(dir, 'key');
      writeFileSync(file, key);
      for (const error of [
        refusal(() => resolveApiKey({ apiKeyFile: file, env: {} })),
        refusal(() => resolveApiKey({ env: { GUIDEBOOK_API_KEY: key } })),
      ]) {
        expect(error.code).toBe('auth');
        expect(error.message, JSON.stringify(key)).toMatch(says);
        expect(error.message).not.toContain('abc');
        expect(error.message).not.toContain('second');
      }
    }
  });
});

describe('an API URL with credentials', () => {
  it('is recognised with or without a scheme, valid or not', () => {
    expect(hasUserInfo('https://u:p@host/open-api/v1.1/')).toBe(true);
    expect(hasUserInfo('http://u:p w@host:port/')).toBe(true);
    expect(hasUserInfo('u:p@host/open-api/')).toBe(true);
    expect(hasUserInfo('https://host/open-api/v1.1/?a=b@c')).toBe(false);
    expect(hasUserInfo('http://127.0.0.1:8787')).toBe(false);
  });

  it('is refused naming its source, never echoing it', () => {
    const flag = refusal(() => resolveApiUrl({ apiUrl: 'https://bob:s3cr3t-pw@h.example/', env: {} }));
    expect(flag.message).toMatch(/^the API URL \(--api-url or the config file\) holds a user name or password \(the URL is not shown\)/);
    const env = refusal(() => resolveApiUrl({ env: { GUIDEBOOK_API_URL: 'bob:s3cr3t-pw@h.example' } }));
    expect(env.message).toMatch(/^GUIDEBOOK_API_URL holds a user name or password/);
    for (const error of [flag, env]) expect(error.message).not.toMatch(/bob|s3cr3t/);
  });
});

describe('jsonSyntaxReason', () => {
  const reason = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return jsonSyntaxReason(text, error);
    }
    throw new Error('parsed');
  };
  it('says where, or that the file is empty or cut short, never what', () => {
    expect(reason('')).toBe('the file is empty');
    expect(reason('{"a": [1, 2')).toBe('the file ends before the JSON does');
    expect(reason('{\n  "a": 1,\n  "b": 2,\n}')).toBe('a syntax error at line 4, column 1');
    const quoted = reason('{"token": sk-live-123456}');
    expect(quoted).not.toContain('sk-live');
    expect(quoted).toMatch(/^a syntax error/);
  });
});
