// The guide-level calls and image uploads: the guides a key reaches (`guides` command, key
// check), publishing a guide, and the multipart PATCH that sets a session's or a custom list
// item's image.
import { GuidebookImportError } from '../errors.js';
import type { ApiGuide } from '../types.js';
import { describeAnswer, isRecordWithId } from './answer-shape.js';
import { assertGuideId } from './guide-scope.js';
import { paginate } from './pagination.js';
import type { RequestRunner } from './request-runner.js';
import type { GuideCalls, ImageUploadFile } from './types.js';

export function guideCalls(runner: RequestRunner, itemUrl: (collection: string, id: number) => string): GuideCalls {
  return {
    listGuides: () => paginate<ApiGuide>(runner, runner.url(`guides/?ordering=id&page_size=${runner.options.pageSize}`)),

    async publishGuide(guideId) {
      assertGuideId(guideId, 'a publish');
      // Publishing twice publishes the same content: retried like any idempotent call.
      await runner.call('POST', `${itemUrl('guides', guideId)}publish/`);
    },

    async uploadImages(collection, recordId, guideId, files) {
      assertGuideId(guideId, `an image upload to ${collection} ${recordId}`);
      const form = new FormData();
      // The guide travels as in every write: a record never moves, so the server checks it.
      form.append('guide', String(guideId));
      for (const [field, file] of Object.entries(files) as Array<[string, ImageUploadFile | undefined]>) {
        if (file) form.append(field, new Blob([file.bytes], { type: file.contentType }), file.filename);
      }
      const url = itemUrl(collection, recordId);
      const { body, status } = await runner.call('PATCH', url, { json: form });
      if (isRecordWithId(body) && body.id === recordId) return body as Record<string, unknown> & { id: number };
      throw new GuidebookImportError(
        'http',
        `PATCH ${runner.path(url)} (image upload) answered ${status} with ${describeAnswer(body)} instead of the record`,
      );
    },
  };
}
