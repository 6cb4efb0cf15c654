// The end of an import that wrote: changes made through the API reach attendees only once the
// guide is published. With --publish a clean run that wrote publishes it; a refusal (a plan that
// cannot publish, an archived guide) is one clear line and exit 1. Without it, the run says so.
import { HttpError } from '../errors.js';
import type { GuidebookClient } from '../api/types.js';
import type { Summary } from '../types.js';
import { inform, say } from './commands/run-context.js';
import { oneLine } from './report-error.js';

export interface PublishStep {
  client: GuidebookClient;
  guideId: number;
  summary: Summary;
  exitCode: number;
  dryRun: boolean;
  publish: boolean;
}

/** Publishes when asked and the run allows it; returns the run's exit code (1 when a publish was refused). */
export async function publishStep(step: PublishStep): Promise<number> {
  if (step.dryRun || !wroteSomething(step.summary)) return step.exitCode;
  if (!step.publish) {
    inform(`Attendees see these changes once guide ${step.guideId} is published: run with --publish, or use Publish in Guidebook Builder.`);
    return step.exitCode;
  }
  if (step.exitCode !== 0) {
    say(`guide ${step.guideId} was not published: the run did not end cleanly (fix the failed rows, run again with --publish)`);
    return step.exitCode;
  }
  try {
    await step.client.publishGuide(step.guideId);
  } catch (error) {
    say(`guidebook-import: ${publishRefusal(step.guideId, error)}`);
    return 1;
  }
  inform(`Published guide ${step.guideId}: attendees see the changes.`);
  return step.exitCode;
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
