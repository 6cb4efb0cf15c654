// The HTML report shows text from an untrusted sheet: session names, ids, rooms, tracks,
// descriptions, cell values quoted in messages, column headers in warnings, the file's own name,
// and the old and new values of an update. None of it may become markup. Checked on the HTML
// text itself (opening it in a browser is the HTML report's own test).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runCli } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

const NAMES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(2)>',
  "'><iframe src=javascript:alert(3)></iframe>",
  '</td></tr></table><script>alert(4)</script>',
];
const ROOM = '<img src=x onerror=alert(5)>';
const TRACK = '<script>alert(6)</script>';
const DESCRIPTION = '<script>alert(7)</script><p onclick="alert(8)">Hi</p><a href="javascript:alert(9)">more</a>';
const HEADER = ['Import ID', 'Title', 'Date', 'Start', 'End', 'Room', 'Track', 'Description', '<iframe src=javascript:alert(10)>'];
// Tags a sheet could smuggle in to run or load something (the page's own filter inputs are fine).
const FORBIDDEN_TAGS = new Set([
  'script',
  'img',
  'svg',
  'iframe',
  'object',
  'embed',
  'link',
  'base',
  'form',
  'a',
  'video',
  'audio',
  'math',
]);

function csv(rows: string[][]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `${[HEADER, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
}

function agenda(names: readonly string[], room: string, track: string, description: string): string[][] {
  return names.map((name, i) => [`xss-${i + 1}`, name, '2027-05-10', `${9 + i}:00`, `${9 + i}:45`, room, track, description, 'x']);
}

/** Every tag of the page, as its name and its attributes (name, value). */
function tagsOf(html: string): Array<{ name: string; attributes: Array<[string, string]> }> {
  return [...html.matchAll(/<\s*\/?\s*([a-zA-Z][\w:-]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] as string).toLowerCase(),
    attributes: [...(m[2] as string).matchAll(/([^\s="'/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((a): [string, string] => [
      (a[1] as string).toLowerCase(),
      a[2] ?? a[3] ?? a[4] ?? '',
    ]),
  }));
}

function expectInert(html: string, where: string): void {
  const tags = tagsOf(html);
  expect(tags.length, where).toBeGreaterThan(20);
  expect(
    tags.filter((t) => FORBIDDEN_TAGS.has(t.name)).map((t) => t.name),
    where,
  ).toEqual([]);
  // A quote that escaped its attribute value would show up here as an attribute of its own.
  const handlers = tags.flatMap((t) => t.attributes.filter(([name]) => name.startsWith('on')).map(([name]) => `${t.name} ${name}`));
  expect(handlers, where).toEqual([]);
  const links = tags.flatMap((t) =>
    t.attributes.filter(([name, value]) => ['href', 'src', 'action'].includes(name) && /^\s*javascript:/i.test(value)),
  );
  expect(links, where).toEqual([]);
  // The page also forbids scripts itself.
  const csp = tags.find((t) => t.name === 'meta' && t.attributes.some(([, value]) => /content-security-policy/i.test(value)));
  expect(csp?.attributes.map(([, value]) => value).join(' '), where).toMatch(/default-src 'none'|script-src 'none'/);
}

describe('an HTML report of a sheet full of markup', () => {
  const dir = tempDir('security-html');
  // The file's own name is shown in the report too.
  const sheetDir = join(dir, 'sheets');
  mkdirSync(sheetDir);
  const hostileSheet = join(sheetDir, 'agenda <img src=x onerror=alert(11)>.csv');
  const state = join(dir, 'sandbox-state.json');

  it('escapes names, rooms, tracks, descriptions, quoted values, headers, the file name and update values', async () => {
    // First the benign agenda, so the hostile one below is a set of updates with old and new values.
    const benign = join(sheetDir, 'agenda.csv');
    writeFileSync(benign, csv(agenda(['Talk 1', 'Talk 2', 'Talk 3', 'Talk 4', 'Talk 5'], 'Room A', 'Web', '<p>Plain</p>')));
    const first = await runCli([
      'import',
      benign,
      '--guide',
      '1',
      '--sandbox',
      '--sandbox-state',
      state,
      '--create-missing',
      '--rate',
      '500',
      '--report',
      join(dir, 'first.html'),
    ]);
    expect(first.code, describeRun(first)).toBe(0);

    const rows = agenda(NAMES, ROOM, TRACK, DESCRIPTION);
    rows.push(['xss-bad', '<b>bold</b> row', '2027-05-10', '<svg onload=alert(12)>', '10:00', ROOM, TRACK, '', 'x']);
    writeFileSync(hostileSheet, csv(rows));
    const report = join(dir, 'hostile.html');
    const second = await runCli([
      'import',
      hostileSheet,
      '--guide',
      '1',
      '--sandbox',
      '--sandbox-state',
      state,
      '--create-missing',
      '--rate',
      '500',
      '--report',
      report,
    ]);
    expect(second.code, describeRun(second)).toBe(1);
    const html = readFileSync(report, 'utf8');
    expectInert(html, 'import report');

    // The hostile text is in the page, as text.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(5)&gt;');
    expect(html).toContain('&lt;svg onload=alert(12)&gt;');
    expect(html).toContain('onerror=alert(11)&gt;.csv');
    // The rows really were updates, so old → new values were rendered too.
    expect(html).toMatch(/Talk 1/);
  }, 60_000);

  it('escapes the same sheet in the validate report', async () => {
    const report = join(dir, 'validate.html');
    const result = await runCli(['validate', hostileSheet, '--timezone', 'America/New_York', '--report', report]);
    expect(result.code, describeRun(result)).toBe(1);
    const html = readFileSync(report, 'utf8');
    expectInert(html, 'validate report');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=javascript:alert(10)&gt;');
  }, 60_000);
});
