// Everything the client does is about one guide. A list request always names it, a write body
// always carries it, and a listed record of another guide never reaches the planner: a server
// that ignored `?guide=` must not make a run PATCH or --prune another guide's sessions.
import { GuidebookImportError } from '../errors.js';
import { isJsonObject } from './answer-shape.js';

/**
 * A programming error, not a user's: a request without its guide must never reach the wire,
 * so it is refused before it is sent (a plain Error: it shows as an unexpected error).
 */
export function assertGuideId(guideId: unknown, what: string): asserts guideId is number {
  if (typeof guideId !== 'number' || !Number.isInteger(guideId) || guideId < 1) {
    throw new Error(`internal error: ${what} was about to be requested without a guide id (got ${JSON.stringify(guideId)})`);
  }
}

export function assertWriteBody(body: unknown, what: string): asserts body is { guide: number } {
  if (!isJsonObject(body)) throw new Error(`internal error: ${what} was about to be sent without a body`);
  assertGuideId(body.guide, `${what} body`);
}

/** Keeps each listed record of the target guide and counts what it leaves out, per kind. */
export class GuideScope {
  readonly #dropped = new Map<string, { kind: string; guideId: number; count: number }>();

  /**
   * The records of `guideId` only. A record without a `guide` field stops the listing: whether
   * it is ours cannot be told, and both guesses are harmful (kept, it may be another guide's and
   * be changed or deleted; left out, its row would be created a second time). The API always
   * answers the field, so only a server that is not the API gets here.
   */
  async *only<T>(kind: string, guideId: number, records: AsyncIterable<unknown>): AsyncGenerator<T> {
    for await (const record of records) {
      const guide = isJsonObject(record) ? record.guide : undefined;
      if (guide === guideId) {
        yield record as T;
        continue;
      }
      if (typeof guide !== 'number') {
        const id = isJsonObject(record) ? record.id : undefined;
        throw new GuidebookImportError(
          'http',
          `the server listed a ${kind} (id ${JSON.stringify(id)}) without a numeric "guide" field: it cannot be told whether it ` +
            `belongs to guide ${guideId}, so the run stopped before writing anything`,
        );
      }
      const key = `${kind}\u0000${guideId}`;
      const tally = this.#dropped.get(key) ?? { kind, guideId, count: 0 };
      tally.count += 1;
      this.#dropped.set(key, tally);
    }
  }

  /** One warning per kind that had records of other guides, with how many (counted over the run). */
  warnings(): string[] {
    return [...this.#dropped.values()].map(
      ({ kind, guideId, count }) =>
        `the server listed ${count} ${kind}${count === 1 ? '' : 's'} of other guides when asked for guide ${guideId} ` +
        '(it ignored the guide filter); they were left out and nothing of another guide was changed or deleted',
    );
  }
}
