// ONE listing of the guide's speaker resources, read through the client (paginated, ordered by id,
// guide-checked): the custom lists, their items, the relations and the links.
import type { GuidebookClient } from '../api/types.js';
import type { SpeakerListing } from './plan-speakers.js';

export async function listSpeakerResources(client: GuidebookClient, guideId: number): Promise<SpeakerListing> {
  const [lists, items, links] = await Promise.all([
    collect(client.listCustomLists(guideId)),
    collect(client.listCustomListItems(guideId)),
    collect(client.listLinks(guideId)),
  ]);
  const relations = await collect(client.listCustomListItemRelations(guideId, new Set(lists.map((list) => list.id))));
  return { lists, items, relations, links };
}

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const record of records) all.push(record);
  return all;
}
