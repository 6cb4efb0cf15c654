import { GuidebookImportError, HttpError } from '../errors.js';
import type { ApiGuide, ApiLocation, ApiScheduleTrack, ApiSession } from '../types.js';
import { resolveClientOptions } from './client-options.js';
import { createWithRecovery } from './create-with-recovery.js';
import { paginate } from './pagination.js';
import { RequestRunner } from './request-runner.js';
import type { ClientOptions, CreateOutcome, GuidebookClient, SessionCreateBody, SessionWriteBody } from './types.js';

/** A Guidebook Open API client: one throttle, one request counter, one budget stop for all calls. */
export function createClient(options: ClientOptions): GuidebookClient {
  const runner = new RequestRunner(resolveClientOptions(options));
  const { pageSize } = runner.options;

  const listUrl = (collection: string, query: Record<string, string | number | undefined>): string => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
    params.set('page_size', String(pageSize));
    return runner.url(`${collection}/?${params.toString()}`);
  };
  const itemUrl = (collection: string, id: number): string => runner.url(`${collection}/${encodeURIComponent(String(id))}/`);

  const listSessions = (guideId: number, filter: { import_id?: string } = {}): AsyncIterable<ApiSession> =>
    paginate<ApiSession>(runner, listUrl('sessions', { guide: guideId, import_id: filter.import_id }));

  // The filter is also applied here: a server that ignored it must not make a lookup match wrongly.
  const findSessionsByImportId = async (guideId: number, importId: string): Promise<ApiSession[]> =>
    (await collect(listSessions(guideId, { import_id: importId }))).filter(
      (session) => session.import_id === importId && session.guide === guideId,
    );

  const listScheduleTracks = (guideId: number, importId?: string): AsyncIterable<ApiScheduleTrack> =>
    paginate<ApiScheduleTrack>(runner, listUrl('schedule-tracks', { guide: guideId, import_id: importId }));

  const listLocations = (guideId: number): AsyncIterable<ApiLocation> =>
    paginate<ApiLocation>(runner, listUrl('locations', { guide: guideId }));

  return {
    get requestCount() {
      return runner.requestCount;
    },

    async getGuide(guideId) {
      try {
        return (await runner.call('GET', itemUrl('guides', guideId))).body as ApiGuide;
      } catch (error) {
        if (error instanceof HttpError && (error.status === 403 || error.status === 404)) {
          throw new GuidebookImportError('not_found', `guide ${guideId} not found or not yours (HTTP ${error.status})`, { cause: error });
        }
        throw error;
      }
    },

    listSessions,
    findSessionsByImportId,

    async getSession(sessionId) {
      return (await runner.call('GET', itemUrl('sessions', sessionId))).body as ApiSession;
    },

    async createSession(body: SessionCreateBody): Promise<CreateOutcome> {
      const { value, recovered, status } = await createWithRecovery<ApiSession>(runner, runner.url('sessions/'), body, async () =>
        newest(await findSessionsByImportId(body.guide, body.import_id)),
      );
      return { session: value, recovered, status };
    },

    async patchSession(sessionId: number, body: SessionWriteBody) {
      return (await runner.call('PATCH', itemUrl('sessions', sessionId), { json: body })).body as ApiSession;
    },

    async deleteSession(sessionId) {
      // A 404 after a lost answer means the first DELETE did its work.
      await runner.call('DELETE', itemUrl('sessions', sessionId), { isDone: (status, attempt) => status === 404 && attempt > 1 });
    },

    listScheduleTracks: (guideId) => listScheduleTracks(guideId),

    async createScheduleTrack(body) {
      const { value } = await createWithRecovery<ApiScheduleTrack>(runner, runner.url('schedule-tracks/'), body, async () =>
        newest((await collect(listScheduleTracks(body.guide, body.import_id))).filter((track) => isSameNamed(track, body))),
      );
      return value;
    },

    listLocations,

    async createLocation(body) {
      const { value } = await createWithRecovery<ApiLocation>(runner, runner.url('locations/'), body, async () =>
        newest((await collect(listLocations(body.guide))).filter((location) => isSameNamed(location, body))),
      );
      return value;
    },
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The record a lost create most likely made: the last one written. */
function newest<T extends { id: number }>(records: T[]): T | undefined {
  return records.reduce<T | undefined>((best, record) => (best === undefined || record.id > best.id ? record : best), undefined);
}

/** Tracks and locations have no required import_id: a lost create is recognised by it when given, else by name. */
function isSameNamed(record: { name: string; import_id?: string | null }, body: { name: string; import_id?: string }): boolean {
  return body.import_id !== undefined ? record.import_id === body.import_id : record.name === body.name;
}
