// The speaker resources of the Open API (v1.1): custom lists, custom list items, the relations
// that put an item in a list, and links. Listed and checked as sessions are: paginated by id,
// each record's guide checked (relations carry none: they are kept when their list is the
// guide's), every create recovered from a lost answer by a lookup before it is sent again.
import { GuidebookImportError } from '../errors.js';
import { describeAnswer, isRecordWithId } from './answer-shape.js';
import { createWithRecovery } from './create-with-recovery.js';
import { assertGuideId, assertWriteBody, type GuideScope } from './guide-scope.js';
import { paginate } from './pagination.js';
import type { RequestRunner } from './request-runner.js';
import type {
  ApiCustomList,
  ApiCustomListItem,
  ApiCustomListItemRelation,
  ApiLink,
  CustomListCalls,
  CustomListItemBody,
  LinkCreateBody,
} from './types.js';

export interface CollectionUrls {
  listUrl: (collection: string, guideId: number, query?: Record<string, string | undefined>) => string;
  itemUrl: (collection: string, id: number) => string;
}

export function customListCalls(runner: RequestRunner, scope: GuideScope, urls: CollectionUrls): CustomListCalls {
  const { listUrl, itemUrl } = urls;

  const listCustomLists = (guideId: number): AsyncIterable<ApiCustomList> =>
    scope.only<ApiCustomList>('custom list', guideId, paginate(runner, listUrl('custom-lists', guideId)));

  const listCustomListItems = (guideId: number, importId?: string): AsyncIterable<ApiCustomListItem> =>
    scope.only<ApiCustomListItem>(
      'custom list item',
      guideId,
      paginate(runner, listUrl('custom-list-items', guideId, { import_id: importId })),
    );

  // Relations are filtered by their list's guide (`custom_list__guide`), and answer no guide field.
  const relationsUrl = (guideId: number, query: Record<string, string> = {}): string => {
    assertGuideId(guideId, 'a list of custom list item relations');
    const params = new URLSearchParams({
      custom_list__guide: String(guideId),
      ...query,
      ordering: 'id',
      page_size: String(runner.options.pageSize),
    });
    return runner.url(`custom-list-item-relations/?${params.toString()}`);
  };
  async function* listRelations(
    guideId: number,
    listIds: ReadonlySet<number>,
    query?: Record<string, string>,
  ): AsyncGenerator<ApiCustomListItemRelation> {
    for await (const record of paginate<ApiCustomListItemRelation>(runner, relationsUrl(guideId, query))) {
      if (typeof record.custom_list !== 'number' || typeof record.custom_list_item !== 'number') {
        throw new GuidebookImportError(
          'http',
          `the server listed a custom list item relation (id ${record.id}) without numeric "custom_list" and "custom_list_item" fields; nothing was written`,
        );
      }
      // A relation of a list of another guide (a server that ignored the filter) is left out.
      if (listIds.has(record.custom_list)) yield record;
    }
  }

  const listLinks = (guideId: number): AsyncIterable<ApiLink> =>
    scope.only<ApiLink>('link', guideId, paginate(runner, listUrl('links', guideId)));

  const patch = async <T extends { id: number }>(collection: string, id: number, body: { guide: number }, what: string): Promise<T> => {
    assertWriteBody(body, `a PATCH of ${what} ${id}`);
    const url = itemUrl(collection, id);
    const isIt = (answer: unknown): answer is T => isRecordWithId(answer) && answer.id === id;
    const { body: answer, status } = await runner.call('PATCH', url, { json: body });
    if (isIt(answer)) return answer;
    const readBack = (await runner.call('GET', url)).body;
    if (isIt(readBack)) return readBack;
    throw new GuidebookImportError(
      'http',
      `PATCH ${runner.path(url)} answered ${status} with ${describeAnswer(answer)} instead of the ${what}, and reading it back gave ${describeAnswer(readBack)}`,
    );
  };
  // A 404 after a lost answer means the first DELETE did its work.
  const remove = async (collection: string, id: number): Promise<void> => {
    await runner.call('DELETE', itemUrl(collection, id), { isDone: (status, attempt) => status === 404 && attempt > 1 });
  };

  return {
    listCustomLists,

    async createCustomList(body) {
      assertWriteBody(body, 'a custom list create');
      const { value } = await createWithRecovery<ApiCustomList>(
        runner,
        runner.url('custom-lists/'),
        body,
        async () => newest((await collect(listCustomLists(body.guide))).filter((list) => list.name === body.name)),
        (answer): answer is ApiCustomList => isRecordWithId(answer) && (answer.guide === undefined || answer.guide === body.guide),
      );
      return value;
    },

    listCustomListItems: (guideId) => listCustomListItems(guideId),

    async createCustomListItem(body: CustomListItemBody & { name: string; import_id: string }) {
      assertWriteBody(body, 'a custom list item create');
      const { value } = await createWithRecovery<ApiCustomListItem>(
        runner,
        runner.url('custom-list-items/'),
        body,
        // The filter is applied here too: a server that ignored it must not make a lookup match wrongly.
        async () =>
          newest((await collect(listCustomListItems(body.guide, body.import_id))).filter((item) => item.import_id === body.import_id)),
        (answer): answer is ApiCustomListItem =>
          isRecordWithId(answer) && answer.import_id === body.import_id && (answer.guide === undefined || answer.guide === body.guide),
      );
      return value;
    },

    patchCustomListItem: (itemId, body) => patch<ApiCustomListItem>('custom-list-items', itemId, body, 'custom list item'),
    deleteCustomListItem: (itemId) => remove('custom-list-items', itemId),

    listCustomListItemRelations: (guideId, listIds) => listRelations(guideId, listIds),

    async createCustomListItemRelation(guideId, body) {
      const isSame = (relation: ApiCustomListItemRelation): boolean =>
        relation.custom_list === body.custom_list && relation.custom_list_item === body.custom_list_item;
      const { value } = await createWithRecovery<ApiCustomListItemRelation>(
        runner,
        runner.url('custom-list-item-relations/'),
        body,
        async () =>
          newest(
            (
              await collect(listRelations(guideId, new Set([body.custom_list]), { custom_list_item: String(body.custom_list_item) }))
            ).filter(isSame),
          ),
        (answer): answer is ApiCustomListItemRelation => isRecordWithId(answer) && isSame(answer as unknown as ApiCustomListItemRelation),
      );
      return value;
    },

    deleteCustomListItemRelation: (relationId) => remove('custom-list-item-relations', relationId),

    listLinks,

    async createLink(body: LinkCreateBody) {
      assertWriteBody(body, 'a link create');
      const isSame = (link: unknown): link is ApiLink =>
        isRecordWithId(link) &&
        link.source_content_type === body.source_content_type &&
        link.source_object_id === body.source_object_id &&
        link.target_content_type === body.target_content_type &&
        link.target_object_id === body.target_object_id;
      const { value } = await createWithRecovery<ApiLink>(
        runner,
        runner.url('links/'),
        body,
        async () => newest((await collect(listLinks(body.guide))).filter(isSame)),
        isSame,
      );
      return value;
    },

    patchLink: (linkId, body) => patch<ApiLink>('links', linkId, body, 'link'),
    deleteLink: (linkId) => remove('links', linkId),
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function newest<T extends { id: number }>(records: T[]): T | undefined {
  return records.reduce<T | undefined>((best, record) => (best === undefined || record.id > best.id ? record : best), undefined);
}
