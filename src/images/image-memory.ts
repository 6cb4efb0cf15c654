// What this machine uploaded: the content hash of the image last sent per (API, guide, object,
// field), kept in the per-user state folder, so an unchanged image is never sent again. One file
// per API and guide: runs into one guide are serialised by the run lock, so nothing else writes it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../sha256.js';

/** The object an image belongs to, as the API names its collection. */
export type ImageOwner = 'sessions' | 'custom-list-items';
export type ImageField = 'image' | 'thumbnail';

interface MemoryFile {
  api: string;
  guide: number;
  /** `<collection>/<id>/<field>` → SHA-256 of the bytes uploaded. */
  images: Record<string, string>;
}

export class ImageMemory {
  private changed = false;

  private constructor(
    private readonly path: string | null,
    private readonly file: MemoryFile,
  ) {}

  /** The memory of one API and guide under `stateDir`; empty when there is none yet (or it is unreadable). */
  static load(stateDir: string, apiUrl: string, guide: number): ImageMemory {
    const api = apiScope(apiUrl);
    const name = `${sha256Hex(api).slice(0, 16)}-guide-${guide}.json`;
    const path = join(stateDir, 'images', name);
    let images: Record<string, string> = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<MemoryFile>;
      if (parsed.api === api && parsed.guide === guide && parsed.images && typeof parsed.images === 'object') images = parsed.images;
    } catch {
      // No memory yet, or a file cut short: the run then decides as a fresh machine does.
    }
    return new ImageMemory(path, { api, guide, images });
  }

  /** A memory that forgets everything when the run ends (a dry run, a library call without a state folder). */
  static inMemory(): ImageMemory {
    return new ImageMemory(null, { api: '', guide: 0, images: {} });
  }

  get(owner: ImageOwner, id: number, field: ImageField): string | undefined {
    return this.file.images[`${owner}/${id}/${field}`];
  }

  remember(owner: ImageOwner, id: number, field: ImageField, hash: string): void {
    const key = `${owner}/${id}/${field}`;
    if (this.file.images[key] === hash) return;
    this.file.images[key] = hash;
    this.changed = true;
  }

  /** Writes the memory when it changed (temp file and rename: a kill leaves the old one whole). */
  save(): void {
    if (!this.changed || this.path === null) return;
    mkdirSync(join(this.path, '..'), { recursive: true });
    const temp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(temp, `${JSON.stringify(this.file, null, 1)}\n`);
    renameSync(temp, this.path);
    this.changed = false;
  }
}

/**
 * Whether an image must be sent: always with --refresh-images; else when it differs from what this
 * machine remembers sending; with no memory (a fresh CI runner), only when the server has none.
 */
export function imageUploadNeeded(input: {
  hash: string;
  remembered: string | undefined;
  serverHasImage: boolean;
  refresh: boolean;
}): boolean {
  if (input.refresh) return true;
  if (input.remembered !== undefined) return input.remembered !== input.hash;
  return !input.serverHasImage;
}

/** One server, whatever version path or spelling of the URL: v1 and v1.1 serve the same guides. */
function apiScope(apiUrl: string): string {
  const url = new URL(apiUrl);
  const path = url.pathname.replace(/\/v1(?:\.\d+)?\/?$/, '/');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}
