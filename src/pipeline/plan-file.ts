// The front half of `import`: the sheet (offline first, so a bad file costs no request), then the
// guide, its sessions, tracks and locations (listed once each), then the pure planner.
import { dirname, resolve } from 'node:path';
import type { GuidebookClient } from '../api/types.js';
import { planImport as buildPlan, missingReferencesMessage, nearNamesMessage } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import type { ApiGuide, ApiLocation, ApiScheduleTrack, ApiSession, ConvertedRow } from '../types.js';
import { feedSpeakersSheet } from '../sources/feed-sheet.js';
import { readSheet, type ReadSheet } from './sheet-rows.js';
import { planSpeakerImport, readSpeakers, type PlannedSpeakers } from '../speakers/index.js';
import type { ValidateFileOptions } from './validate-file.js';
import { checkSessionImages, ImageLoader, ImageMemory, planSessionImages, type SessionImagePlan } from '../images/index.js';

export interface PlanImportOptions extends Omit<ValidateFileOptions, 'file'> {
  client: GuidebookClient;
  guide: number;
  createMissing?: boolean;
  prune?: boolean;
  /** How many times --yes was given. */
  yes?: number;
  maxDeletes?: number;
  /** 'v1' leaves out the fields only v1.1 knows. Default: from nothing, v1.1. */
  apiVersion?: 'v1' | 'v1.1';
  /**
   * Called once the guide has answered and before its sessions are listed: the point after which
   * a second run planning at the same time could plan the same creates (the CLI takes its run
   * lock here, so a run that cannot even reach the guide never holds it). Awaited: taking the
   * lock may mean waiting for another run (--lock-wait).
   */
  beforeListing?: (guide: ApiGuide) => void | Promise<void>;
  /** A file of its own for the speakers (else the workbook's Speakers sheet, when it has one). */
  speakersFile?: string;
  /** The custom list speakers go in (default "Speakers"). */
  speakerList?: string;
  /** Each Role in its own list ("Speakers", "Moderators", ...). */
  speakerListsByRole?: boolean;
  /** What this machine uploaded before (per-user state folder); without it, nothing is remembered. */
  imageMemory?: ImageMemory;
  /** Upload every image, whatever the memory says (--refresh-images). */
  refreshImages?: boolean;
}

export interface PlannedImport {
  plan: Plan;
  guide: ApiGuide;
  sheet: Pick<ReadSheet, 'file' | 'format' | 'sheet' | 'header'>;
  warnings: string[];
  /** The guide's tracks and locations the plan was made from (empty when the sheet names none). */
  listing: { tracks: ApiScheduleTrack[]; locations: ApiLocation[] };
  /** The speakers' plan, when the sheet names speakers or has a Speakers sheet; else null. */
  speakers: PlannedSpeakers | null;
  /** The session images to upload once the sessions exist, and the memory to record them in. */
  images: SessionImagePlan;
  imageMemory: ImageMemory;
}

/** Plans an import of a sheet into a guide. Sends only GET requests. Never prints or exits. */
export async function planImport(file: string, options: PlanImportOptions): Promise<PlannedImport> {
  const { client } = options;
  // Read before the first request, so a bad file costs none; converted once the guide has
  // answered (its time zone and dates). The plan weighs every row against the guide's sessions,
  // so the converted rows are held, as validate's are not: the same driver, held whole.
  const sheet = await readSheet({ file, sheet: options.sheet, mapping: options.mapping, source: options.source });
  // A feed (Sessionize, pretalx) brings its own speakers; a --speakers file still wins.
  const speakersSheet =
    sheet.feedSpeakers && !options.speakersFile
      ? feedSpeakersSheet(sheet.sheet, sheet.feedSpeakers)
      : await readSpeakers({ file: sheet.workbook.path, label: sheet.workbook.label, speakersFile: options.speakersFile });
  const before = client.requestCount;
  const guide = await client.getGuide(options.guide);
  const convertedRows = sheet.convert({
    timezone: options.timezone,
    guideTimezone: guide.timezone ?? undefined,
    dateFormat: options.dateFormat,
    overnight: options.overnight,
    // Day numbers and weekdays count from --first-day, else from the guide's start_date (guideWindow).
    firstDay: options.firstDay,
    locale: options.locale,
    guideWindow: { start_date: guide.start_date ?? null, end_date: guide.end_date ?? null },
  });
  const converted = { rows: [...convertedRows.rows], warnings: convertedRows.warnings() };
  // Every image the rows name is loaded and checked now, before anything is written: a row whose
  // image cannot be sent is invalid. Paths are read relative to the sheet's folder.
  const sessionImages = await checkSessionImages(converted.rows, new ImageLoader(imageBaseDir(file)));
  converted.rows = sessionImages.rows;
  const apiVersion = options.apiVersion ?? 'v1.1';
  await options.beforeListing?.(guide);
  // Each listing costs at least one request of the daily budget: a sheet without a track or room
  // column never looks at the guide's tracks or locations, so it does not list them.
  const mapsLocations = mapsField(converted.rows, 'locations');
  const { serverSessions, tracks, locations } = await listGuide(client, guide.id, converted.rows, apiVersion);
  // The client's own: records of other guides it left out of the listings, say.
  const warnings = [...sheet.warnings, ...converted.warnings, ...client.warnings()];
  if (mapsLocations && apiVersion === 'v1') {
    warnings.push(
      'the sheet names locations, but sessions have no locations in API v1: they are left out (use the v1.1 API URL to import them)',
    );
  }
  const plan = buildPlan({
    guideId: guide.id,
    rows: converted.rows,
    serverSessions,
    tracks,
    locations,
    readRequests: client.requestCount - before,
    options: {
      createMissing: options.createMissing ?? false,
      prune: options.prune ?? false,
      yes: options.yes ?? 0,
      maxDeletes: options.maxDeletes,
      apiVersion,
    },
  });
  // One message for every track and room the guide lacks, first: the rows using them point to it.
  const missing =
    plan.missingReferences &&
    missingReferencesMessage(guide.id, plan.missingReferences.tracks, plan.missingReferences.locations, plan.missingReferences.rows);
  if (missing) warnings.unshift(missing);
  const near = nearNamesMessage(
    guide.id,
    { tracks: plan.tracksToCreate, locations: plan.locationsToCreate },
    { tracks: tracks.map((track) => track.name), locations: locations.map((location) => location.name) },
  );
  if (near) warnings.unshift(near);
  const imageMemory = options.imageMemory ?? ImageMemory.inMemory();
  // Sessions have no image field in API v1: the sheet's images are not sent there.
  const imagesLeftOut = apiVersion === 'v1' && sessionImages.images.size > 0;
  if (imagesLeftOut) {
    warnings.push(
      'the sheet names session images, but sessions have no image in API v1: they are left out (use the v1.1 API URL to send them)',
    );
  }
  const images = planSessionImages({
    images: imagesLeftOut ? new Map() : sessionImages.images,
    serverSessions,
    memory: imageMemory,
    refresh: options.refreshImages ?? false,
  });
  const speakers = await planSpeakerImport(client, guide.id, converted.rows, speakersSheet, serverSessions, {
    ...options,
    photoBaseDir: imageBaseDir(options.speakersFile ?? file),
    imageMemory,
  });
  if (speakers)
    warnings.push(...(speakersSheet?.warnings ?? []), ...speakers.plan.warnings, ...client.warnings().filter((w) => !warnings.includes(w)));
  return {
    speakers,
    images,
    imageMemory,
    plan,
    guide,
    sheet: { file: sheet.file, format: sheet.format, sheet: sheet.sheet, header: sheet.header },
    warnings,
    listing: { tracks, locations },
  };
}

/** The folder a sheet's relative image paths start from; for a URL or standard input, the working folder. */
export function imageBaseDir(file: string): string {
  return file === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(file) ? process.cwd() : dirname(resolve(file));
}

/**
 * The guide's sessions, and its tracks and locations only when some row maps them: each listing
 * costs at least one request of the daily budget. Shared by import and dedupe.
 */
export async function listGuide(
  client: GuidebookClient,
  guideId: number,
  rows: readonly ConvertedRow[],
  apiVersion: 'v1' | 'v1.1',
): Promise<{ serverSessions: ApiSession[]; tracks: ApiScheduleTrack[]; locations: ApiLocation[] }> {
  const [serverSessions, tracks, locations] = await Promise.all([
    collect(client.listSessions(guideId)),
    mapsField(rows, 'schedule_tracks') ? collect(client.listScheduleTracks(guideId)) : [],
    mapsField(rows, 'locations') && apiVersion !== 'v1' ? collect(client.listLocations(guideId)) : [],
  ]);
  return { serverSessions, tracks, locations };
}

/** True when some valid row maps the field (the sheet has its column, or a mapping default). */
function mapsField(rows: readonly ConvertedRow[], field: 'schedule_tracks' | 'locations'): boolean {
  return rows.some((row) => row.ok && row.session.mapped.includes(field));
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
