// Fetching URL sources against a real local HTTP server: validators and 304, redirects (followed
// for http, refused for other schemes, Google's sign-in page recognised), deadlines, the size cap,
// the user's headers (sent to the source, never to another origin, never in a message).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource } from '../../src/sources/fetch-source.js';
import { loadSource } from '../../src/sources/open-source.js';
import { googleSheetsExport, redactUrl, sourceLocation, sourceSecrets } from '../../src/sources/source-location.js';
import { decideFormat } from '../../src/sources/source-format.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
let other: FeedServer;
const CSV = 'Title,Date,Start\nKeynote,2027-03-12,09:00\n';

beforeAll(async () => {
  server = await startFeedServer();
  other = await startFeedServer();
  server.set('/agenda.csv', { body: CSV, type: 'text/csv; charset=utf-8', etag: '"v1"', lastModified: 'Fri, 05 Mar 2027 10:00:00 GMT' });
  server.set('/moved', { location: '/agenda.csv', status: 301 });
  server.set('/to-ftp', { location: 'ftp://files.example.org/agenda.csv', status: 302 });
  server.set('/to-file', { location: 'file:///etc/passwd', status: 302 });
  server.set('/to-google-login', { location: 'https://accounts.google.com/ServiceLogin?continue=https://docs.google.com/x', status: 302 });
  server.set('/to-other', { location: other.url('/echo'), status: 302 });
  other.set('/echo', { body: CSV, type: 'text/csv' });
  server.set('/loop', { location: '/loop', status: 302 });
  server.set('/slow', { body: CSV, type: 'text/csv', delayMs: 2_000 });
  server.set('/big-declared', { body: 'x'.repeat(5000), type: 'text/csv' });
  server.set('/endless', { type: 'text/csv', endlessBytes: 8 * 1024 * 1024 });
  server.set('/private', { body: CSV, type: 'text/csv' });
  server.set('/empty', { body: '', type: 'text/csv' });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const label = 'the source';

describe('fetchSource', () => {
  it('fetches the bytes with their validators, content type and file name', async () => {
    const result = await fetchSource(server.url('/agenda.csv'), { label });
    expect(result.kind).toBe('fetched');
    if (result.kind !== 'fetched') return;
    expect(result.source.bytes.toString()).toBe(CSV);
    expect(result.source.contentType).toBe('text/csv');
    expect(result.source.etag).toBe('"v1"');
    expect(result.source.lastModified).toBe('Fri, 05 Mar 2027 10:00:00 GMT');
    expect(result.source.fileName).toBe('agenda.csv');
    expect(result.source.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('asks conditionally and takes a 304 as "not modified"', async () => {
    const before = server.requests.length;
    const result = await fetchSource(server.url('/agenda.csv'), { label, conditional: { etag: '"v1"' } });
    expect(result.kind).toBe('not_modified');
    expect(server.requests.slice(before)[0]!.headers['if-none-match']).toBe('"v1"');
    const changed = await fetchSource(server.url('/agenda.csv'), { label, conditional: { etag: '"v0"' } });
    expect(changed.kind).toBe('fetched');
    server.set('/dated.csv', { body: CSV, type: 'text/csv', lastModified: 'Fri, 05 Mar 2027 10:00:00 GMT' });
    const dated = await fetchSource(server.url('/dated.csv'), { label, conditional: { lastModified: 'Fri, 05 Mar 2027 10:00:00 GMT' } });
    expect(dated.kind).toBe('not_modified');
    expect(server.requests.at(-1)!.headers['if-modified-since']).toBe('Fri, 05 Mar 2027 10:00:00 GMT');
  });

  it('follows an http redirect and notes where it ended', async () => {
    const result = await fetchSource(server.url('/moved'), { label });
    expect(result.kind === 'fetched' && result.source.bytes.toString()).toBe(CSV);
    expect(result.kind === 'fetched' && result.source.notes.join()).toMatch(/redirected to http:\/\/127\.0\.0\.1:\d+\/agenda\.csv/);
  });

  it.each([
    ['/to-ftp', /redirected to a ftp URL, which is not followed \(only http and https are\)/],
    ['/to-file', /redirected to a file URL, which is not followed/],
    ['/loop', /redirected more than 5 times/],
    ['/to-google-login', /Google asks to sign in, so the sheet is not shared by link.*Anyone with the link.*Publish to the web/],
    ['/nope', /answered HTTP 404 Not Found \(check the URL\)/],
    ['/empty', /answered an empty body/],
  ])('%s: one clear line', async (path, message) => {
    await expect(fetchSource(server.url(path), { label })).rejects.toThrow(message);
  });

  it('gives up on a slow answer at its deadline', async () => {
    const started = Date.now();
    await expect(fetchSource(server.url('/slow'), { label, timeoutMs: 300 })).rejects.toThrow(/^the source: no answer within 0\.3 s$/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses an answer over the size cap, declared or streamed', async () => {
    await expect(fetchSource(server.url('/big-declared'), { label, maxBytes: 1000 })).rejects.toThrow(
      /is 5000 bytes, more than the 1000 bytes a source may be/,
    );
    await expect(fetchSource(server.url('/endless'), { label, maxBytes: 256 * 1024 })).rejects.toThrow(
      /is more than the 262144 bytes a source may be; not read further/,
    );
  });

  it("sends --source-header values to the source's origin only, and never shows them", async () => {
    const secret = 'Bearer feed-token-9f8e7d';
    const before = server.requests.length;
    await fetchSource(server.url('/private'), { label, headers: [['Authorization', secret]] });
    expect(server.requests.slice(before)[0]!.headers.authorization).toBe(secret);
    const otherBefore = other.requests.length;
    await fetchSource(server.url('/to-other'), { label, headers: [['Authorization', secret]] });
    expect(other.requests.slice(otherBefore)[0]!.headers.authorization).toBeUndefined();
    const failure = await fetchSource(server.url('/nope'), { label, headers: [['Authorization', secret]] }).catch((error: Error) => error);
    expect(String((failure as Error).message)).not.toContain('feed-token');
  });
});

describe('webcal links', () => {
  it('are fetched over https, and over plain http when https does not connect', async () => {
    const webcal = server.url('/agenda.csv').replace('http://', 'webcal://');
    const fetched = await loadSource(sourceLocation(webcal), {});
    expect(fetched.bytes.toString()).toBe(CSV);
    expect(fetched.notes.join()).toMatch(
      /webcal link fetched over plain http \(http:\/\/127\.0\.0\.1:\d+\/agenda\.csv\): https did not connect/,
    );
  });
});

describe('where a source argument points', () => {
  it('turns Google Sheets share/edit links into export URLs, whole workbook or one tab', () => {
    expect(googleSheetsExport('https://docs.google.com/spreadsheets/d/1AbC_dEf-123/edit?usp=sharing')?.url).toBe(
      'https://docs.google.com/spreadsheets/d/1AbC_dEf-123/export?format=xlsx',
    );
    expect(googleSheetsExport('https://docs.google.com/spreadsheets/d/1AbC_dEf-123/edit#gid=987654')?.url).toBe(
      'https://docs.google.com/spreadsheets/d/1AbC_dEf-123/export?format=csv&gid=987654',
    );
    expect(googleSheetsExport('https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml')?.url).toBe(
      'https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pub?output=xlsx',
    );
    expect(googleSheetsExport('https://docs.google.com/spreadsheets/d/1AbC/export?format=csv')).toBeUndefined();
    expect(googleSheetsExport('https://example.org/agenda.csv')).toBeUndefined();
    const location = sourceLocation('https://docs.google.com/spreadsheets/d/1AbC/edit#gid=5');
    expect(location.kind === 'url' && location.notes[0]).toMatch(/fetched tab gid=5 as CSV/);
  });

  it('reads webcal:// over https, "-" as standard input, anything else as a file', () => {
    expect(sourceLocation('webcal://example.org/cal.ics')).toMatchObject({ kind: 'url', url: 'https://example.org/cal.ics' });
    expect(sourceLocation('-')).toEqual({ kind: 'stdin' });
    expect(sourceLocation('agenda.xlsx')).toEqual({ kind: 'file', path: 'agenda.xlsx' });
  });

  it("hides a URL's credentials in messages and lists them as secrets", () => {
    const url = 'https://user:pa55word@example.org/cal.ics?token=abc123xyz&lang=en';
    expect(redactUrl(url)).toBe('https://example.org/cal.ics?token=%E2%80%A6&lang=en');
    expect(sourceSecrets(url).sort()).toEqual(['abc123xyz', 'pa55word']);
  });

  it('decides the format by --format, content type, extension, then content', () => {
    const csv = Buffer.from('a,b\n1,2\n');
    const ics = Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(decideFormat({ format: 'tsv', contentType: 'text/csv', fileName: 'x.csv', bytes: csv })).toEqual({
      format: 'tsv',
      by: 'option',
    });
    expect(decideFormat({ contentType: 'text/calendar', fileName: 'x.csv', bytes: csv })).toEqual({ format: 'ics', by: 'content type' });
    expect(decideFormat({ contentType: 'application/octet-stream', fileName: 'x.ods', bytes: csv })).toEqual({
      format: 'ods',
      by: 'extension',
    });
    expect(decideFormat({ contentType: 'text/plain', fileName: 'feed', bytes: ics })).toEqual({ format: 'ics', by: 'content' });
    expect(decideFormat({ contentType: '', fileName: '', bytes: Buffer.from('{"sessions":[]}') })).toEqual({
      format: 'json',
      by: 'content',
    });
    expect(decideFormat({ contentType: '', fileName: '', bytes: Buffer.from('<!DOCTYPE html><html>') })).toEqual({ html: true });
  });
});
