// Loading and checking an image reference: files relative to the sheet, http(s) downloads from a
// real local server (stalled, too large, wrong kind), and the memory's decision rule.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageMemory, imageUploadNeeded, loadImage } from '../../src/images/index.js';
import { tempDir } from '../support/temp-dir.js';
import { GIF_1X1, JPEG_1X1, NOT_AN_IMAGE, PNG_1X1 } from './image-bytes.js';

let server: Server;
let origin: string;
const dir = tempDir('image-file');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/photo.jpg') res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(JPEG_1X1);
    else if (req.url === '/stall.png')
      res.writeHead(200, { 'Content-Type': 'image/png' }).write(PNG_1X1.subarray(0, 4)); // never ends
    else if (req.url === '/huge.png') res.writeHead(200, { 'Content-Length': String(50 * 1024 * 1024) }).end();
    else if (req.url === '/streamed.png') {
      res.writeHead(200);
      res.write(PNG_1X1);
      res.end(Buffer.alloc(2048));
    } else if (req.url === '/page.png') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(join(dir, 'photos'), { recursive: true });
  writeFileSync(join(dir, 'photos', 'a.png'), PNG_1X1);
  writeFileSync(join(dir, 'anim.gif'), GIF_1X1);
  writeFileSync(join(dir, 'notes.png'), NOT_AN_IMAGE);
  writeFileSync(join(dir, 'big.jpg'), Buffer.concat([JPEG_1X1, Buffer.alloc(4096)]));
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('loadImage', () => {
  it('reads a path relative to the sheet folder, by content, with a hash and an upload name', async () => {
    const load = await loadImage('photos/a.png', { baseDir: dir });
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    expect(load.image).toMatchObject({ contentType: 'image/png', filename: 'a.png', ref: 'photos/a.png' });
    expect(load.image.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(load.image.bytes.equals(PNG_1X1)).toBe(true);
  });

  it('names what is wrong: another format, not an image, too large, missing', async () => {
    expect(await loadImage('anim.gif', { baseDir: dir })).toEqual({
      ok: false,
      message: 'image "anim.gif" is a GIF image; Guidebook takes only PNG or JPEG',
    });
    expect(await loadImage('notes.png', { baseDir: dir })).toEqual({
      ok: false,
      message: 'image "notes.png" is not a PNG or JPEG image (by its content)',
    });
    expect(await loadImage('big.jpg', { baseDir: dir, maxBytes: 1024 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/over the 0\.0 MB limit/),
    });
    expect(await loadImage('photos', { baseDir: dir })).toEqual({ ok: false, message: 'image "photos" is not a file' });
    expect((await loadImage('nope.png', { baseDir: dir })).ok).toBe(false);
  });

  it('downloads an http URL and checks it like a file; a JPEG served under any name is a JPEG', async () => {
    const load = await loadImage(`${origin}/photo.jpg`, { baseDir: dir });
    expect(load).toMatchObject({ ok: true, image: { contentType: 'image/jpeg', filename: 'photo.jpg' } });
    expect(await loadImage(`${origin}/page.png`, { baseDir: dir })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a PNG or JPEG/),
    });
    expect(await loadImage(`${origin}/missing.png`, { baseDir: dir })).toEqual({
      ok: false,
      message: `image "${origin}/missing.png" could not be downloaded (HTTP 404)`,
    });
  });

  it('gives up on a stalled download at the deadline and on a body over the cap', async () => {
    const started = Date.now();
    expect(await loadImage(`${origin}/stall.png`, { baseDir: dir, timeoutMs: 300 })).toEqual({
      ok: false,
      message: `image "${origin}/stall.png" was not downloaded within 0.3 s`,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await loadImage(`${origin}/huge.png`, { baseDir: dir })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/50\.0 MB, over the 10\.0 MB limit/),
    });
    expect(await loadImage(`${origin}/streamed.png`, { baseDir: dir, maxBytes: 1024 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/over the/),
    });
  });
});

describe('image memory', () => {
  it('decides: refresh always; remembered → only when the hash differs; no memory → only when the server has none', () => {
    expect(imageUploadNeeded({ hash: 'a', remembered: 'a', serverHasImage: true, refresh: true })).toBe(true);
    expect(imageUploadNeeded({ hash: 'a', remembered: 'a', serverHasImage: true, refresh: false })).toBe(false);
    expect(imageUploadNeeded({ hash: 'b', remembered: 'a', serverHasImage: true, refresh: false })).toBe(true);
    expect(imageUploadNeeded({ hash: 'a', remembered: undefined, serverHasImage: true, refresh: false })).toBe(false);
    expect(imageUploadNeeded({ hash: 'a', remembered: undefined, serverHasImage: false, refresh: false })).toBe(true);
  });

  it('keeps one file per API and guide in the state folder; v1 and v1.1 of one server share it', () => {
    const state = join(dir, 'state');
    const memory = ImageMemory.load(state, 'https://builder.guidebook.com/open-api/v1.1/', 47);
    memory.remember('sessions', 12, 'image', 'h1');
    memory.save();
    expect(ImageMemory.load(state, 'https://builder.guidebook.com/open-api/v1/', 47).get('sessions', 12, 'image')).toBe('h1');
    expect(ImageMemory.load(state, 'https://builder.guidebook.com/open-api/v1.1/', 48).get('sessions', 12, 'image')).toBeUndefined();
    expect(ImageMemory.load(state, 'http://127.0.0.1:9/open-api/v1.1/', 47).get('sessions', 12, 'image')).toBeUndefined();
  });
});
