// The new resources survive a restart and a kill: lists, items, relations, links, uploaded images
// and publishes are journalled like sessions, and images are served again after loading.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { PNG_1X1 } from '../images/image-bytes.js';
import { tempDir } from '../support/temp-dir.js';
import { apiClient, validSession } from './client.js';

async function populate(apiUrl: string) {
  const api = apiClient({ apiUrl });
  const session = (await api('POST', 'sessions/', validSession({ import_id: 's1' }))).body.id as number;
  const form = new FormData();
  form.set('guide', '1');
  form.set('name', 'Ada Lovelace');
  form.set('description_html', '');
  form.set('import_id', 'spk-ada');
  form.set('image', new Blob([PNG_1X1], { type: 'image/png' }), 'ada.png');
  const item = (await (
    await fetch(`${apiUrl}custom-list-items/`, { method: 'POST', body: form, headers: { Authorization: 'JWT k' } })
  ).json()) as {
    id: number;
    image: string;
  };
  await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: item.id, rank: 1 });
  await api('POST', 'links/', {
    guide: 1,
    source_content_type: 'schedule.session',
    source_object_id: session,
    target_content_type: 'custom_list.customlistitem',
    target_object_id: item.id,
  });
  await api('POST', 'guides/1/publish/');
  return item;
}

describe('persistence of speakers, images and publishes', () => {
  it('a clean restart and a killed server (journal replay) both keep every record and serve the image', async () => {
    const stateFile = join(tempDir('speaker-state'), 'state.json');
    const first = await startSandbox({ stateFile });
    const item = await populate(first.apiUrl);
    const before = first.state();
    // A second server reading the same file while the first still runs: what a kill -9 leaves
    // (the state file as last rewritten, plus the journal).
    const afterKill = await startSandbox({ stateFile });
    const replayed = afterKill.state();
    await afterKill.close();
    await first.close();
    expect(replayed.custom_list_items).toEqual(before.custom_list_items);
    expect(replayed.custom_list_item_relations).toEqual(before.custom_list_item_relations);
    expect(replayed.links).toEqual(before.links);
    expect(replayed.publications).toEqual(before.publications);
    expect(replayed.images).toEqual(before.images);
    const restarted = await startSandbox({ stateFile });
    try {
      expect(restarted.state().custom_list_items).toEqual(before.custom_list_items);
      expect(restarted.state().publications).toHaveLength(1);
      const path = new URL(item.image).pathname;
      const served = await fetch(`${restarted.origin}${path}`);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1X1)).toBe(true);
      expect(restarted.state().nextIds.links).toBe(2);
    } finally {
      await restarted.close();
    }
  });
});
