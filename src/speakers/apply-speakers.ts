// Carries out a speaker plan through the client, after the sessions (a link needs its session's
// id, and a session created by this run has one only now). No decisions here: the planner made
// them. Each speaker's writes run in order (item, relations, links); speakers run side by side,
// a bounded number at a time. A stop error (budget, --max-requests, interrupt, rejected key) ends
// the run cleanly: the rest are not_attempted, and a re-run finishes the job without duplicates.
import type { GuidebookClient } from '../api/types.js';
import { runBounded } from '../apply/bounded-pool.js';
import { RunStop, type StopError } from '../apply/run-stop.js';
import { earlierAttemptWasSent, isStopError, notAttemptedMessage } from '../apply/stop-reason.js';
import { GuidebookImportError, HttpError, formatFieldErrors } from '../errors.js';
import type { ImageMemory } from '../images/index.js';
import type { Outcome } from '../types.js';
import type { SpeakerEntry, SpeakerPlan } from './plan-speakers.js';

export interface SpeakerResult {
  entry: SpeakerEntry;
  outcome: Outcome;
  itemId: number | null;
  httpStatus: number | null;
  message: string;
}

export interface ApplySpeakersOptions {
  dryRun?: boolean;
  signal?: AbortSignal;
  maxInFlight?: number;
  /** Session import id → id: the guide's sessions and those this run created. */
  sessionIds: ReadonlyMap<string, number>;
  /** Where uploaded photos are remembered (saved by the caller). */
  imageMemory?: ImageMemory;
  /** A stop the session writes already met: no speaker write starts. */
  stoppedBy?: GuidebookImportError | null;
  onResult?: (result: SpeakerResult) => void;
}

export function isSpeakerWrite(entry: SpeakerEntry): boolean {
  if (entry.action === 'delete') return entry.confirmed === true;
  return (
    entry.create !== undefined ||
    entry.patch !== undefined ||
    entry.photo !== undefined ||
    entry.relations.length > 0 ||
    entry.links.length > 0
  );
}

export async function applySpeakers(
  plan: SpeakerPlan,
  client: GuidebookClient,
  options: ApplySpeakersOptions,
): Promise<{ stoppedBy: StopError | null }> {
  const emit = (result: SpeakerResult): void => options.onResult?.(result);
  const writes = plan.entries.filter(isSpeakerWrite);
  for (const entry of plan.entries) {
    if (isSpeakerWrite(entry)) continue;
    if (!options.dryRun && entry.photoBaseline !== undefined && entry.itemId !== null) {
      options.imageMemory?.remember('custom-list-items', entry.itemId, 'image', entry.photoBaseline);
      options.imageMemory?.remember('custom-list-items', entry.itemId, 'thumbnail', entry.photoBaseline);
    }
    emit({ entry, outcome: outcomeWithoutWrite(entry, options.dryRun ?? false), itemId: entry.itemId, httpStatus: null, message: '' });
  }
  if (options.dryRun) {
    for (const entry of writes) emit({ entry, outcome: 'planned', itemId: entry.itemId, httpStatus: null, message: '' });
    return { stoppedBy: null };
  }
  const stop = new RunStop(options.signal);
  if (options.stoppedBy && isStopError(options.stoppedBy)) stop.stopWith(options.stoppedBy);
  const listIds = new Map(plan.listIds);
  if (stop.check() === null) {
    for (const name of plan.listsToCreate) {
      try {
        listIds.set(name, (await client.createCustomList({ guide: plan.guideId, name })).id);
      } catch (error) {
        if (isStopError(error)) {
          stop.stopWith(error);
          break;
        }
        // The speakers that need the list fail, each saying why; the others go on.
      }
    }
  }
  const done = new Set<SpeakerEntry>();
  await runBounded(
    writes.map((_, index) => index),
    options.maxInFlight ?? 8,
    async (index) => {
      const entry = writes[index]!;
      const result = await carryOut(entry, client, plan.guideId, listIds, options.sessionIds, options.imageMemory);
      if (result.stop) stop.stopWith(result.stop);
      done.add(entry);
      emit(result.result);
    },
    () => stop.check() !== null,
  );
  const stoppedBy = stop.check();
  if (stoppedBy) {
    for (const entry of writes) {
      if (!done.has(entry))
        emit({ entry, outcome: 'not_attempted', itemId: entry.itemId, httpStatus: null, message: notAttemptedMessage(stoppedBy) });
    }
  }
  return { stoppedBy };
}

function outcomeWithoutWrite(entry: SpeakerEntry, dryRun: boolean): Outcome {
  if (entry.action === 'invalid' || entry.action === 'conflict') return 'failed';
  if (entry.action === 'delete') return 'planned';
  return dryRun ? 'planned' : 'done';
}

async function carryOut(
  entry: SpeakerEntry,
  client: GuidebookClient,
  guideId: number,
  listIds: ReadonlyMap<string, number>,
  sessionIds: ReadonlyMap<string, number>,
  memory: ImageMemory | undefined,
): Promise<{ result: SpeakerResult; stop?: StopError }> {
  let itemId = entry.itemId;
  let status: number | null = null;
  const notes: string[] = [];
  try {
    if (entry.action === 'delete') {
      for (const op of entry.links) if (op.kind === 'delete') await gone(() => client.deleteLink(op.linkId));
      for (const op of entry.relations) if (op.kind === 'delete') await gone(() => client.deleteCustomListItemRelation(op.relationId));
      await gone(() => client.deleteCustomListItem(entry.itemId!));
      return { result: { entry, outcome: 'done', itemId, httpStatus: 204, message: 'deleted' } };
    }
    if (entry.create) {
      itemId = (await client.createCustomListItem(entry.create)).id;
      status = 201;
      notes.push('created');
    } else if (entry.patch && itemId !== null) {
      await client.patchCustomListItem(itemId, entry.patch);
      status = 200;
      notes.push(`updated ${entry.changes.map((change) => change.field).join(', ')}`);
    }
    if (itemId === null) throw new GuidebookImportError('http', 'the speaker has no item to link');
    const item = itemId;
    if (entry.photo) {
      const file = { bytes: entry.photo.bytes, filename: entry.photo.filename, contentType: entry.photo.contentType };
      await client.uploadImages('custom-list-items', item, guideId, { image: file, thumbnail: file });
      memory?.remember('custom-list-items', item, 'image', entry.photo.hash);
      memory?.remember('custom-list-items', item, 'thumbnail', entry.photo.hash);
      notes.push('photo uploaded');
    } else if (entry.photoBaseline !== undefined) {
      memory?.remember('custom-list-items', item, 'image', entry.photoBaseline);
      memory?.remember('custom-list-items', item, 'thumbnail', entry.photoBaseline);
    }
    for (const op of entry.relations) {
      if (op.kind === 'create') {
        const listId = listIds.get(op.listName);
        if (listId === undefined)
          throw new GuidebookImportError('http', `the custom list ${JSON.stringify(op.listName)} could not be created`);
        await client.createCustomListItemRelation(guideId, { custom_list: listId, custom_list_item: item, rank: op.rank });
      } else {
        await gone(() => client.deleteCustomListItemRelation(op.relationId));
      }
    }
    const unlinked: string[] = [];
    for (const op of entry.links) {
      if (op.kind === 'delete') await gone(() => client.deleteLink(op.linkId));
      else if (op.kind === 'patch') await client.patchLink(op.linkId, { guide: guideId, rank: op.rank });
      else {
        const sessionId = sessionIds.get(op.sessionImportId);
        if (sessionId === undefined) {
          unlinked.push(op.sessionImportId);
          continue;
        }
        const [source, target] = op.direction === 'session-speaker' ? [sessionId, item] : [item, sessionId];
        await client.createLink({
          guide: guideId,
          source_content_type: op.direction === 'session-speaker' ? 'schedule.session' : 'custom_list.customlistitem',
          source_object_id: source,
          target_content_type: op.direction === 'session-speaker' ? 'custom_list.customlistitem' : 'schedule.session',
          target_object_id: target,
          rank: op.rank,
          import_id: op.importId,
        });
      }
    }
    const linkCount = entry.links.length - unlinked.length;
    if (linkCount > 0) notes.push(`${linkCount} link${linkCount === 1 ? '' : 's'} written`);
    if (unlinked.length > 0) {
      const sessions = [...new Set(unlinked)];
      return {
        result: {
          entry,
          outcome: 'failed',
          itemId,
          httpStatus: status,
          message: `not linked to session${sessions.length === 1 ? '' : 's'} ${sessions.map((id) => JSON.stringify(id)).join(', ')}: the session was not created`,
        },
      };
    }
    return { result: { entry, outcome: 'done', itemId, httpStatus: status, message: notes.join('; ') } };
  } catch (error) {
    if (isStopError(error)) {
      const partly = notes.length > 0 || earlierAttemptWasSent(error);
      // Cut short by the run's stop, not refused: like a row never started, it is what a re-run
      // does (not_attempted), not a failure to fix; its message says part of it was written.
      return {
        result: {
          entry,
          outcome: 'not_attempted',
          itemId,
          httpStatus: error instanceof HttpError ? error.status : null,
          message: partly ? `${error.message} (partly written; a re-run finishes it without duplicates)` : notAttemptedMessage(error),
        },
        stop: error,
      };
    }
    return {
      result: {
        entry,
        outcome: 'failed',
        itemId,
        httpStatus: error instanceof HttpError ? error.status : null,
        message: failureMessage(error),
      },
    };
  }
}

/** A delete whose object is already gone did what it wanted. */
async function gone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return;
    throw error;
  }
}

function failureMessage(error: unknown): string {
  if (error instanceof HttpError) {
    return error.status === 400 && Object.keys(error.fieldErrors).length > 0
      ? `server rejected: ${formatFieldErrors(error.fieldErrors)}`
      : error.message;
  }
  if (error instanceof GuidebookImportError) return error.message;
  return `unexpected error while handling the server's answer (${error instanceof Error ? error.name : typeof error}); the speaker is not counted as done`;
}
