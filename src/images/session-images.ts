// Session images through an import: every row's Image loaded and checked before any write (a bad
// one makes its row invalid), then planned against the server's sessions and the image memory,
// then uploaded once the sessions exist. Speakers' photos use image-file.ts and image-memory.ts
// the same way (src/speakers/).
import type { GuidebookClient } from '../api/types.js';
import { type ErrorCode, GuidebookImportError } from '../errors.js';
import type { ApiSession, ConvertedRow, RowIssue } from '../types.js';
import { loadImage, type ImageLoad, type LoadedImage } from './image-file.js';
import { imageUploadNeeded, type ImageMemory } from './image-memory.js';

/** Errors after which the client sends nothing more: the run stops (exit 3, or 2 for a rejected key). */
const RUN_STOPS: ReadonlySet<ErrorCode> = new Set(['budget', 'auth', 'interrupted', 'max_requests', 'redirect']);

/** The column name issues give (the field table's canonical header). */
const IMAGE_COLUMN = 'Image';
/** Images read at once: downloads are slow, files are not worth more. */
const LOAD_CONCURRENCY = 4;

/** Loads images once per distinct reference, a few at a time. */
export class ImageLoader {
  private readonly loads = new Map<string, Promise<ImageLoad>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly baseDir: string) {}

  load(ref: string): Promise<ImageLoad> {
    let load = this.loads.get(ref);
    if (!load) {
      load = this.slot(() => loadImage(ref, { baseDir: this.baseDir }));
      this.loads.set(ref, load);
    }
    return load;
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= LOAD_CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

/**
 * The rows with every named image loaded: a row whose image cannot be used becomes invalid with
 * an issue naming the column and the value, so nothing of it is written.
 */
export async function checkSessionImages(
  rows: readonly ConvertedRow[],
  loader: ImageLoader,
): Promise<{ rows: ConvertedRow[]; images: Map<string, LoadedImage> }> {
  const images = new Map<string, LoadedImage>();
  const checked = await Promise.all(
    rows.map(async (row): Promise<ConvertedRow> => {
      if (!row.ok || row.session.image === undefined || row.session.image.trim() === '') return row;
      const { session } = row;
      const load = await loader.load(session.image as string);
      if (load.ok) {
        images.set(session.fields.import_id, load.image);
        return row;
      }
      const issue: RowIssue = {
        code: 'bad_image',
        severity: 'error',
        message: `Row ${session.row}, column "${IMAGE_COLUMN}": ${load.message}`,
        sheet: session.sheet,
        row: session.row,
        column: IMAGE_COLUMN,
        value: session.image,
      };
      return {
        ok: false,
        sheet: session.sheet,
        row: session.row,
        name: session.fields.name,
        import_id: session.fields.import_id,
        issues: [...session.warnings, issue],
      };
    }),
  );
  return { rows: checked, images };
}

export interface SessionImageUpload {
  importId: string;
  image: LoadedImage;
  /** The server session's id; null when the run creates the session first. */
  sessionId: number | null;
  /** The image URL the server has now (null: none), for the report's old → new. */
  serverImage: string | null;
}

export interface SessionImagePlan {
  uploads: SessionImageUpload[];
  /** Images the server already has and this machine had no memory of: remembered as they are. */
  baselines: Array<{ sessionId: number; hash: string }>;
}

/** Which images to send: see imageUploadNeeded. A session listed twice (a conflict) gets none. */
export function planSessionImages(input: {
  images: ReadonlyMap<string, LoadedImage>;
  serverSessions: readonly ApiSession[];
  memory: ImageMemory;
  refresh: boolean;
}): SessionImagePlan {
  const byImportId = new Map<string, ApiSession[]>();
  for (const session of input.serverSessions) {
    if (session.import_id) byImportId.set(session.import_id, [...(byImportId.get(session.import_id) ?? []), session]);
  }
  const plan: SessionImagePlan = { uploads: [], baselines: [] };
  for (const [importId, image] of input.images) {
    const matches = byImportId.get(importId) ?? [];
    if (matches.length > 1) continue;
    const server = matches[0];
    const serverImage = (server as { image?: unknown } | undefined)?.image;
    const serverHasImage = typeof serverImage === 'string' && serverImage !== '';
    const remembered = server ? input.memory.get('sessions', server.id, 'image') : undefined;
    if (imageUploadNeeded({ hash: image.hash, remembered, serverHasImage, refresh: input.refresh })) {
      plan.uploads.push({ importId, image, sessionId: server?.id ?? null, serverImage: serverHasImage ? (serverImage as string) : null });
    } else if (server && remembered === undefined) {
      plan.baselines.push({ sessionId: server.id, hash: image.hash });
    }
  }
  return plan;
}

export interface SessionImageResult {
  importId: string;
  outcome: 'done' | 'failed' | 'not_attempted' | 'planned';
  httpStatus: number | null;
  message: string;
  /** The report's old → new: the server's image URL (or null) → the sheet's reference. */
  change?: { field: 'image'; old: string | null; new: string };
}

/**
 * Uploads the planned images (multipart PATCH, field `image`) and remembers what was sent. A
 * session this run was to create but did not is not attempted; a failed upload fails its row.
 */
export async function applySessionImages(
  plan: SessionImagePlan,
  client: GuidebookClient,
  options: {
    guideId: number;
    memory: ImageMemory;
    dryRun: boolean;
    /** Ids of the sessions this run created, by import_id. */
    createdIds: ReadonlyMap<string, number>;
    /** Set when the run already stopped: nothing more is sent. */
    stopped: boolean;
  },
): Promise<{ results: Map<string, SessionImageResult>; stoppedBy: GuidebookImportError | null }> {
  const results = new Map<string, SessionImageResult>();
  let stopped = options.stopped;
  let stoppedBy: GuidebookImportError | null = null;
  if (!options.dryRun) for (const { sessionId, hash } of plan.baselines) options.memory.remember('sessions', sessionId, 'image', hash);
  for (const upload of plan.uploads) {
    const id = upload.sessionId ?? options.createdIds.get(upload.importId) ?? null;
    const change = { field: 'image' as const, old: upload.serverImage, new: upload.image.ref };
    const base = { importId: upload.importId, httpStatus: null, change };
    if (options.dryRun) {
      results.set(upload.importId, { ...base, outcome: 'planned', message: '' });
      continue;
    }
    if (id === null || stopped) {
      results.set(upload.importId, { ...base, outcome: 'not_attempted', message: 'image not uploaded: the session was not written' });
      continue;
    }
    try {
      await client.uploadImages('sessions', id, options.guideId, {
        image: { bytes: upload.image.bytes, filename: upload.image.filename, contentType: upload.image.contentType },
      });
      options.memory.remember('sessions', id, 'image', upload.image.hash);
      results.set(upload.importId, { ...base, outcome: 'done', message: '' });
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      // A stop of the whole client (budget, key, interrupt) ends the uploads: not attempted, as
      // every row after a stop; the re-run sends it.
      const runStop = error instanceof GuidebookImportError && RUN_STOPS.has(error.code);
      if (runStop) {
        stopped = true;
        stoppedBy ??= error;
      }
      results.set(upload.importId, {
        ...base,
        outcome: runStop ? 'not_attempted' : 'failed',
        httpStatus: typeof status === 'number' ? status : null,
        message: `image ${runStop ? 'not uploaded' : 'upload failed'}: ${(error as Error).message}`,
      });
    }
  }
  return { results, stoppedBy };
}
