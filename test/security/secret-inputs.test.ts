// Secrets that arrive malformed, and secrets a server sends back: a key with a second line, a space
// or a control character is refused without a character of it shown; a URL with a password is
// refused without being echoed, valid or not; a mapping, config or key file that does not parse is
// named, never quoted; and a key a hostile server echoes back wrapped, JSON-escaped or URL-encoded
// reaches neither the terminal nor the report.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecret, redactSecrets } from '../../src/redact.js';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun, runCli, type CliResult } from '../support/cli-process.js';
import { killAllSandboxes, startSandboxProcess, type SandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'SECRET-KEY-314159';
const PASSWORD = 'hunter2-PASSWORD';
/** Any 6 characters of a secret in a row count as showing it. */
const pieces = (secret: string) => Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6));
const SECRET_PIECES = [...pieces(KEY), ...pieces(PASSWORD), ...pieces('ghost-key-271828')];

const root = tempDir('security-inputs');
const sheet = writeAgendaCsv(join(root, 'agenda.csv'), agendaRows(3, { prefix: 'sec' }));
let sandbox: SandboxProcess;

beforeAll(async () => {
  sandbox = await startSandboxProcess({ dir: tempDir('security-inputs-sandbox'), apiKey: KEY });
}, 30_000);
afterAll(killAllSandboxes);

function leaks(text: string): string[] {
  return SECRET_PIECES.filter((piece) => text.includes(piece));
}

function filesLeaking(dir: string, skip: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (!skip.includes(path) && leaks(readFileSync(path, 'latin1')).length > 0) found.push(path);
  };
  visit(dir);
  return found;
}

/** Runs the CLI in a folder of its own; checks exit code, message and that nothing leaked. */
async function expectRefused(args: string[], env: Record<string, string>, says: RegExp, inputs: string[] = []): Promise<CliResult> {
  const cwd = tempDir('security-inputs-run');
  const result = await runCli(args, { env, cwd });
  const where = describeRun(result);
  expect(result.code, where).toBe(2);
  expect(result.stderr, where).toMatch(says);
  expect(result.stderr.trim().split('\n'), where).toHaveLength(1);
  expect(leaks(result.stdout + result.stderr), where).toEqual([]);
  expect(filesLeaking(cwd, inputs), where).toEqual([]);
  return result;
}

const importArgs = (extra: string[] = []) => ['import', sheet, '--guide', '1', '--dry-run', '--report', 'r.csv', ...extra];

describe('a malformed key is refused, quoting none of it', () => {
  it('a key file with one trailing line break works; a second line, a space, a tab or a control character does not', async () => {
    const good = join(root, 'good.key');
    writeFileSync(good, `${KEY}\n`);
    const ok = await runCli(importArgs(['--api-key-file', good]), {
      env: { GUIDEBOOK_API_URL: sandbox.apiUrl },
      cwd: tempDir('security-inputs-run'),
    });
    expect(ok.code, describeRun(ok)).toBe(0);

    const files: Array<[string, string, RegExp]> = [
      ['two-lines.key', `${KEY}\nghost-key-271828\n`, /the API key file ".*two-lines\.key" holds more than one line/],
      ['crlf-lines.key', `${KEY}\r\nnote\r\n`, /holds more than one line/],
      ['blank-line.key', `${KEY}\n\n`, /holds more than one line/],
      ['space.key', `SECRET-KEY 314159\n`, /holds a space or tab inside the key/],
      ['tab.key', `SECRET-KEY\t314159`, /holds a space or tab inside the key/],
      ['bell.key', `SECRET-KEY-\u0007314159`, /holds a control character/],
      ['escape.key', `\u001b[0mSECRET-KEY-314159`, /holds a control character/],
      ['accent.key', `SECRET-KEY-314159é`, /not plain ASCII/],
    ];
    for (const [name, content, says] of files) {
      const file = join(root, name);
      writeFileSync(file, content);
      await expectRefused(importArgs(['--api-key-file', file]), { GUIDEBOOK_API_URL: sandbox.apiUrl }, says);
    }
  }, 120_000);

  it('GUIDEBOOK_API_KEY with a line break, a space or a control character inside', async () => {
    const keys: Array<[string, RegExp]> = [
      [`${KEY}\nghost-key-271828`, /GUIDEBOOK_API_KEY holds more than one line/],
      [`SECRET-KEY 314159`, /GUIDEBOOK_API_KEY holds a space or tab inside the key/],
      [`SECRET-KEY-\u0000314159`.replace('\u0000', '\u0001'), /GUIDEBOOK_API_KEY holds a control character/],
    ];
    for (const [key, says] of keys) {
      await expectRefused(importArgs(), { GUIDEBOOK_API_URL: sandbox.apiUrl, GUIDEBOOK_API_KEY: key }, says);
      await expectRefused(
        ['export', '--guide', '1', '--output', 'out.csv'],
        { GUIDEBOOK_API_URL: sandbox.apiUrl, GUIDEBOOK_API_KEY: key },
        says,
      );
    }
  }, 120_000);
});

describe('a URL with a user name and password is never echoed', () => {
  it('from --api-url, GUIDEBOOK_API_URL or the config file, a valid URL or not', async () => {
    const port = new URL(sandbox.apiUrl).port;
    const urls = [
      `http://admin:${PASSWORD}@127.0.0.1:${port}/open-api/v1.1/`,
      `https://admin:${PASSWORD}@builder.guidebook.com/open-api/v1.1/`,
      // Not valid URLs: a space in the password, a port that is not a number.
      `http://admin:${PASSWORD} x@127.0.0.1:${port}/`,
      `https://admin:${PASSWORD}@host:port/`,
      `ftp://admin:${PASSWORD}@host/`,
      // No scheme: would otherwise be read as the scheme "admin:" and quoted back.
      `admin:${PASSWORD}@builder.guidebook.com/open-api/v1.1/`,
    ];
    const env = { GUIDEBOOK_API_KEY: KEY };
    for (const url of urls) {
      await expectRefused(importArgs(['--api-url', url]), env, /holds a user name or password \(the URL is not shown\)/);
      await expectRefused(importArgs(), { ...env, GUIDEBOOK_API_URL: url }, /GUIDEBOOK_API_URL holds a user name or password/);
      const configDir = tempDir('security-inputs-config');
      const config = join(configDir, 'config.json');
      writeFileSync(config, JSON.stringify({ apiUrl: url }));
      await expectRefused(importArgs(['--config', config]), env, /user name or password/, [config]);
    }
  }, 180_000);

  it('redaction hides the password of any URL in a message, valid or not', () => {
    expect(redactSecrets(`GET https://bob:${PASSWORD}@example.com/x failed`)).toBe('GET https://***@example.com/x failed');
    expect(redactSecrets(`bad URL "http://bob:${PASSWORD} x@host/"`)).toBe('bad URL "http://***@host/"');
    // A user name alone is no secret; an address after a URL is not a password.
    expect(redactSecrets('ftp://anonymous@host/ and mail ada@example.com')).toBe('ftp://anonymous@host/ and mail ada@example.com');
  });
});

describe('a file that does not parse is named, never quoted', () => {
  it('mapping and config files holding a pasted key', async () => {
    const dir = tempDir('security-inputs-files');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, `{"columns": {"Title": "name"}, "token": ${KEY}}`);
    const config = join(dir, 'config.json');
    writeFileSync(config, `{\n  "guide": 1,\n  "apiKey": ${KEY}\n}`);
    const truncated = join(dir, 'cut.json');
    writeFileSync(truncated, `{"columns": {"${KEY}": "name"`);
    // Without GUIDEBOOK_API_KEY: nothing is registered to redact, so only not quoting keeps it out.
    const env = { GUIDEBOOK_API_URL: sandbox.apiUrl };
    const inputs = [mapping, config, truncated];
    await expectRefused(
      ['validate', sheet, '--mapping', mapping, '--report', 'v.csv'],
      {},
      /mapping\.json: not valid JSON \(a syntax error/,
      inputs,
    );
    await expectRefused(
      ['validate', sheet, '--mapping', truncated, '--report', 'v.csv'],
      {},
      /cut\.json: not valid JSON \(the file ends before the JSON does\)/,
      inputs,
    );
    await expectRefused(importArgs(['--config', config]), env, /config\.json: not valid JSON \(a syntax error/, inputs);
    await expectRefused(['validate', sheet, '--config', config], {}, /config\.json: not valid JSON/, inputs);
  }, 120_000);
});

describe('a key the server sends back does not leak, however it was reformatted', () => {
  let echo: Server;
  let echoUrl = '';
  beforeAll(async () => {
    // A hostile server: the guide answers, then every write is refused with a message that quotes
    // the Authorization header wrapped over two lines, JSON-escaped, URL-encoded and HTML-escaped.
    echo = createServer((request, response) => {
      const key = String(request.headers.authorization ?? '').replace(/^JWT /, '');
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const path = request.url ?? '';
      if (request.method === 'GET' && path.startsWith('/open-api/v1.1/guides/1/')) {
        return send(200, {
          id: 1,
          name: 'Echo',
          timezone: 'America/New_York',
          start_date: '2027-05-10T00:00:00.000000+0000',
          end_date: '2027-05-12T00:00:00.000000+0000',
        });
      }
      if (request.method === 'GET') return send(200, { count: 0, next: null, previous: null, results: [] });
      const half = Math.floor(key.length / 2);
      send(400, {
        name: [`key ${key.slice(0, half)}\n        ${key.slice(half)} is not allowed for this field`],
        description_html: [`escaped ${JSON.stringify(key).replace(/-/g, '\\u002d')} and ${encodeURIComponent(key).replace(/-/g, '%2D')}`],
        import_id: [`html ${key.replace(/-/g, '&#45;')} and wrapped ${key.slice(0, 5)}\\n${key.slice(5)}`],
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoUrl = `http://127.0.0.1:${(echo.address() as { port: number }).port}/open-api/v1.1/`;
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  it('neither on stderr nor in a CSV, JSON or HTML report', async () => {
    for (const report of ['r.csv', 'r.json', 'r.html']) {
      const cwd = tempDir('security-inputs-echo');
      const result = await runCli(['import', sheet, '--guide', '1', '--report', report, '--retries', '0', '--json'], {
        env: { GUIDEBOOK_API_URL: echoUrl, GUIDEBOOK_API_KEY: KEY },
        cwd,
      });
      const where = describeRun(result);
      expect(result.code, where).toBe(1);
      expect(result.stderr, where).toMatch(/is not allowed for this field/);
      expect(leaks(result.stdout + result.stderr), where).toEqual([]);
      expect(filesLeaking(cwd, []), where).toEqual([]);
    }
  }, 120_000);

  it('redactSecrets finds the key wrapped, escaped and encoded', () => {
    registerSecret(KEY);
    const forms = [
      KEY,
      `SECRET-KEY-\n   314159`,
      JSON.stringify({ m: `a\n${KEY}` }),
      'SECRET\\u002dKEY-314159',
      encodeURIComponent(KEY).replace(/-/g, '%2d'),
      'SECRET&#45;KEY&#x2D;314159',
      'SECRET-KEY-\\n314159',
    ];
    for (const form of forms) expect(leaks(redactSecrets(form)), form).toEqual([]);
    expect(redactSecrets(`before ${KEY} after`)).toBe('before *** after');
  });

  it('hides a key cut short before an ellipsis, and only then', () => {
    registerSecret('interrupt-key-2718');
    expect(redactSecrets('key interrupt-ke… rejected')).toBe('key *** rejected');
    expect(redactSecrets('key interrupt-k... rejected')).toBe('key *** rejected');
    // The key's first characters followed by any three others are no ellipsis.
    expect(redactSecrets('interrupted: no new request was started')).toBe('interrupted: no new request was started');
  });
});
