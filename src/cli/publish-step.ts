// The end of an import that wrote: changes made through the API reach attendees only once the
// guide is published. With --publish a clean run that wrote publishes it; a refusal (a plan that
// cannot publish, an archived guide) is one clear line and exit 1. Without it, the run says so.
import type { GuidebookClient } from '../api/types.js';
import { HttpError } from '../errors.js';
import type { Summary } from '../types.js';
import { oneLine } from './report-error.js';

export interface PublishStep {
  client: GuidebookClient;
  guideId: number;
  summary: Summary;
  /** The run's own exit code: only a clean run (0) is published. */
  exitCode: number;
  dryRun: boolean;
  publish: boolean;
}

/** What the terminal is told after the summary; `refused` makes a clean run exit 1. */
export interface PublishOutcome {
  message: string;
  refused: boolean;
}

/** Publishes when asked and the run allows it; null when there is nothing to say (a dry run, nothing written). */
export async function publishStep(step: PublishStep): Promise<PublishOutcome | null> {
  if (step.dryRun) return null;
  if (!wroteSomething(step.summary)) {
    // Asked to publish, yet silent would read as done: a re-run of an import made without
    // --publish writes nothing, and its changes would wait unseen.
    if (!step.publish || step.exitCode !== 0) return null;
    return {
      message: `Nothing was written, so guide ${step.guideId} was not published; if an earlier run's changes are waiting, use Publish in Guidebook Builder.`,
      refused: false,
    };
  }
  if (!step.publish) {
    return {
      message: `Attendees see these changes once guide ${step.guideId} is published: run with --publish, or use Publish in Guidebook Builder.`,
      refused: false,
    };
  }
  if (step.exitCode !== 0) {
    // What to do first depends on how the run ended: rows to fix (1), or a stop (2: the key or a
    // redirect, said above; 3: Ctrl-C, the budget, --max-requests) that a re-run finishes.
    const then =
      step.exitCode === 1
        ? 'fix the rows that need attention, then run again with --publish'
        : 'it stopped early: once the reason above is dealt with, run the same import again with --publish';
    return { message: `guide ${step.guideId} was not published: the run did not end cleanly (${then})`, refused: false };
  }
  try {
    await step.client.publishGuide(step.guideId);
  } catch (error) {
    return { message: `guidebook-import: ${publishRefusal(step.guideId, error)}`, refused: true };
  }
  return { message: `Published guide ${step.guideId}: attendees see the changes.`, refused: false };
}

function wroteSomething(summary: Summary): boolean {
  const counts = [summary, summary.speakers].filter((c) => c !== undefined);
  return counts.some((c) => c.created + c.updated + c.deleted > 0);
}

/** The server's own reason when it gave one (its `detail`), else what the client saw. */
function publishRefusal(guideId: number, error: unknown): string {
  if (error instanceof HttpError) {
    const detail = error.fieldErrors.detail?.join(' ');
    const why = detail ? `${detail} (HTTP ${error.status})` : `HTTP ${error.status}`;
    return oneLine(`publishing guide ${guideId} was refused: ${why}; the changes are saved: publish from Guidebook Builder`);
  }
  return oneLine(`publishing guide ${guideId} failed: ${(error as Error).message}; the changes are saved: publish from Guidebook Builder`);
}
