// --if-source-changed on the terminal: the check before any API request (the per-user state
// folder holds what the last clean run read), the one line that says a run is not needed, and
// the record made after a clean run. Loaded only by a run that asks for it.
import { resolve } from 'node:path';
import type { ImportOptions } from '../options/run-options.js';
import { checkSource, mappingDigest } from '../sources/source-check.js';
import { settingsDigest } from '../sources/source-memory.js';
import type { FetchedSource } from '../sources/types.js';
import { say } from './commands/run-context.js';
import { stateDir } from './run-lock.js';

export type SourceGate = { skip: true } | { skip: false; fetched: FetchedSource | undefined; afterCleanRun(): void };

export async function sourceGate(options: Readonly<ImportOptions>, apiUrl: string): Promise<SourceGate> {
  const check = await checkSource(options.file, {
    source: options.source,
    stateDir: stateDir(),
    guide: options.guide,
    // The in-process sandbox listens on a new port each run: its state file is what stays the same.
    apiUrl: options.sandbox ? `sandbox:${options.sandboxState ? resolve(options.sandboxState) : '(in memory)'}` : apiUrl,
    settings: settingsDigest(outcomeSettings(options)),
  });
  if (check.unchanged) {
    say(`source unchanged since the clean run of ${check.remembered.at} (${check.why}): nothing to import, no request sent`);
    if (options.json)
      process.stdout.write(
        `${JSON.stringify({ command: 'import', guide: options.guide, source_unchanged: true, since: check.remembered.at, requests: 0, exit_code: 0 })}\n`,
      );
    return { skip: true };
  }
  return { skip: false, fetched: check.fetched, afterCleanRun: check.remember };
}

/** The options that change what an import of the same bytes does; a change to any of them is a changed run. */
function outcomeSettings(options: Readonly<ImportOptions>): Record<string, unknown> {
  return {
    sheet: options.sheet ?? null,
    mapping: options.mapping ?? null,
    mappingContent: mappingDigest(options.mapping),
    timezone: options.timezone ?? null,
    dateFormat: options.dateFormat ?? null,
    overnight: options.overnight,
    prune: options.prune,
    yes: options.yes,
    maxDeletes: options.maxDeletes ?? null,
    createMissing: options.createMissing,
    format: options.source.format ?? null,
    from: options.source.from ?? null,
    to: options.source.to ?? null,
    speakersFile: options.speakersFile ?? null,
    speakersContent: mappingDigest(options.speakersFile),
    speakerList: options.speakerList ?? null,
    speakerListsByRole: options.speakerListsByRole,
  };
}
