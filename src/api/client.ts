import { GuidebookImportError, HttpError } from '../errors.js';
import type { ApiGuide, ApiLocation, ApiScheduleTrack, ApiSession } from '../types.js';
import { describeAnswer, isJsonObject, isRecordWithId } from './answer-shape.js';
import { resolveClientOptions } from './client-options.js';
import { createWithRecovery } from './create-with-recovery.js';
import { customListCalls } from './custom-list-client.js';
import { guideCalls } from './guide-calls.js';
import { assertGuideId, assertWriteBody, GuideScope } from './guide-scope.js';
import { paginate } from './pagination.js';
import { RequestRunner } from './request-runner.js';
import type { ClientOptions, CreateOutcome, GuidebookClient, SessionCreateBody, SessionWriteBody } from './types.js';

/**
 * A Guidebook Open API client: one throttle, one request counter, one halt for all calls. It
 * believes nothing it has not checked: the guide answer, each listed record's guide, each
 * write's answer (see guide-scope.ts, pagination.ts, create-with-recovery.ts).
 */
export function createClient(options: ClientOptions): GuidebookClient {
  const runner = new RequestRunner(resolveClientOptions(options));
  const scope = new GuideScope();
  const { pageSize } = runner.options;

  // Always by id: pages of a list ordered by anything with ties can repeat and skip records.
  const listUrl = (collection: string, guideId: number, query: Record<string, string | undefined> = {}): string => {
    assertGuideId(guideId, `a list of ${collection}`);
    const params = new URLSearchParams({ guide: String(guideId) });
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
    params.set('ordering', 'id');
    params.set('page_size', String(pageSize));
    return runner.url(`${collection}/?${params.toString()}`);
  };
  const itemUrl = (collection: string, id: number): string => runner.url(`${collection}/${encodeURIComponent(String(id))}/`);

  const listSessions = (guideId: number, filter: { import_id?: string } = {}): AsyncIterable<ApiSession> =>
    scope.only<ApiSession>('session', guideId, paginate(runner, listUrl('sessions', guideId, { import_id: filter.import_id })));

  // The filter is also applied here: a server that ignored it must not make a lookup match wrongly.
  const findSessionsByImportId = async (guideId: number, importId: string): Promise<ApiSession[]> =>
    (await collect(listSessions(guideId, { import_id: importId }))).filter((session) => session.import_id === importId);

  const listScheduleTracks = (guideId: number, importId?: string): AsyncIterable<ApiScheduleTrack> =>
    scope.only<ApiScheduleTrack>('schedule track', guideId, paginate(runner, listUrl('schedule-tracks', guideId, { import_id: importId })));

  const listLocations = (guideId: number): AsyncIterable<ApiLocation> =>
    scope.only<ApiLocation>('location', guideId, paginate(runner, listUrl('locations', guideId)));

  return {
    ...customListCalls(runner, scope, { listUrl, itemUrl }),
    ...guideCalls(runner, itemUrl),

    get requestCount() {
      return runner.requestCount;
    },

    warnings: () => scope.warnings(),

    async getGuide(guideId) {
      assertGuideId(guideId, 'the guide');
      let body: unknown;
      try {
        body = (await runner.call('GET', itemUrl('guides', guideId))).body;
      } catch (error) {
        if (error instanceof HttpError && (error.status === 403 || error.status === 404)) {
          throw new GuidebookImportError('not_found', `guide ${guideId} not found or not yours (HTTP ${error.status})`, { cause: error });
        }
        throw error;
      }
      // A login page, a proxy's error page or another API answers 200 too: only guide `guideId`
      // itself lets the run go on.
      if (!isJsonObject(body) || body.id !== guideId) {
        throw new GuidebookImportError(
          'http',
          `GET ${runner.path(itemUrl('guides', guideId))} answered ${describeAnswer(body)} instead of guide ${guideId}; ` +
            'check --api-url (e.g. https://builder.guidebook.com/open-api/v1.1/). Nothing was written',
        );
      }
      return body as unknown as ApiGuide;
    },

    listSessions,
    findSessionsByImportId,

    async getSession(sessionId) {
      return (await runner.call('GET', itemUrl('sessions', sessionId))).body as ApiSession;
    },

    async createSession(body: SessionCreateBody): Promise<CreateOutcome> {
      assertWriteBody(body, 'a session create');
      const isOurs = (answer: unknown): answer is ApiSession =>
        isRecordWithId(answer) && answer.import_id === body.import_id && (answer.guide === undefined || answer.guide === body.guide);
      const { value, recovered, unusableAnswer, status } = await createWithRecovery<ApiSession>(
        runner,
        runner.url('sessions/'),
        body,
        async () => newest(await findSessionsByImportId(body.guide, body.import_id)),
        isOurs,
      );
      return { session: value, recovered, unusableAnswer, status };
    },

    async patchSession(sessionId: number, body: SessionWriteBody) {
      assertWriteBody(body, `a PATCH of session ${sessionId}`);
      const url = itemUrl('sessions', sessionId);
      const isIt = (answer: unknown): answer is ApiSession => isRecordWithId(answer) && answer.id === sessionId;
      const { body: answer, status } = await runner.call('PATCH', url, { json: body });
      if (isIt(answer)) return answer;
      // The PATCH is idempotent, but its answer said nothing: the session is read back instead.
      const readBack = (await runner.call('GET', url)).body;
      if (isIt(readBack) && readBack.guide === body.guide) return readBack;
      throw new GuidebookImportError(
        'http',
        `PATCH ${runner.path(url)} answered ${status} with ${describeAnswer(answer)} instead of the session, and reading it back ` +
          `gave ${describeAnswer(readBack)}: it is not counted as updated`,
      );
    },

    async deleteSession(sessionId) {
      // A 404 after a lost answer means the first DELETE did its work.
      await runner.call('DELETE', itemUrl('sessions', sessionId), { isDone: (status, attempt) => status === 404 && attempt > 1 });
    },

    listScheduleTracks: (guideId) => listScheduleTracks(guideId),

    async createScheduleTrack(body) {
      assertWriteBody(body, 'a schedule track create');
      const { value } = await createWithRecovery<ApiScheduleTrack>(
        runner,
        runner.url('schedule-tracks/'),
        body,
        async () => newest((await collect(listScheduleTracks(body.guide, body.import_id))).filter((track) => isSameNamed(track, body))),
        (answer): answer is ApiScheduleTrack => isCreatedNamed(answer, body),
      );
      return value;
    },

    listLocations,

    async createLocation(body) {
      assertWriteBody(body, 'a location create');
      const { value } = await createWithRecovery<ApiLocation>(
        runner,
        runner.url('locations/'),
        body,
        async () => newest((await collect(listLocations(body.guide))).filter((location) => isSameNamed(location, body))),
        (answer): answer is ApiLocation => isCreatedNamed(answer, body),
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

/** A create's answer that is the record asked for: an id, our import_id (when sent), our guide. */
function isCreatedNamed(answer: unknown, body: { guide: number; import_id?: string }): boolean {
  if (!isRecordWithId(answer)) return false;
  if (answer.guide !== undefined && answer.guide !== body.guide) return false;
  return body.import_id === undefined || answer.import_id === body.import_id;
}
